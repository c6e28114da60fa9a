package org.parley.environments.socialveil;

import java.util.Map;
import org.parley.agents.persona.BigFive;
import org.parley.environments.barrier.Adaptation;

/**
 * How an agent listens, derived from its persona's Big Five traits and its adaptation condition.
 * Mind parameters of the same names override the derived values.
 *
 * @param readSkill     chance of reading a plainly stated unit right (openness helps)
 * @param inference     extra chance of reading an implied unit right, scaled by how implied it was
 * @param noticeRate    chance of noticing one's own misreading (conscientiousness, openness)
 * @param askRate       chance of asking about a unit one knows is unclear (extraversion, low neuroticism)
 * @param paraphraseRate chance per turn of checking a shakily read unit by saying it back
 * @param calmRate      chance of acknowledging an upset partner's feelings (agreeableness)
 */
public record ListenerProfile(
        double readSkill, double inference, double noticeRate, double askRate, double paraphraseRate, double calmRate) {

    public static ListenerProfile of(BigFive t, Adaptation adaptation, Map<String, Object> overrides) {
        double read = 0.93 + 0.05 * t.openness();
        double inference = 0.05 + 0.1 * t.openness();
        double notice = 0.2 + 0.25 * t.conscientiousness() + 0.1 * t.openness();
        double ask = 0.2 + 0.3 * t.extraversion() + 0.1 * (1 - t.neuroticism());
        double paraphrase = 0.03 + 0.07 * t.agreeableness();
        double calm = 0.05 + 0.2 * t.agreeableness();
        switch (adaptation) {
            case REPAIR -> {
                ask += 0.2;
                paraphrase += 0.2;
                calm += 0.4;
                notice += 0.05;
            }
            case REASONING -> {
                notice += 0.3;
                inference += 0.12;
                ask += 0.08;
            }
            case NONE -> { }
        }
        return new ListenerProfile(
                clamp(number(overrides, "read-skill", read)),
                clamp(number(overrides, "inference", inference)),
                clamp(number(overrides, "notice-rate", notice)),
                clamp(number(overrides, "ask-rate", ask)),
                clamp(number(overrides, "paraphrase-rate", paraphrase)),
                clamp(number(overrides, "calm-rate", calm)));
    }

    private static double number(Map<String, Object> m, String key, double fallback) {
        return m.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
