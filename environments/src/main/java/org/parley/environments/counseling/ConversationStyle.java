package org.parley.environments.counseling;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Patient-Ψ's conversation styles with their sentence cap per turn, plus how each colours a
 * rule-based client: {@code openness} scales its willingness to disclose, {@code tangentRate} is
 * the chance a turn wanders off topic.
 */
public enum ConversationStyle {
    PLAIN("plain", 5, 1.0, 0.0),
    UPSET("upset", 3, 0.8, 0.0),
    VERBOSE("verbose", 8, 1.25, 0.1),
    RESERVED("reserved", 3, 0.55, 0.0),
    TANGENT("tangent", 5, 0.85, 0.4),
    PLEASING("pleasing", 5, 1.1, 0.0);

    private final String key;
    private final int sentenceCap;
    private final double openness;
    private final double tangentRate;

    ConversationStyle(String key, int sentenceCap, double openness, double tangentRate) {
        this.key = key;
        this.sentenceCap = sentenceCap;
        this.openness = openness;
        this.tangentRate = tangentRate;
    }

    public String key() {
        return key;
    }

    public int sentenceCap() {
        return sentenceCap;
    }

    public double openness() {
        return openness;
    }

    public double tangentRate() {
        return tangentRate;
    }

    public static ConversationStyle parse(String value) {
        String v = value == null ? "plain" : value.trim().toLowerCase(Locale.ROOT);
        for (var s : values()) {
            if (s.key.equals(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("extensions.conversation-style: unknown style '" + value + "'; use one of "
                + Arrays.stream(values()).map(ConversationStyle::key).collect(Collectors.joining(", ")));
    }

    /** The instruction an LLM client gets for this style. */
    public String promptOverlay() {
        return switch (this) {
            case PLAIN -> "Speak plainly and directly, at most 5 sentences a turn.";
            case UPSET -> "You are upset: short, emotional answers, sometimes frustrated with the counselor; at most 3 sentences.";
            case VERBOSE -> "You talk a lot and give long, detailed answers with background; at most 8 sentences.";
            case RESERVED -> "You are guarded and say little until you trust the counselor; at most 3 sentences.";
            case TANGENT -> "You drift to side topics and need bringing back; at most 5 sentences.";
            case PLEASING -> "You try to please the counselor and agree readily, even when you do not really agree; at most 5 sentences.";
        };
    }
}
