package org.parley.agents.persona;

/**
 * Big Five personality traits, each on 0..1 (0.5 is the population middle). Rule-based minds read
 * them as dispositions: agreeableness raises concession, neuroticism raises affective reactions.
 */
public record BigFive(
        double openness, double conscientiousness, double extraversion, double agreeableness, double neuroticism) {

    public static final BigFive NEUTRAL = new BigFive(0.5, 0.5, 0.5, 0.5, 0.5);

    public BigFive {
        check("openness", openness);
        check("conscientiousness", conscientiousness);
        check("extraversion", extraversion);
        check("agreeableness", agreeableness);
        check("neuroticism", neuroticism);
    }

    private static void check(String trait, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(trait + " must be between 0 and 1, was " + value);
        }
    }
}
