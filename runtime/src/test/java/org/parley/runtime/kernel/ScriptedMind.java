package org.parley.runtime.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;

/**
 * A test mind that follows a script: a policy chooses the action from the turn and everything
 * perceived so far; an optional delay makes it answer asynchronously, as an LLM mind would.
 */
class ScriptedMind implements Mind {
    static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scripted-mind-delays");
        t.setDaemon(true);
        return t;
    });

    interface Policy {
        Action decide(Turn turn, List<Observation> perceived);
    }

    private final String label;
    private final Policy policy;
    private final ToLongFunction<Turn> delayMillis;
    final List<Observation> perceived = Collections.synchronizedList(new ArrayList<>());
    final List<Long> turnsAsked = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean closed = new AtomicBoolean();

    ScriptedMind(String label, Policy policy) {
        this(label, policy, t -> 0);
    }

    ScriptedMind(String label, Policy policy, ToLongFunction<Turn> delayMillis) {
        this.label = label;
        this.policy = policy;
        this.delayMillis = delayMillis;
    }

    @Override
    public void perceive(Observation observation) {
        perceived.add(observation);
    }

    @Override
    public CompletionStage<Action> decide(Turn turn) {
        turnsAsked.add(turn.number());
        long delay = delayMillis.applyAsLong(turn);
        if (delay <= 0) {
            return CompletableFuture.completedFuture(policy.decide(turn, List.copyOf(perceived)));
        }
        var answer = new CompletableFuture<Action>();
        List<Observation> snapshot = List.copyOf(perceived);
        LATER.schedule(() -> {
            try {
                answer.complete(policy.decide(turn, snapshot));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }, delay, TimeUnit.MILLISECONDS);
        return answer;
    }

    @Override
    public String describe() {
        return label;
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
