package org.parley.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How the gateway uses its record/replay cache.
 *
 * <ul>
 *   <li>{@code off}: every call goes to the provider; nothing is stored.</li>
 *   <li>{@code record}: every call goes to the provider and its response is stored.</li>
 *   <li>{@code replay}: every call is answered from the cache; a missing entry is an error.</li>
 *   <li>{@code auto}: answered from the cache when present, otherwise called and stored.</li>
 * </ul>
 */
public enum CacheMode {
    OFF, RECORD, REPLAY, AUTO;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CacheMode of(String id) {
        for (CacheMode m : values()) {
            if (m.id().equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown cache mode '" + id + "'; use off, record, replay or auto");
    }

    boolean reads() {
        return this == REPLAY || this == AUTO;
    }

    boolean writes() {
        return this == RECORD || this == AUTO;
    }
}
