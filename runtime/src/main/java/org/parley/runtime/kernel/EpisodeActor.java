package org.parley.runtime.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.episode.EpisodeEvaluator;
import org.parley.runtime.episode.EpisodeResolver;
import org.parley.runtime.episode.ResolvedEpisode;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.kernel.turn.TurnOrders;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.EpisodeSpec;

/**
 * Runs one episode, one behaviour per stage: setting up (the spec resolved on this node, the
 * environment and minds built, agents spawned), running (a {@link TurnDriver} plays the turns),
 * evaluating (waiting for an LLM judge, say), then stopped. The episode actor also hosts the
 * environment: it is created, called and ended only from this actor, one message at a time. Each
 * agent's {@link Mind} lives in its own {@link AgentActor}.
 *
 * <p>Anything that goes wrong inside the episode (a mind or the environment throwing, a mind too
 * slow, an agent actor crashing) ends this episode as failed and leaves the rest of the run alone.
 * Endings and their precedence are described in this package's documentation.
 */
final class EpisodeActor {
    private static final String EPISODE_TIMER = "episode";

    private final ActorContext<EpisodeCommand> context;
    private final TimerScheduler<EpisodeCommand> timers;
    private final EpisodeSpec spec;
    private final ActorRef<SupervisorCommand> supervisor;
    private final int slot;
    private final ActorRef<DecisionReply> replies;
    private Episode episode;
    private TurnDriver driver;
    /** The running stage's behaviour, built once: a turn that goes on returns {@code same}. */
    private Behavior<EpisodeCommand> running;

    private EpisodeActor(ActorContext<EpisodeCommand> context, TimerScheduler<EpisodeCommand> timers, EpisodeSpec spec,
            ActorRef<SupervisorCommand> supervisor, int slot) {
        this.context = context;
        this.timers = timers;
        this.spec = spec;
        this.supervisor = supervisor;
        this.slot = slot;
        this.replies = context.messageAdapter(DecisionReply.class, EpisodeCommand.AgentReplied::new);
    }

