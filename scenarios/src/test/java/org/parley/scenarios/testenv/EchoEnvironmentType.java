package org.parley.scenarios.testenv;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.agents.mind.AgentSetup;
import org.parley.environments.spi.EnvironmentType;
import org.parley.environments.spi.RuleBasedMinds;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;

/**
 * A small test-only environment: agents take turns saying a number; each agent's score is the sum
 * of what it said. Roles are {@code caller} and {@code answerer}.
 */
public final class EchoEnvironmentType
        implements EnvironmentType<EchoEnvironmentType.Params>, RuleBasedMinds<EchoEnvironmentType.Params> {

    /** Parameters bound from {@code environment.params}. */
    public record Params(int maxRounds, double threshold, Duration patience, String topic) {
        public Params {
            maxRounds = maxRounds == 0 ? 3 : maxRounds;
            patience = patience == null ? Duration.ofSeconds(1) : patience;
        }
    }

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String summary() {
        return "test environment: agents say numbers";
    }

    @Override
    public Class<Params> parametersType() {
        return Params.class;
    }

    @Override
    public List<String> roles(Params parameters) {
        return List.of("caller", "answerer");
    }

    @Override
    public List<String> check(Params p) {
        List<String> problems = new ArrayList<>();
        if (p.threshold() < 0 || p.threshold() > 1) {
            problems.add("threshold: must be between 0 and 1, was " + p.threshold() + "; use a share such as 0.5");
        }
        return problems;
    }

    @Override
    public Environment create(Params parameters, EpisodeContext context) {
        return new Echo(parameters, context);
    }

    @Override
    public Mind ruleBasedMind(Params parameters, AgentSetup agent, EpisodeContext context) {
        var random = new SplittableRandom(agent.seed());
        return new Mind() {
            @Override
            public void perceive(Observation observation) {}

            @Override
            public CompletionStage<Action> decide(Turn turn) {
                return CompletableFuture.completedFuture(
                        Action.speak(agent.id(), Integer.toString(random.nextInt(10))).producedBy(describe()));
            }

            @Override
            public String describe() {
                return "rule-based:" + (agent.policy() == null ? "default" : agent.policy());
            }
        };
    }

    private static final class Echo implements Environment {
        private final Params params;
        private final EpisodeContext context;
        private final Map<String, Double> sums = new java.util.LinkedHashMap<>();
        private int actions;

        Echo(Params params, EpisodeContext context) {
            this.params = params;
            this.context = context;
            context.agents().forEach(a -> sums.put(a.id(), 0.0));
        }

        @Override
        public Step start(EpisodeContext context) {
            return Step.of();
        }

        @Override
        public ActionSpace actionSpace(String agent) {
            return ActionSpace.of("speak");
        }

        @Override
        public Step act(Action action) {
            sums.merge(action.agent(), Double.parseDouble(action.text()), Double::sum);
            actions++;
            Step step = Step.of();
            return actions >= params.maxRounds() * context.agents().size() ? step.ending("done") : step;
        }

        @Override
        public Outcome outcome() {
            var agentScores = new java.util.LinkedHashMap<String, Map<String, Double>>();
            sums.forEach((id, sum) -> agentScores.put(id, Map.of("sum", sum)));
            return new Outcome(agentScores, Map.of("actions", (double) actions));
        }
    }
}
