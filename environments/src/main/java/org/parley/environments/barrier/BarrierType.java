package org.parley.environments.barrier;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of communication barrier one speaker can carry (SocialVeil's taxonomy), plus none. */
public enum BarrierType {
    NONE("none"),
    SEMANTIC_VAGUENESS("semantic-vagueness"),
    SOCIOCULTURAL_MISMATCH("sociocultural-mismatch"),
    EMOTIONAL_INTERFERENCE("emotional-interference");

    private final String key;

    BarrierType(String key) {
        this.key = key;
    }

    /** The name scenario files and metric tags use. */
    public String key() {
        return key;
    }

    /** Reads a scenario value; accepts the short names vague, cultural and emotional too. */
    public static BarrierType parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        switch (v) {
            case "vague", "vagueness" -> {
                return SEMANTIC_VAGUENESS;
            }
            case "cultural", "mismatch" -> {
                return SOCIOCULTURAL_MISMATCH;
            }
            case "emotional", "emotion" -> {
                return EMOTIONAL_INTERFERENCE;
            }
            default -> {
                for (BarrierType t : values()) {
                    if (t.key.equals(v)) {
                        return t;
                    }
                }
            }
        }
        throw new IllegalArgumentException("barrier.type: unknown barrier '" + value + "'; use one of "
                + Arrays.stream(values()).map(BarrierType::key).collect(Collectors.joining(", ")));
    }
}
