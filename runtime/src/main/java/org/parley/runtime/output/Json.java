package org.parley.runtime.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration for everything Parley writes (transcripts, manifests, summaries).
 * Map entries keep their insertion order (never sorted: the runtime builds insertion-ordered maps
 * so that the same run writes the same bytes), output is compact, and dates are ISO-8601 text.
 */
public final class Json {
    private static final ObjectMapper MAPPER = newMapper();

    private Json() {}

    /** A shared, thread-safe mapper. Do not reconfigure it; call {@link #newMapper()} for that. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A fresh mapper with Parley's settings. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }
}
