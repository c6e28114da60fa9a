package org.parley.environments.socialveil;

import java.util.List;
import java.util.Map;
import org.parley.agents.mind.AgentSetup;
import org.parley.agents.persona.BigFive;
import org.parley.agents.persona.Persona;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.seed.Seeds;

/** Two personas and a one-call episode runner for the socialveil tests. */
final class SocialVeilFixtures {
    static final Persona MAYA = new Persona("Maya Ortiz", 36, "woman", "paramedic", "Works shifts; plain-spoken.",
            new BigFive(0.6, 0.6, 0.5, 0.6, 0.5), "ESFJ", List.of("fairness"), List.of(), List.of(), Map.of());
    static final Persona JONAS = new Persona("Jonas Berg", 41, "man", "accountant", "Careful with money.",
            new BigFive(0.5, 0.6, 0.45, 0.55, 0.45), "ISTJ", List.of("reliability"), List.of(), List.of(), Map.of());

    private SocialVeilFixtures() {}

    static SyncDriver.Run episode(SocialVeilParams params, String condition, int index) {
        return episode(params, condition, index, SimulationMetrics.NONE);
    }

    static SyncDriver.Run episode(SocialVeilParams params, String condition, int index, SimulationMetrics metrics) {
        long seed = Seeds.episode(20260501L, condition, index);
        var agents = List.of(
                new AgentSetup("maya", SocialVeilEnvironment.ROLE_A, MAYA, null, Map.of(), Seeds.agent(seed, "maya")),
                new AgentSetup("jonas", SocialVeilEnvironment.ROLE_B, JONAS, null, Map.of(), Seeds.agent(seed, "jonas")));
        return SyncDriver.run(new SocialVeilType(), params, agents, condition, seed, 60, metrics);
    }
}
