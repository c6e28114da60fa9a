package org.parley.runtime.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;

/**
 * A test environment: a room where a directed action reaches its addressee only and any other
 * action every other agent. It opens by briefing the agents named in {@code briefed}, counts
 * each agent's spoken lines as its score, and can be told to end or to throw after some actions.
 */
class Room implements Environment {
    private final List<String> briefed;
    private int endAfter = -1;
    private int throwAt = -1;
    private EpisodeContext context;
    private long turn;
    final List<Action> applied = Collections.synchronizedList(new ArrayList<>());
    volatile String endedWith;
    final Map<String, Double> spoken = new LinkedHashMap<>();
    private Function<Action, List<Event>> events = a -> List.of();
    /** Set while a call is inside the room: the kernel must never call it from two threads at once. */
    private final java.util.concurrent.atomic.AtomicBoolean inside = new java.util.concurrent.atomic.AtomicBoolean();

    /** @param briefed agents that receive an opening briefing; null for all */
    Room(List<String> briefed) {
        this.briefed = briefed;
    }

    Room endingAfter(int actions) {
        this.endAfter = actions;
        return this;
    }

    Room throwingAt(int action) {
        this.throwAt = action;
        return this;
    }

    Room withEvents(Function<Action, List<Event>> events) {
        this.events = events;
        return this;
    }

    @Override
    public Step start(EpisodeContext context) {
        enter();
        try {
            return open(context);
        } finally {
            inside.set(false);
        }
    }

    private void enter() {
        if (!inside.compareAndSet(false, true)) {
            throw new IllegalStateException("the room was entered by two threads at once");
        }
        Thread.onSpinWait();
    }

    private Step open(EpisodeContext context) {
        this.context = context;
        var step = Step.builder();
        for (var p : context.agents()) {
            spoken.put(p.id(), 0.0);
            if (briefed == null || briefed.contains(p.id())) {
                step.observe(new Observation(p.id(), 0, Observation.ENVIRONMENT, "briefing", "You are " + p.role() + ".",
                        Map.of("role", p.role())));
            }
        }
        step.event(Fact.of("opened", null));
        return step.build();
    }

    @Override
    public ActionSpace actionSpace(String agent) {
        return ActionSpace.of(ActionKinds.SPEAK, ActionKinds.NONE, ActionKinds.LEAVE);
    }

    @Override
    public Step act(Action action) {
        enter();
        try {
            return apply(action);
        } finally {
            inside.set(false);
        }
    }

    private Step apply(Action action) {
        applied.add(action);
        if (applied.size() == throwAt) {
            throw new IllegalStateException("room broke at action " + throwAt);
        }
        turn++;
        var step = Step.builder();
        if (action.is(ActionKinds.SPEAK)) {
            spoken.merge(action.agent(), 1.0, Double::sum);
            for (var p : context.agents()) {
                boolean reaches = action.to() == null ? !p.id().equals(action.agent()) : p.id().equals(action.to());
                if (reaches) {
                    step.observe(Observation.of(p.id(), turn, action));
                }
            }
        }
        events.apply(action).forEach(step::event);
        if (endAfter > 0 && applied.size() >= endAfter) {
            step.end("room-closed");
        }
        return step.build();
    }

    @Override
    public Step end(String reason) {
        endedWith = reason;
        return Step.of().with(new Fact("closing", null, Map.of("reason", reason)));
    }

    @Override
    public Outcome outcome() {
        var agents = new LinkedHashMap<String, Map<String, Double>>();
        spoken.forEach((id, n) -> agents.put(id, Map.of("lines", n)));
        return new Outcome(agents, Map.of("actions", (double) applied.size()));
    }
}
