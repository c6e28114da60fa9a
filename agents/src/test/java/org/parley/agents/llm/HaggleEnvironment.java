package org.parley.agents.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;

/** A two-person bike sale, small enough for tests: talk, make offers with a tool, leave. */
final class HaggleEnvironment implements Environment {
    static final ActionSpace.ToolSpec OFFER = new ActionSpace.ToolSpec("offer", "Offer a price for the bike",
            "{\"type\":\"object\",\"properties\":{\"price\":{\"type\":\"integer\",\"description\":\"dollars\"}},"
                    + "\"required\":[\"price\"]}");
    private final int maxTurns;
    private List<String> agents;
    private long turn;
    private Integer lastOffer;

    HaggleEnvironment(int maxTurns) {
        this.maxTurns = maxTurns;
    }

    @Override
    public Step start(EpisodeContext context) {
        agents = context.agents().stream().map(EpisodeContext.Participant::id).toList();
        return Step.of(
                new Observation("buyer", 0, Observation.ENVIRONMENT, "briefing", "A used bike is listed at $200.", Map.of()),
                new Observation("seller", 0, Observation.ENVIRONMENT, "briefing", "You are selling your bike; $150 is your floor.", Map.of()));
    }

    @Override
    public ActionSpace actionSpace(String agent) {
        return new ActionSpace(List.of(ActionKinds.SPEAK, ActionKinds.NON_VERBAL, ActionKinds.LEAVE, ActionKinds.NONE),
                List.of(OFFER));
    }

    @Override
    public Step act(Action action) {
        var step = Step.builder();
        if (action.is("offer")) {
            int price = ((Number) action.args().get("price")).intValue();
            lastOffer = price;
            var data = new LinkedHashMap<String, Object>();
            data.put("price", price);
            step.event(new Fact("offer", action.agent(), data));
            for (String a : agents) {
                step.observe(a.equals(action.agent())
                        ? new Observation(a, turn, Observation.ENVIRONMENT, "offer-result", "Your offer of $" + price + " was made.", Map.of())
                        : Observation.of(a, turn, action));
            }
        } else {
            for (String a : agents) {
                step.observe(Observation.of(a, turn, action));
            }
        }
        turn++;
        if (action.is(ActionKinds.LEAVE)) {
            step.end("left");
        } else if (turn >= maxTurns) {
            step.end("turn-cap");
        }
        return step.build();
    }

    @Override
    public Outcome outcome() {
        return new Outcome(Map.of(), lastOffer == null ? Map.of() : Map.of("last_offer", lastOffer.doubleValue()));
    }
}
