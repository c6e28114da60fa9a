package org.parley.agents.rules;

import java.util.Map;

/**
 * Fills utterance templates such as {@code "I could do {price} for the {item}."}. Rule-based minds
 * keep several templates per situation and pick one with their seeded random source, so agents do
 * not all repeat one fixed sentence.
 */
public final class Phrases {
    private Phrases() {}

    /**
     * Replaces every {@code {name}} with {@code values.get(name)}. A placeholder without a value is
     * a bug in the template set, so it fails loudly rather than leaking braces into a transcript.
     */
    public static String fill(String template, Map<String, ?> values) {
        var out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed placeholder in template: " + template);
                }
                String name = template.substring(i + 1, close);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("template needs a value for {" + name + "}: " + template);
                }
                out.append(values.get(name));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Upper-cases the first letter (templates that start with a placeholder). */
    public static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
