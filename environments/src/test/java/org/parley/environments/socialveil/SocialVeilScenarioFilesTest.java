package org.parley.environments.socialveil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.seed.Seeds;

/** Every bundled socialveil scenario binds, passes its checks, and runs offline in every condition. */
class SocialVeilScenarioFilesTest {
    static final Path DIR = Path.of("..", "scenarios", "socialveil");

    @Test
    void bundledScenariosBindAndRunInEveryCondition() throws Exception {
        List<Path> files;
        try (var s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        var type = new SocialVeilType();
        for (Path file : files) {
            var scenario = ScenarioFile.read(file);
            assertThat(scenario.root.path("environment").path("type").asText()).as(file.toString()).isEqualTo("socialveil");
            var conditions = scenario.conditions();
            for (var c : conditions.entrySet()) {
                var params = scenario.params(type, c.getValue());
                assertThat(type.check(params)).as(file + " " + c.getKey()).isEmpty();
                long seed = Seeds.episode(scenario.root.path("seed").asLong(), c.getKey(), 0);
                var agents = scenario.agents(c.getValue(), seed);
                assertThat(agents).extracting(a -> a.role()).containsExactlyElementsOf(type.roles(params));
                var run = SyncDriver.run(type, params, agents, c.getKey(), seed, 40, SimulationMetrics.NONE);
                assertThat(run.outcome().episodeScores()).containsKey("mutual_understanding");
            }
            if (file.getFileName().toString().equals("barrier-grid.yaml")) {
                assertThat(conditions).hasSize(12).containsKey("none+none").containsKey("emotional+reasoning");
                assertThat(type.check(scenario.params(type, conditions.get("vague+repair"))).isEmpty()).isTrue();
                assertThat(scenario.params(type, conditions.get("vague+repair")).barrier().type()).isEqualTo("semantic-vagueness");
                assertThat(scenario.params(type, conditions.get("vague+repair")).adaptation()).isEqualTo("repair");
            }
        }
    }
}
