package org.parley.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content address of a model call: SHA-256 of the canonical JSON (sorted keys, no whitespace) of
 * everything that determines the answer — provider, model id, sampling parameters, messages, tools
 * and seed. The scenario's model name, base URL, key, episode and role are left out, so a recording
 * replays against another endpoint or under another model alias.
 */
public final class CacheKey {
    static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CacheKey() {}

    /** The canonical request document that is hashed (also stored beside the response for inspection). */
    public static Map<String, Object> document(ModelSpec spec, ModelCall call) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("provider", spec.provider().id());
        doc.put("model", spec.model());
        doc.put("temperature", call.temperature() != null ? call.temperature() : spec.temperature());
        doc.put("max-tokens", call.maxTokens() != null ? call.maxTokens() : spec.maxTokens());
        doc.put("messages", call.messages());
        doc.put("tools", call.tools());
        doc.put("seed", call.seed());
        return doc;
    }

    public static String of(ModelSpec spec, ModelCall call) {
        return sha256(canonicalJson(document(spec, call)));
    }

    static String canonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a cache key document", e);
        }
    }

    static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
