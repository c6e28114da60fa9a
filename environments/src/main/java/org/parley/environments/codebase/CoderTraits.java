package org.parley.environments.codebase;

import java.util.Map;
import org.parley.agents.persona.BigFive;
import org.parley.agents.persona.Persona;

/**
 * The dispositions that drive a rule-based coder, each on 0..1. Read from the persona's extensions
 * ({@code coordination-skill}, {@code diligence}, {@code communicativeness}, {@code deviation}),
 * falling back on Big Five traits; the scenario's {@code mind.params} override both.
 *
 * @param coordination  chance to honour a teammate's claim on a function (hand the change over
 *                      instead of editing the same lines) and to use the team view
 *                      (fallback: mean of agreeableness and conscientiousness)
 * @param diligence     fewer mistakes, more testing, keeps promises to include others' changes
 *                      (fallback: conscientiousness)
 * @param communicativeness chance to announce plans, ask, and answer (fallback: 0.3 + 0.7 × extraversion)
 * @param deviation     chance to edit a function after promising to stay out (fallback: 0.3 × (1 − conscientiousness))
 * @param bugRate       base chance of a mistake per change, scaled by (1.2 − diligence)
 * @param forgetRate    chance, scaled by (1 − diligence), to forget a change one promised to include
 * @param patience      turns to wait for a reply before acting alone
 */
public record CoderTraits(double coordination, double diligence, double communicativeness, double deviation,
        double bugRate, double forgetRate, int patience) {

    public static CoderTraits of(Persona persona, Map<String, Object> params) {
        BigFive b = persona == null ? BigFive.NEUTRAL : persona.bigFive();
        double coordination = pick(params, persona, "coordination-skill", (b.agreeableness() + b.conscientiousness()) / 2);
        double diligence = pick(params, persona, "diligence", b.conscientiousness());
        double communicativeness = pick(params, persona, "communicativeness", 0.3 + 0.7 * b.extraversion());
        double deviation = pick(params, persona, "deviation", 0.3 * (1 - b.conscientiousness()));
        double bugRate = pick(params, persona, "bug-rate", 0.25);
        double forgetRate = pick(params, persona, "forget-rate", 0.5);
        int patience = (int) Math.round(pick(params, persona, "patience", 3));
        return new CoderTraits(coordination, diligence, communicativeness, deviation, bugRate, forgetRate, Math.max(0, patience));
    }

    private static double pick(Map<String, Object> params, Persona persona, String key, double fallback) {
        if (params != null && params.get(key) instanceof Number n) return n.doubleValue();
        if (params != null && params.get(key) instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mind.params." + key + " must be a number, was '" + s + "'");
            }
        }
        return persona == null ? fallback : persona.number(key, fallback);
    }
}
