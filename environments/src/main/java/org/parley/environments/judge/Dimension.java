package org.parley.environments.judge;

/**
 * One thing a judge scores, for each agent.
 *
 * @param name         snake_case name; becomes part of the score column ({@code sotopia_goal})
 * @param min          lowest score on the scale
 * @param max          highest score on the scale
 * @param direction    which end is better (for reports; scores are stored as given)
 * @param instructions what the judge should weigh, shown to the judging model
 */
public record Dimension(String name, double min, double max, Direction direction, String instructions) {

    public Dimension {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("dimension name '" + name
                    + "' must be snake_case (lower-case letters, digits, _), e.g. social_rules");
        }
        if (!(min < max)) {
            throw new IllegalArgumentException("dimension " + name + ": min (" + min + ") must be below max (" + max + ")");
        }
        direction = direction == null ? Direction.HIGHER_IS_BETTER : direction;
        instructions = instructions == null ? "" : instructions.strip();
    }

    public double clamp(double score) {
        return Math.max(min, Math.min(max, score));
    }

    /** The scale as the prompt states it, e.g. {@code -5 to 5}. */
    public String scale() {
        return number(min) + " to " + number(max);
    }

    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
