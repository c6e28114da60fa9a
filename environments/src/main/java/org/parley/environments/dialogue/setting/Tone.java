package org.parley.environments.dialogue.setting;

import java.util.List;
import java.util.Locale;

/**
 * How polite or hostile one action is, from -1.5 (hostile) to +1 (warm). Taken from the action's
 * {@code tone} argument when present, otherwise from a small politeness and hostility lexicon, so
 * text-only minds are scored too. Relationship change is built from these values.
 */
public enum Tone {
    WARM("warm", 1.0),
    POLITE("polite", 0.5),
    NEUTRAL("neutral", 0.0),
    CURT("curt", -0.5),
    HOSTILE("hostile", -1.5);

    private static final List<String> POLITE_MARKERS = List.of(
            "please", "thank", "sorry", "appreciate", "glad", "lovely", "kind of you", "no worries",
            "of course", "pleasure", "happy to", "great to", "nice to", "take care", "smiles", "nods", "laughs");
    private static final List<String> HOSTILE_MARKERS = List.of(
            "ridiculous", "insult", "joke", "waste of", "stupid", "absurd", "forget it", "rip-off",
            "whatever", "leave me alone", "shut up", "i said no", "rolls their eyes", "scoffs", "glares");

    private final String label;
    private final double value;

    Tone(String label, double value) {
        this.label = label;
        this.value = value;
    }

    public String label() {
        return label;
    }

    /** Contribution to relationship change. */
    public double value() {
        return value;
    }

    /** The tone named {@code label}, or null when the label is not one of ours. */
    public static Tone named(Object label) {
        if (label instanceof String s) {
            for (Tone t : values()) {
                if (t.label.equalsIgnoreCase(s)) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The tone of words without a declared tone. */
    public static Tone ofText(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int polite = 0;
        int hostile = 0;
        for (String m : POLITE_MARKERS) {
            if (lower.contains(m)) {
                polite++;
            }
        }
        for (String m : HOSTILE_MARKERS) {
            if (lower.contains(m)) {
                hostile++;
            }
        }
        if (hostile > 1) {
            return HOSTILE;
        }
        if (hostile == 1) {
            return polite > 0 ? NEUTRAL : CURT;
        }
        return polite > 1 ? WARM : polite == 1 ? POLITE : NEUTRAL;
    }

    private static final List<String> GOODBYES = List.of(
            "goodbye", "good bye", "bye", "see you", "take care", "farewell", "have a good one", "talk soon");

    /** Whether words read as a farewell. */
    public static boolean soundsLikeGoodbye(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String g : GOODBYES) {
            int i = lower.indexOf(g);
            // whole-word match, so "maybe" or "byelaw" do not end a conversation
            if (i >= 0 && (i == 0 || !Character.isLetter(lower.charAt(i - 1)))
                    && (i + g.length() == lower.length() || !Character.isLetter(lower.charAt(i + g.length())))) {
                return true;
            }
        }
        return false;
    }
}
