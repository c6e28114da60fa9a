package org.parley.environments.counseling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.environments.socialveil.ScenarioFile;
import org.parley.environments.socialveil.SyncDriver;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.seed.Seeds;

/** Every bundled counseling scenario binds, passes its checks, and runs a full course in every condition. */
class CounselingScenarioFilesTest {

    @Test
    void bundledScenariosBindAndRunInEveryCondition() throws Exception {
        List<Path> files;
        try (var s = Files.list(CounselingFixtures.DIR)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("course.yaml", "red-team.yaml");
        var type = new CounselingType();
        for (Path file : files) {
            var scenario = ScenarioFile.read(file);
            assertThat(scenario.root.path("environment").path("type").asText()).isEqualTo("counseling");
            var conditions = scenario.conditions();
            for (var c : conditions.entrySet()) {
                var params = scenario.params(type, c.getValue());
                assertThat(type.check(params)).as(file + " " + c.getKey()).isEmpty();
                assertThat(params.sessions()).isEqualTo(3);
                long seed = Seeds.episode(scenario.root.path("seed").asLong(), c.getKey(), 0);
                var agents = scenario.agents(c.getValue(), seed);
                var run = SyncDriver.run(type, params, agents, c.getKey(), seed,
                        scenario.root.path("limits").path("max-turns").asInt(), SimulationMetrics.NONE);
                assertThat(run.endReason()).as(file + " " + c.getKey()).isEqualTo("sessions-complete");
            }
            if (file.getFileName().toString().equals("red-team.yaml")) {
                assertThat(conditions).hasSize(24).containsKeys("rosa+safe", "rosa+unsafe");
                var unsafe = scenario.agents(conditions.get("victor+unsafe"), 1);
                assertThat(unsafe.get(1).policy()).isEqualTo("unsafe");
                assertThat(unsafe.get(0).persona().name()).isEqualTo("Victor Hale");
            }
            if (file.getFileName().toString().equals("course.yaml")) {
                assertThat(conditions).hasSizeGreaterThanOrEqualTo(10);
            }
        }
    }
}
