package org.parley.environments.counseling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.parley.agents.mind.AgentSetup;
import org.parley.agents.persona.Persona;
import org.parley.environments.socialveil.ScenarioFile;
import org.parley.environments.socialveil.SyncDriver;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.seed.Seeds;

/** The bundled client personas and a one-call course runner for the counseling tests. */
final class CounselingFixtures {
    static final Path DIR = Path.of("..", "scenarios", "counseling");
    static final List<String> CLIENTS = List.of("daniel", "rosa", "henry", "kenji", "lorraine", "aisha", "victor", "sven",
            "marcus", "beatrice", "priya", "olu");
    static final Persona COUNSELOR = Persona.named("Dr. Elena Vasquez");

    private CounselingFixtures() {}

    static Persona client(String name) {
        try {
            return ScenarioFile.read(DIR.resolve("course.yaml")).persona(
                    ScenarioFile.read(DIR.resolve("course.yaml")).root, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SyncDriver.Run course(CounselingParams params, Persona client, String policy, String condition, int index) {
        return course(params, client, policy, condition, index, SimulationMetrics.NONE);
    }

    static SyncDriver.Run course(CounselingParams params, Persona client, String policy, String condition, int index,
            SimulationMetrics metrics) {
        long seed = Seeds.episode(77, condition, index);
        var agents = List.of(
                new AgentSetup("client", "client", client, "client", Map.of(), Seeds.agent(seed, "client")),
                new AgentSetup("counselor", "counselor", COUNSELOR, policy, Map.of(), Seeds.agent(seed, "counselor")));
        return SyncDriver.run(new CounselingType(), params, agents, condition, seed, 2 * params.sessions() * params.maxRounds() + 2,
                metrics);
    }
}
