package org.parley.scenarios.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.models.Gateways;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.episode.EpisodeResolver;
import org.parley.runtime.episode.ResolvedEpisode;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.seed.Seeds;
import org.parley.scenarios.model.AgentSpec;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.model.ResolvedCondition;
import org.parley.scenarios.model.Scenario;

/**
 * Resolves the episodes of one loaded scenario on the node that runs them: the condition's
 * protocol and limits, its environment type's environment, every agent's mind (with the run's
 * model gateways for LLM minds), and the condition's judges as the evaluator. Everything is built
 * from the seeds it is given, so the same spec resolves to the same episode on any node.
 */
public final class ScenarioResolver implements EpisodeResolver {
    private final String hash;
    private final Map<String, Scenario> conditions = new LinkedHashMap<>();
    private final RunModels models;

    public ScenarioResolver(LoadedScenario scenario, RunModels models) {
        this.hash = scenario.contentHash();
        for (ResolvedCondition c : scenario.conditions()) {
            conditions.put(c.name(), c.scenario());
        }
        this.models = models;
    }

    /** A resolver for rule-based runs (no models). */
    public ScenarioResolver(LoadedScenario scenario) {
        this(scenario, RunModels.NONE);
    }

    @Override
    public ResolvedEpisode resolve(EpisodeSpec spec) {
        if (!hash.equals(spec.scenario())) {
            throw new IllegalArgumentException("episode " + spec.id() + " belongs to scenario " + spec.scenario()
                    + ", but this node holds scenario " + hash);
        }
        Scenario s = conditions.get(spec.condition());
        if (s == null) {
            throw new IllegalArgumentException("episode " + spec.id() + " names condition '" + spec.condition()
                    + "', which the scenario does not have (conditions: " + String.join(", ", conditions.keySet()) + ")");
        }
        Gateways gateways = models.gateways(spec.condition());
        List<ResolvedEpisode.Agent> agents = new ArrayList<>();
        for (AgentSpec a : s.agents()) {
            // The persona is the agent's profile: the kernel puts it, with the agent's seed, into the
            // episode's context; the mind gets the same participant, with the seed its factory is given.
            agents.add(new ResolvedEpisode.Agent(a.id(), a.role(), Seeds.agent(spec.seed(), a.id()), a.persona(),
                    (context, agentSeed) -> a.mind().prepared().create(
                            new EpisodeContext.Participant(a.id(), a.role(), agentSeed, a.persona()), context,
                            s.environment(), gateways)));
        }
        return new ResolvedEpisode(s.protocol(), s.limits(), context -> s.environment().create(context), agents,
                models.evaluator(spec.condition()));
    }
}
