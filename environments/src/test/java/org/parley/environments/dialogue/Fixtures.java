package org.parley.environments.dialogue;

import java.util.List;
import java.util.Map;
import org.parley.agents.mind.AgentSetup;
import org.parley.agents.persona.BigFive;
import org.parley.agents.persona.Persona;
import org.parley.environments.dialogue.setting.DialogueParams;
import org.parley.environments.dialogue.setting.Objective;
import org.parley.environments.dialogue.setting.Relationship;
import org.parley.environments.dialogue.setting.RoleBrief;

/** Personas and parameters shared by the dialogue tests. */
final class Fixtures {
    private Fixtures() {}

    static Persona persona(String name, double o, double c, double e, double a, double n) {
        return new Persona(name, 40, null, "teacher", name + " lives nearby.", new BigFive(o, c, e, a, n), null,
                List.of(), List.of(), List.of(), Map.of());
    }

    static final Persona NEUTRAL = persona("Nora Neutral", 0.5, 0.5, 0.5, 0.5, 0.5);
    static final Persona AGREEABLE = persona("Ada Agreeable", 0.5, 0.5, 0.5, 0.9, 0.3);
    static final Persona STUBBORN = persona("Stan Stubborn", 0.5, 0.7, 0.5, 0.1, 0.5);

    static DialogueParams bike() {
        return bike(180.0);
    }

    static DialogueParams bike(double buyerReservation) {
        return new DialogueParams(
                "A seller meets a buyer who answered an online ad for a used road bike.",
                Relationship.STRANGERS,
                ordered(
                        "seller", new RoleBrief("Sell the bike for as much as you can; never below $120.",
                                List.of("You are moving abroad next week and must sell the bike before then"),
                                "Listed the bike online for $220.",
                                new Objective.Negotiate("road bike", Objective.Side.SELLER, 120.0, 200.0, null)),
                        "buyer", new RoleBrief("Buy the bike as cheaply as possible; you can pay at most $" + (int) buyerReservation + ".",
                                List.of(), null,
                                new Objective.Negotiate("road bike", Objective.Side.BUYER, buyerReservation, 100.0, null))),
                15, null);
    }

    static Map<String, RoleBrief> ordered(String k1, RoleBrief v1, String k2, RoleBrief v2) {
        var m = new java.util.LinkedHashMap<String, RoleBrief>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    static AgentSetup agent(String id, String role, Persona persona, String policy, Map<String, Object> params,
            long episodeSeed) {
        return new AgentSetup(id, role, persona, policy, params, AlternatingLoop.agentSeed(episodeSeed, id));
    }
}
