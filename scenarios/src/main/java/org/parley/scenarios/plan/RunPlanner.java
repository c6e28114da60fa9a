package org.parley.scenarios.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.seed.Seeds;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.model.ResolvedCondition;
import org.parley.scenarios.model.Scenario;

/**
 * Turns a loaded scenario into the kernel's {@link RunPlan}: conditions × episodes, each an
 * {@link EpisodeSpec} with its seed from {@link Seeds#episode(long, String, int)} and the scenario's
 * content hash. A {@code ScenarioResolver} (in the run package) turns each spec into environment and minds on the node
 * that runs it.
 */
public final class RunPlanner {
    private RunPlanner() {}

    /** The run's seed: {@code --seed}, else the scenario's. */
    public static long seed(LoadedScenario scenario, RunOptions options) {
        return options.seed() != null ? options.seed() : scenario.base().seed();
    }

    public static int parallel(LoadedScenario scenario, RunOptions options) {
        return options.parallel() != null ? options.parallel() : scenario.base().parallel();
    }

    /** Every episode of the run, in plan order (condition by condition, index ascending). */
    public static List<EpisodeSpec> episodes(LoadedScenario scenario, RunOptions options) {
        long runSeed = seed(scenario, options);
        String hash = scenario.contentHash();
        List<EpisodeSpec> list = new ArrayList<>();
        for (ResolvedCondition c : scenario.conditions()) {
            int n = options.episodes() != null ? options.episodes() : c.scenario().episodes();
            for (int i = 0; i < n; i++) {
                list.add(new EpisodeSpec(hash, c.name(), i, Seeds.episode(runSeed, c.name(), i)));
            }
        }
        return list;
    }

    /**
     * @param skip episode ids already finished (resume); they are left out of the plan
     */
    public static RunPlan plan(LoadedScenario scenario, RunOptions options, String runId, Set<String> skip) {
        List<EpisodeSpec> specs = new ArrayList<>();
        for (EpisodeSpec e : episodes(scenario, options)) {
            if (!skip.contains(e.id())) {
                specs.add(e);
            }
        }
        Scenario base = scenario.base();
        return new RunPlan(runId, base.name(), base.environment().name(), specs, parallel(scenario, options),
                base.output().timestamps());
    }
}
