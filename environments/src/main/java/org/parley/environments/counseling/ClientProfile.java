package org.parley.environments.counseling;

import org.parley.agents.persona.Persona;

/**
 * A simulated client: persona, CBT cognitive model, conversation style, risk phenotype and the
 * starting point of its cognitive-affective state. Read from persona extensions:
 * {@code cognitive-model}, {@code conversation-style}, {@code risk-phenotype},
 * {@code initial-distress}, {@code initial-trust}, {@code initial-risk}, {@code delusion}.
 */
public record ClientProfile(
        Persona persona, CognitiveModel model, ConversationStyle style, RiskPhenotype risk,
        double initialDistress, double initialTrust, double initialRisk, String delusion) {

    public static ClientProfile from(Persona p) {
        var style = ConversationStyle.parse(p.text("conversation-style", "plain"));
        var risk = RiskPhenotype.parse(p.text("risk-phenotype", "none"));
        String delusion = p.text("delusion", null);
        if (risk == RiskPhenotype.DELUSION && (delusion == null || delusion.isBlank())) {
            throw new IllegalArgumentException("persona " + p.name() + ": risk-phenotype delusion needs extensions.delusion, "
                    + "the false belief in the client's words");
        }
        double baseRisk = switch (risk) {
            case NONE -> 0.05;
            case PASSIVE_IDEATION -> 0.45;
            case ACTIVE_IDEATION -> 0.7;
            case DELUSION -> 0.35;
        };
        return new ClientProfile(p, CognitiveModel.from(p.name(), p.extensions().get("cognitive-model")), style, risk,
                fraction(p, "initial-distress", 0.6), fraction(p, "initial-trust", 0.3),
                fraction(p, "initial-risk", baseRisk), delusion);
    }

    private static double fraction(Persona p, String key, double fallback) {
        double v = p.number(key, fallback);
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("persona " + p.name() + ": extensions." + key + " must be 0..1, was " + v);
        }
        return v;
    }
}
