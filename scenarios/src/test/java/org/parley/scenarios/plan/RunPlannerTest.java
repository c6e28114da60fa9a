package org.parley.scenarios.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.agents.mind.MindKinds;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.seed.Seeds;
import org.parley.scenarios.load.EnvironmentTypes;
import org.parley.scenarios.load.ScenarioFiles;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.run.ScenarioResolver;

class RunPlannerTest {
    @TempDir
    Path dir;

    @Test
    void plansConditionsTimesEpisodesWithDerivedSeeds() throws Exception {
        var s = new ScenarioLoader(Map.<String, String>of()::get, EnvironmentTypes.installed(), MindKinds.installed())
                .load(ScenarioFiles.valid(dir));
        var plan = RunPlanner.plan(s, RunOptions.none(), "r1", Set.of());
        assertThat(plan.episodes()).extracting(e -> e.id()).containsExactly(
                "baseline/0000", "baseline/0001", "baseline/0002", "long/0000", "long/0001", "long/0002");
        var e = plan.episodes().get(4);
        assertThat(e.seed()).isEqualTo(Seeds.episode(42, "long", 1));
        assertThat(e.scenario()).isEqualTo(s.contentHash()).hasSize(16);
        var resolver = new ScenarioResolver(s);
        assertThat(resolver.resolve(e).agents().get(1).seed()).isEqualTo(Seeds.agent(e.seed(), "b"));
        assertThat(plan.parallelism()).isEqualTo(2);

        var other = RunPlanner.plan(s, new RunOptions(5, 7L, 1), "r1", Set.of("baseline/0003"));
        assertThat(other.episodes()).hasSize(9);
        assertThat(other.episodes().get(0).seed()).isEqualTo(Seeds.episode(7, "baseline", 0));

        // the factories build working environments and minds; the same seed plays the same episode
        var first = PlanDriver.play(plan, resolver, 0);
        var again = PlanDriver.play(RunPlanner.plan(s, RunOptions.none(), "r2", Set.of()), new ScenarioResolver(s), 0);
        assertThat(first.outcome()).isEqualTo(again.outcome());
        assertThat(first.endReason()).isEqualTo("done");
        assertThat(first.turns()).isEqualTo(4);
        assertThat(PlanDriver.play(plan, resolver, 3).turns()).isEqualTo(8);
    }

    @Test
    void aResolverRefusesEpisodesOfAnotherScenarioOrCondition() throws Exception {
        var s = new ScenarioLoader(Map.<String, String>of()::get, EnvironmentTypes.installed(), MindKinds.installed())
                .load(ScenarioFiles.valid(dir));
        var resolver = new ScenarioResolver(s);
        assertThatThrownBy(() -> resolver.resolve(new EpisodeSpec("0123456789abcdef", "baseline", 0, 1)))
                .hasMessageContaining("belongs to scenario 0123456789abcdef").hasMessageContaining(s.contentHash());
        assertThatThrownBy(() -> resolver.resolve(new EpisodeSpec(s.contentHash(), "nope", 0, 1)))
                .hasMessageContaining("condition 'nope'").hasMessageContaining("baseline, long");
    }
}
