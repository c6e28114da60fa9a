package org.parley.scenarios.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parley.environments.spi.AgentSetup;
import org.parley.environments.spi.EpisodeSetup;
import org.parley.models.Gateways;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.seed.Seeds;
import org.parley.scenarios.llm.RunModels;
import org.parley.scenarios.model.AgentSpec;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.model.ResolvedCondition;
import org.parley.scenarios.model.Scenario;

/**
 * Turns a loaded scenario into the kernel's {@link RunPlan}: conditions × episodes, each with its
 * seed from {@link Seeds#episode(long, String, int)} and agent seeds from
 * {@link Seeds#agent(long, String)}. Factories build environments and minds inside the episode.
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
    public static List<PlannedEpisode> episodes(LoadedScenario scenario, RunOptions options) {
        long runSeed = seed(scenario, options);
        List<PlannedEpisode> list = new ArrayList<>();
        for (ResolvedCondition c : scenario.conditions()) {
            int n = options.episodes() != null ? options.episodes() : c.scenario().episodes();
            for (int i = 0; i < n; i++) {
                list.add(new PlannedEpisode(PlannedEpisode.id(c.name(), i), c.name(), i, Seeds.episode(runSeed, c.name(), i)));
            }
        }
        return list;
    }

    /**
     * @param skip episode ids already finished (resume); they are left out of the plan
     */
    public static RunPlan plan(LoadedScenario scenario, RunOptions options, String runId, Set<String> skip) {
        return plan(scenario, options, runId, skip, RunModels.NONE);
    }

    /**
     * As {@link #plan(LoadedScenario, RunOptions, String, Set)}, with the run's models: LLM minds
     * call them and the condition's judges score every completed episode.
     */
    public static RunPlan plan(LoadedScenario scenario, RunOptions options, String runId, Set<String> skip,
            RunModels models) {
        List<EpisodePlan> plans = new ArrayList<>();
        for (PlannedEpisode e : episodes(scenario, options)) {
            if (skip.contains(e.id())) {
                continue;
            }
            Scenario s = condition(scenario, e.condition()).scenario();
            plans.add(episode(s, e, models));
        }
        Scenario base = scenario.base();
        return new RunPlan(runId, base.name(), base.environment().name(), plans, parallel(scenario, options),
                base.output().timestamps());
    }

    private static ResolvedCondition condition(LoadedScenario scenario, String name) {
        return scenario.conditions().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** One episode's plan; its factories rebuild the same setup from the same seeds every time. */
    public static EpisodePlan episode(Scenario s, PlannedEpisode e) {
        return episode(s, e, RunModels.NONE);
    }

    /** One episode's plan with the run's models (gateways for LLM minds, judges as its evaluator). */
    public static EpisodePlan episode(Scenario s, PlannedEpisode e, RunModels models) {
        Gateways gateways = models.gateways(e.condition());
        List<EpisodePlan.AgentPlan> agents = new ArrayList<>();
        for (AgentSpec a : s.agents()) {
            long agentSeed = Seeds.agent(e.seed(), a.id());
            agents.add(new EpisodePlan.AgentPlan(a.id(), a.role(), agentSeed, seed -> {
                EpisodeSetup setup = setup(s, e);
                return a.mind().prepared().create(s.environment(), setup.agent(a.id()), setup, gateways);
            }));
        }
        return new EpisodePlan(e.id(), e.condition(), e.index(), e.seed(), s.protocol(), s.limits(),
                seed -> s.environment().create(setup(s, e)), agents, models.evaluator(e.condition()));
    }

    /** What the environment type sees of an episode. */
    public static EpisodeSetup setup(Scenario s, PlannedEpisode e) {
        List<AgentSetup> agents = new ArrayList<>();
        for (AgentSpec a : s.agents()) {
            agents.add(new AgentSetup(a.id(), a.role(), a.persona(), a.mind().policy(), a.mind().params(),
                    Seeds.agent(e.seed(), a.id())));
        }
        return new EpisodeSetup(e.id(), e.condition(), e.seed(), agents);
    }
}
