package org.parley.runtime.kernel;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.parley.runtime.environment.Action;
import org.parley.runtime.mind.Mind;

/**
 * Hosts one agent's {@link Mind}. The mind is only ever called from this actor, one call at a
 * time: while a decision is in flight (an asynchronous mind), later observations and requests
 * wait in a small queue so the mind's state is never touched concurrently. The mind is closed
 * when the actor stops, that is when its episode ends.
 */
final class AgentActor extends AbstractBehavior<AgentCommand> {
    private final String agentId;
    private final Mind mind;
    private final ActorRef<DecisionReply> episode;
    private AgentCommand.Decide inFlight;
    private ArrayDeque<AgentCommand> waiting;

    private AgentActor(ActorContext<AgentCommand> context, String agentId, Mind mind, ActorRef<DecisionReply> episode) {
        super(context);
        this.agentId = agentId;
        this.mind = mind;
        this.episode = episode;
    }

    /**
     * @param mind    the agent's mind, created by the episode; from now on only this actor calls it
     * @param episode where perception failures are reported
     */
    static Behavior<AgentCommand> create(String agentId, Mind mind, ActorRef<DecisionReply> episode) {
        return Behaviors.setup(ctx -> new AgentActor(ctx, agentId, mind, episode));
    }

    @Override
    public Receive<AgentCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(AgentCommand.Perceive.class, this::onPerceive)
                .onMessage(AgentCommand.Decide.class, this::onDecide)
                .onMessage(AgentCommand.MindAnswered.class, this::onAnswered)
                .onSignal(PostStop.class, s -> closeMind())
                .build();
    }

    private Behavior<AgentCommand> onPerceive(AgentCommand.Perceive p) {
        if (inFlight != null) {
            enqueue(p);
        } else {
            perceive(p);
        }
        return this;
    }

    private Behavior<AgentCommand> onDecide(AgentCommand.Decide d) {
        if (inFlight != null) {
            enqueue(d);
        } else {
            decide(d);
        }
        return this;
    }

    private Behavior<AgentCommand> onAnswered(AgentCommand.MindAnswered answered) {
        var d = inFlight;
        if (d == null || d.request() != answered.request()) {
            return this;
        }
        inFlight = null;
        reply(d, answered.action(), answered.error(), answered.startedNanos());
        drain();
        return this;
    }

    private void perceive(AgentCommand.Perceive p) {
        try {
            mind.perceive(p.observation());
        } catch (RuntimeException e) {
            episode.tell(new DecisionReply.MindFailed(agentId, -1, "mind of '" + agentId + "' failed to perceive: "
                    + Failures.describe(e)));
        }
    }

    private void decide(AgentCommand.Decide d) {
        long started = System.nanoTime();
        CompletionStage<Action> stage;
        try {
            stage = mind.decide(d.turn());
        } catch (RuntimeException e) {
            reply(d, null, Failures.describe(e), started);
            return;
        }
        if (stage == null) {
            reply(d, null, "decide returned no stage", started);
            return;
        }
        CompletableFuture<Action> future = asFuture(stage);
        if (future != null && future.isDone()) {
            // Synchronous minds (rule-based) answer at once: no extra message, no deferral.
            try {
                reply(d, future.join(), null, started);
            } catch (CompletionException | CancellationException e) {
                reply(d, null, Failures.describe(e), started);
            }
            return;
        }
        inFlight = d;
        d.replyTo().tell(new DecisionReply.Deferred(agentId, d.request()));
        getContext().pipeToSelf(stage, (action, error) -> new AgentCommand.MindAnswered(d.request(), action,
                error == null ? null : Failures.describe(error), started));
    }

    private void reply(AgentCommand.Decide d, Action action, String error, long started) {
        long latency = System.nanoTime() - started;
        if (error != null) {
            d.replyTo().tell(new DecisionReply.MindFailed(agentId, d.request(), "mind of '" + agentId + "' failed: " + error));
        } else if (action == null) {
            d.replyTo().tell(new DecisionReply.MindFailed(agentId, d.request(), "mind of '" + agentId + "' returned no action"));
        } else {
            d.replyTo().tell(new DecisionReply.Decided(agentId, d.request(), action, latency));
        }
    }

    private void enqueue(AgentCommand c) {
        if (waiting == null) {
            waiting = new ArrayDeque<>(4);
        }
        waiting.addLast(c);
    }

    private void drain() {
        while (inFlight == null && waiting != null && !waiting.isEmpty()) {
            switch (waiting.pollFirst()) {
                case AgentCommand.Perceive p -> perceive(p);
                case AgentCommand.Decide d -> decide(d);
                case AgentCommand.MindAnswered a -> { }
            }
        }
    }

    private Behavior<AgentCommand> closeMind() {
        try {
            mind.close();
        } catch (RuntimeException e) {
            // The episode is over and recorded; a mind that fails to release its resources cannot
            // change the result, so the failure is only logged.
            getContext().getLog().warn("closing the mind of '{}' failed: {}", agentId, Failures.describe(e));
        }
        return this;
    }

    private static CompletableFuture<Action> asFuture(CompletionStage<Action> stage) {
        try {
            return stage.toCompletableFuture();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }
}
