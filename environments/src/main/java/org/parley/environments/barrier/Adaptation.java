package org.parley.environments.barrier;

import java.util.Locale;

/**
 * How the listener (agent B) is prepared for a barriered partner.
 *
 * <ul>
 *   <li>{@code none}: B behaves as its persona dictates.</li>
 *   <li>{@code repair}: B is instructed to ask for clarification, probe indirect statements by
 *       paraphrasing them back, and calm strong emotion.</li>
 *   <li>{@code reasoning}: B is prompted to reason about what the partner may mean before
 *       answering: it notices more of its own confusion and reads more implied meaning correctly,
 *       but is only slightly more inclined to ask.</li>
 * </ul>
 */
public enum Adaptation {
    NONE("none"),
    REPAIR("repair"),
    REASONING("reasoning");

    private final String key;

    Adaptation(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Adaptation parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Adaptation a : values()) {
            if (a.key.equals(v)) {
                return a;
            }
        }
        if (v.equals("repair-instruction")) {
            return REPAIR;
        }
        if (v.equals("reasoning-prompt")) {
            return REASONING;
        }
        throw new IllegalArgumentException("adaptation: unknown value '" + value + "'; use none, repair or reasoning");
    }

    /** The instruction text given to an LLM listener under this adaptation (empty for none). */
    public String promptOverlay() {
        return switch (this) {
            case NONE -> "";
            case REPAIR -> "Your partner may be hard to understand. When something they say is unclear, ask a "
                    + "specific clarifying question; when they seem to hint at something, say back what you "
                    + "think they mean and ask whether that is right; when they are upset, acknowledge the "
                    + "feeling calmly before moving on.";
            case REASONING -> "Before each reply, think step by step about what your partner most likely means, "
                    + "including what they leave unsaid, and which parts of their message you are unsure of. "
                    + "Then answer.";
        };
    }
}