    /**
     * The behaviour of one episode.
     *
     * @param resolver   turns the spec into environment and minds on this node
     * @param recorder   the run's recorder, or null when nobody reads the events
     * @param supervisor told when the episode has finished (just before this actor stops)
     * @param slot       the episode's position in the run plan, echoed back to the supervisor
     */
    static Behavior<EpisodeCommand> create(EpisodeSpec spec, EpisodeResolver resolver, ActorRef<RecorderCommand> recorder,
            ActorRef<SupervisorCommand> supervisor, int slot) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new EpisodeActor(ctx, timers, spec, supervisor, slot).setUp(resolver, recorder)));
    }

    // ---- setting up ----------------------------------------------------------------------------

    private Behavior<EpisodeCommand> setUp(EpisodeResolver resolver, ActorRef<RecorderCommand> recorder) {
        ResolvedEpisode resolved;
        try {
            resolved = resolver.resolve(spec);
            if (resolved == null) {
                throw new IllegalStateException("the resolver returned no episode");
            }
        } catch (RuntimeException e) {
            return unresolved(recorder, "episode could not be resolved: " + Failures.describe(e));
        }
        episode = new Episode(spec, resolved, new EventStream(recorder, resolved.evaluator() != null), timers);
        var setup = new EpisodeSetUp(episode);
        String failure = setup.build();
        episode.emit(new EpisodeEvent.Started(episode.id, spec.condition(), spec.index(), spec.seed(),
                resolved.protocol() == null ? "none" : resolved.protocol().label(), setup.agents()));
        if (failure != null) {
            setup.closeMinds();
            return fail(setup.failedAgent(), "setup", failure, !setup.environmentFailed(), null);
        }
        try {
            driver = driver(resolved.protocol());
        } catch (IllegalArgumentException e) {
            setup.closeMinds();
            return fail(null, "setup", Failures.describe(e), true, null);
        }
        List<Mind> minds = setup.minds();
        for (int i = 0; i < minds.size(); i++) {
            episode.agents[i] = context.spawn(AgentActor.create(episode.ids.get(i), minds.get(i), replies), "agent-" + i);
            context.watch(episode.agents[i]);
        }
        var episodeTimeout = episode.limits.episodeTimeout();
        if (Timeouts.isSet(episodeTimeout)) {
            timers.startSingleTimer(EPISODE_TIMER, new EpisodeCommand.EpisodeTimedOut(episodeTimeout.toMillis()),
                    episodeTimeout);
        }
        return guarded(() -> {
            Step first = episode.environment(() -> episode.env.start(episode.context));
            episode.envStarted = true;
            episode.record(first, true);
            if (first.isDone()) {
                return end(new Episode.End(first.endReason(), false));
            }
            running = Behaviors.receive(EpisodeCommand.class)
                    .onMessage(EpisodeCommand.class, command -> guarded(() -> onCommand(command)))
                    .onSignal(Terminated.class, this::onAgentStopped)
                    .build();
            var end = driver.proceed();
            return end == null ? running : end(end);
        });
    }

    /** The spec could not be resolved: the episode is recorded as failed without agents. */
    private Behavior<EpisodeCommand> unresolved(ActorRef<RecorderCommand> recorder, String message) {
        var stream = new EventStream(recorder, false);
        stream.emit(new EpisodeEvent.Started(spec.id(), spec.condition(), spec.index(), spec.seed(), "none", List.of()));
        stream.emit(new EpisodeEvent.Failed(spec.id(), 0, null, "setup", message));
        var result = new EpisodeResult(spec.id(), spec.condition(), spec.index(), spec.seed(),
                EpisodeResult.Status.FAILED, "failed: " + message, 0, 0, Outcome.empty(), new LinkedHashMap<>());
        stream.emit(new EpisodeEvent.Finished(spec.id(), 0, result, 0));
        stream.sendAll();
        supervisor.tell(new SupervisorCommand.EpisodeFinished(slot, result));
        return Behaviors.stopped();
    }

    private TurnDriver driver(TurnProtocol protocol) {
        return switch (protocol) {
            case TurnProtocol.Simultaneous s -> new SimultaneousRounds(episode, context, replies, s.barrierTimeout());
            case TurnProtocol.Free f -> new FreeTurns(episode, replies, timers, f.maxWait());
            default -> new SequentialTurns(episode, TurnOrders.of(protocol, episode.ids, spec.seed()), replies);
        };
    }

    // ---- running -------------------------------------------------------------------------------

    private Behavior<EpisodeCommand> onCommand(EpisodeCommand command) {
        return switch (command) {
            case EpisodeCommand.AgentReplied(DecisionReply.MindFailed f) -> {
                if (f.request() >= 0 && !episode.pending.containsKey(f.request())) {
                    yield Behaviors.same();
                }
                yield fail(f.agent(), f.request() < 0 ? "perceive" : "decide", f.message(), true, null);
            }
            case EpisodeCommand.ActionTimedOut t -> episode.pending.containsKey(t.request())
                    ? fail(t.agent(), "decide", "action-timeout: '" + t.agent() + "' did not decide within "
                            + episode.limits.actionTimeout().toMillis() + " ms", true, null)
                    : Behaviors.same();
            case EpisodeCommand.EpisodeTimedOut t -> fail(null, "episode", "episode-timeout: the episode did not finish within "
                    + t.afterMillis() + " ms", true, "episode-timeout");
            case EpisodeCommand.Evaluated e -> Behaviors.same();
            default -> next(driver.handle(command));
        };
    }

    private Behavior<EpisodeCommand> onAgentStopped(Terminated signal) {
        String agent = null;
        for (int i = 0; i < episode.agents.length; i++) {
            if (signal.getRef().equals(episode.agents[i])) {
                agent = episode.ids.get(i);
            }
        }
        String cause = signal instanceof ChildFailed failed ? Failures.describe(failed.getCause()) : "stopped";
        String who = agent;
        return guarded(() -> fail(who, "agent", "agent actor of '" + who + "' crashed: " + cause, true, null));
    }

    /** Goes on running, or ends the episode for the reason a turn gave. */
    private Behavior<EpisodeCommand> next(Episode.End end) {
        return end == null ? Behaviors.same() : end(end);
    }

    // ---- ending --------------------------------------------------------------------------------

    private Behavior<EpisodeCommand> end(Episode.End end) {
        timers.cancelAll();
        if (end.byRuntime()) {
            episode.record(episode.environment(() -> episode.env.end(end.reason())), false);
        }
        Outcome outcome = episode.environment(() -> episode.env.outcome());
        EpisodeEvaluator evaluator = episode.resolved.evaluator();
        if (evaluator == null) {
            return complete(EpisodeResult.Status.COMPLETED, end.reason(), outcome);
        }
        // The evaluator (an LLM judge) may take seconds: its stage is piped back as a message so
        // the actor never blocks; nothing else is handled until it answers.
        CompletionStage<EpisodeEvaluator.Evaluation> stage;
        try {
            stage = evaluator.evaluate(spec, episode.events().kept(), outcome);
            if (stage == null) {
                throw new IllegalStateException("evaluator returned no result");
            }
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        context.pipeToSelf(stage, (evaluation, error) -> new EpisodeCommand.Evaluated(end.reason(), outcome, evaluation,
                error == null ? null : Failures.describe(error)));
        return evaluating();
    }

    private Behavior<EpisodeCommand> evaluating() {
        return Behaviors.receive(EpisodeCommand.class)
                .onMessage(EpisodeCommand.Evaluated.class, e -> guarded(() -> onEvaluated(e)))
                .onAnyMessage(m -> Behaviors.same())
                .onSignal(Terminated.class, s -> Behaviors.same())
                .build();
    }

    /** Merges the evaluator's answer; a failed evaluation is recorded and the environment's scores kept. */
    private Behavior<EpisodeCommand> onEvaluated(EpisodeCommand.Evaluated e) {
        Outcome outcome = e.environmentOutcome();
        if (e.error() != null || e.evaluation() == null) {
            episode.failure(null, "evaluator", e.error() == null ? "evaluator returned no result" : e.error());
        } else {
            e.evaluation().facts().forEach(episode::note);
            if (e.evaluation().outcome() != null) {
                outcome = e.evaluation().outcome();
            }
        }
        return complete(EpisodeResult.Status.COMPLETED, e.reason(), outcome);
    }

    /**
     * Ends the episode as failed.
     *
     * @param envUsable whether the environment may still be asked to end (false if it threw)
     * @param endReason the result's end reason; null means {@code failed: <message>}
     */
    private Behavior<EpisodeCommand> fail(String agent, String phase, String message, boolean envUsable, String endReason) {
        timers.cancelAll();
        String reason = endReason != null ? endReason : "failed: " + message;
        episode.failure(agent, phase, message);
        if (episode.env != null && episode.envStarted && envUsable) {
            try {
                episode.record(episode.env.end(reason), false);
            } catch (RuntimeException e) {
                episode.failure(null, "environment", "environment failed to end: " + Failures.describe(e));
            }
        }
        return complete(EpisodeResult.Status.FAILED, reason, Outcome.empty());
    }

    private Behavior<EpisodeCommand> complete(EpisodeResult.Status status, String reason, Outcome outcome) {
        episode.pending.clear();
        if (status == EpisodeResult.Status.COMPLETED) {
            episode.emit(new EpisodeEvent.Scored(episode.id, episode.turn, outcome));
        }
        var agents = new LinkedHashMap<String, EpisodeResult.AgentInfo>();
        for (int i = 0; i < episode.ids.size(); i++) {
            agents.put(episode.ids.get(i), new EpisodeResult.AgentInfo(episode.roles.get(i), episode.minds[i]));
        }
        var result = new EpisodeResult(episode.id, spec.condition(), spec.index(), spec.seed(), status, reason,
                episode.turn, episode.actions, outcome, agents);
        episode.emit(new EpisodeEvent.Finished(episode.id, episode.turn, result, System.nanoTime() - episode.startedNanos));
        episode.events().sendAll();
        supervisor.tell(new SupervisorCommand.EpisodeFinished(slot, result));
        return Behaviors.stopped();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private interface Body {
        Behavior<EpisodeCommand> run();
    }

    /** Handles a message; what it emitted then goes to the recorder, if it is time to (see {@link EventStream}). */
    private Behavior<EpisodeCommand> guarded(Body body) {
        try {
            return body.run();
        } catch (Episode.EnvironmentFailure e) {
            return fail(null, "environment", e.getMessage(), false, null);
        } catch (EpisodeFailure e) {
            return fail(e.agent, e.phase, e.getMessage(), true, null);
        } catch (RuntimeException e) {
            return fail(null, "kernel", Failures.describe(e), true, null);
        } finally {
            if (episode != null) {
                episode.events().send();
            }
        }
    }
}
