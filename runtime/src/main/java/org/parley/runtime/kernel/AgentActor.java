package org.parley.runtime.kernel;

import java.util.ArrayDeque;
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
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;

/**
 * Hosts one agent's {@link Mind}. The mind is only ever called from this actor, one call at a
 * time: while a decision is in flight (an asynchronous mind), later observations and requests
 * wait in a small queue so the mind's state is never touched concurrently. The mind is closed
 * when the actor stops, that is when its episode ends.
 */
public final class AgentActor extends AbstractBehavior<AgentActor.Command> {

    /** Messages an agent actor understands. */
    public sealed interface Command extends KernelMessage {}

    /** Something the agent observed; the mind perceives it. */
    public record Perceive(Observation observation) implements Command {}

    /** Asks the mind to decide; the answer goes to {@code replyTo} tagged with {@code request}. */
    public record Decide(Turn turn, long request, ActorRef<EpisodeActor.Command> replyTo) implements Command {}

    /** A mind's asynchronous decision completed (sent by the actor to itself). */
    public record MindAnswered(long request, Action action, String error, long startedNanos) implements Command {}

    private final String agentId;
    private final Mind mind;
    private final ActorRef<EpisodeActor.Command> episode;
    private Decide inFlight;
    private ArrayDeque<Command> waiting;

    private AgentActor(ActorContext<Command> context, String agentId, Mind mind, ActorRef<EpisodeActor.Command> episode) {
        super(context);
        this.agentId = agentId;
        this.mind = mind;
        this.episode = episode;
    }

    /**
     * @param mind    the agent's mind, created by the episode; from now on only this actor calls it
     * @param episode where perception failures are reported
     */
    public static Behavior<Command> create(String agentId, Mind mind, ActorRef<EpisodeActor.Command> episode) {
        return Behaviors.setup(ctx -> new AgentActor(ctx, agentId, mind, episode));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Perceive.class, this::onPerceive)
                .onMessage(Decide.class, this::onDecide)
                .onMessage(MindAnswered.class, this::onAnswered)
                .onSignal(PostStop.class, s -> closeMind())
                .build();
    }

    private Behavior<Command> onPerceive(Perceive p) {
        if (inFlight != null) {
            enqueue(p);
        } else {
            perceive(p);
        }
        return this;
    }

    private Behavior<Command> onDecide(Decide d) {
        if (inFlight != null) {
            enqueue(d);
        } else {
            decide(d);
        }
        return this;
    }

    private Behavior<Command> onAnswered(MindAnswered answered) {
        Decide d = inFlight;
        if (d == null || d.request() != answered.request()) {
            return this;
        }
        inFlight = null;
        reply(d, answered.action(), answered.error(), answered.startedNanos());
        drain();
        return this;
    }

    private void perceive(Perceive p) {
        try {
            mind.perceive(p.observation());
        } catch (RuntimeException e) {
            episode.tell(new EpisodeActor.MindFailed(agentId, -1, "mind of '" + agentId + "' failed to perceive: "
                    + EpisodeActor.describe(e)));
        }
    }

    private void decide(Decide d) {
        long started = System.nanoTime();
        CompletionStage<Action> stage;
        try {
            stage = mind.decide(d.turn());
        } catch (RuntimeException e) {
            reply(d, null, EpisodeActor.describe(e), started);
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
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                reply(d, null, EpisodeActor.describe(e.getCause() == null ? e : e.getCause()), started);
            }
            return;
        }
        inFlight = d;
        d.replyTo().tell(new EpisodeActor.Deferred(agentId, d.request()));
        getContext().pipeToSelf(stage, (action, error) -> new MindAnswered(d.request(), action,
                error == null ? null : EpisodeActor.describe(unwrap(error)), started));
    }

    private void reply(Decide d, Action action, String error, long started) {
        long latency = System.nanoTime() - started;
        if (error != null) {
            d.replyTo().tell(new EpisodeActor.MindFailed(agentId, d.request(), "mind of '" + agentId + "' failed: " + error));
        } else if (action == null) {
            d.replyTo().tell(new EpisodeActor.MindFailed(agentId, d.request(), "mind of '" + agentId + "' returned no action"));
        } else {
            d.replyTo().tell(new EpisodeActor.Decided(agentId, d.request(), action, latency));
        }
    }

    private void enqueue(Command c) {
        if (waiting == null) {
            waiting = new ArrayDeque<>(4);
        }
        waiting.addLast(c);
    }

    private void drain() {
        while (inFlight == null && waiting != null && !waiting.isEmpty()) {
            Command c = waiting.pollFirst();
            if (c instanceof Perceive p) {
                perceive(p);
            } else if (c instanceof Decide d) {
                decide(d);
            }
        }
    }

    private Behavior<Command> closeMind() {
        try {
            mind.close();
        } catch (RuntimeException e) {
            // The episode is over and recorded; a mind that fails to release its resources cannot
            // change the result, so the failure is only logged.
            getContext().getLog().warn("closing the mind of '{}' failed: {}", agentId, EpisodeActor.describe(e));
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

    private static Throwable unwrap(Throwable t) {
        return (t instanceof CompletionException && t.getCause() != null) ? t.getCause() : t;
    }
}
