package org.parley.environments.codebase;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Insertion-ordered maps for event data, observation data and action arguments. {@code Map.of}
 * with several entries iterates in an order that changes from one JVM run to the next, which
 * would break byte-identical transcripts.
 */
public final class Ordered {
    private Ordered() {}

    /** A map of alternating keys and values, in the order given. */
    public static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must come in pairs");
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }
}
