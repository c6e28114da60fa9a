package org.parley.scenarios.testenv;

import java.util.List;
import org.parley.environments.spi.EnvironmentType;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;

/**
 * A test-only environment type that relies on every default of the SPI: no summary, no declared
 * parameters type, no checks, and no rule-based minds, so only LLM minds can play it.
 */
public final class TallyEnvironmentType implements EnvironmentType<TallyEnvironmentType.Params> {

    /** Parameters bound from {@code environment.params}. */
    public record Params(int rounds) {}

    @Override
    public String name() {
        return "tally";
    }

    @Override
    public List<String> roles(Params parameters) {
        return List.of("speaker");
    }

    @Override
    public Environment create(Params parameters, EpisodeContext context) {
        return new Environment() {
            private int actions;

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
                actions++;
                return actions >= parameters.rounds() * context.agents().size() ? Step.of().ending("done") : Step.of();
            }

            @Override
            public Outcome outcome() {
                return Outcome.empty();
            }
        };
    }
}
