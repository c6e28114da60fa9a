package org.parley.runtime.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.kernel.protocol.Barrier;
import org.parley.runtime.kernel.protocol.FreeSchedule;
import org.parley.runtime.kernel.protocol.ReplyOrder;
import org.parley.runtime.kernel.protocol.TurnOrder;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.EpisodeEvaluator;
import org.parley.runtime.run.EpisodeAudience;
import org.parley.runtime.run.EpisodeListener;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.Limits;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.TranscriptEntry;

/**
 * Runs one episode. The episode actor is also the environment's host: the {@link Environment} is
 * created, called and ended only from this actor's message handling, one message at a time, so
 * it never sees two threads at once. Each agent's {@link Mind} lives in its own {@link AgentActor}.
 *
 * <p>The actor asks agents to act according to the {@link TurnProtocol} (the ordering itself is in
 * the plain classes of {@code kernel.protocol}), applies their actions to the environment, routes
 * the resulting observations and writes every step to the transcript. Anything that goes wrong
 * inside the episode (a mind or the environment throwing, a mind too slow, an agent actor
 * crashing) ends this episode as failed and leaves the rest of the run alone.
 */
public final class EpisodeActor extends AbstractBehavior<EpisodeActor.Command> {

    /** Messages an episode actor understands. */
    public sealed interface Command extends KernelMessage {}

    /** An agent's mind chose {@code action} for decision request {@code request}. */
    public record Decided(String agent, long request, Action action, long latencyNanos) implements Command {}

    /** The mind behind {@code request} answers asynchronously (its answer comes later). */
    public record Deferred(String agent, long request) implements Command {}

    /** A mind threw or failed its stage; {@code request} is -1 for a failure while perceiving. */
    public record MindFailed(String agent, long request, String message) implements Command {}

    /** Timer: a decision request was not answered within the action timeout. */
    public record ActionTimedOut(String agent, long request) implements Command {}

    /** Timer: the barrier of a simultaneous round timed out. */
    public record BarrierTimedOut(long round) implements Command {}

    /** Timer: an agent's send-and-wait under the free protocol timed out. */
    public record WaitTimedOut(String agent, long token, String awaiting, long waitedMillis) implements Command {}

    /** Timer: the whole episode ran past its timeout. */
    public record EpisodeTimedOut(long afterMillis) implements Command {}

    /** The plan's evaluator answered (or failed: {@code error} holds why). */
    public record Evaluated(String reason, Outcome environmentOutcome, EpisodeEvaluator.Evaluation evaluation,
            String error) implements Command {}

    /** The observation kind an agent perceives when its send-and-wait timed out. */
    public static final String TIMEOUT_KIND = "timeout";

    private enum Mode { SEQUENTIAL, SIMULTANEOUS, FREE }

    private record Pending(String agent, int index, long round) {}

    private record End(String reason, boolean byRuntime) {}

    /** An exception that came out of the environment, so the environment is not called again. */
    private static final class EnvironmentFailure extends RuntimeException {
        EnvironmentFailure(String message) {
            super(message, null, false, false);
        }
    }

    private static final String BARRIER_TIMER = "barrier";
    private static final String EPISODE_TIMER = "episode";

    private final TimerScheduler<Command> timers;
    private final EpisodePlan plan;
    private final RunListener listener;
    /**
     * Hears this episode: the listeners that take the plan, through an object the run shares, and
     * the one keeping the episode's state in a listener of its own, or null (see
     * {@link EpisodeAudience}; until the episode has started, the run listener with the plan).
     * Two fields of this actor rather than one object of the episode's: the actor is in the
     * core's cache while it handles a message, an object made for the episode usually is not.
     */
    private RunListener shared;
    private EpisodeListener own;
    private final ActorRef<RunSupervisor.Command> supervisor;
    private final int slot;
    private final Limits limits;
    private final EpisodeTranscript transcript;
    private final long startedNanos = System.nanoTime();

    private final List<String> ids;
    private final List<String> roles;
    private final Map<String, Integer> positions;
    private final String[] minds;
    @SuppressWarnings("unchecked")
    private final ActorRef<AgentActor.Command>[] agents;
    private final int[] unread;
    private int unreadTotal;

    private Environment env;
    private boolean envStarted;
    private Mode mode;
    private TurnOrder order;
    private Barrier barrier;
    private long barrierOpenedNanos;
    private FreeSchedule free;
    private ReplyOrder<Action> replyOrder;
    private String[] waitTimers;

    private final Map<Long, Pending> pending = new HashMap<>(4);
    private long requestSeq;
    private long turn;
    private long actions;
    private int stale;
    private boolean finished;
    /** Waiting for the evaluator: every other message is ignored. */
    private boolean evaluating;

    @SuppressWarnings("unchecked")
    private EpisodeActor(ActorContext<Command> context, TimerScheduler<Command> timers, EpisodePlan plan,
            RunPlan.Timestamps timestamps, RunListener listener, ActorRef<RunSupervisor.Command> supervisor, int slot) {
        super(context);
        this.timers = timers;
        this.plan = plan;
        this.listener = listener;
        this.supervisor = supervisor;
        this.slot = slot;
        this.limits = plan.limits() == null ? Limits.defaults() : plan.limits();
        this.shared = listener;
        this.transcript = new EpisodeTranscript(plan, listener, timestamps);
        int n = plan.agents().size();
        var idList = new ArrayList<String>(n);
        var roleList = new ArrayList<String>(n);
        this.positions = new HashMap<>(n * 2);
        for (var agent : plan.agents()) {
            idList.add(agent.id());
            roleList.add(agent.role());
        }
        this.ids = List.copyOf(idList);
        this.roles = roleList;
        this.minds = new String[n];
        this.agents = new ActorRef[n];
        this.unread = new int[n];
    }

    /**
     * The behaviour of one episode.
     *
     * @param slot       the episode's position in the run plan, echoed back to the supervisor
     * @param supervisor told when the episode has finished (just before this actor stops)
     */
    public static Behavior<Command> create(EpisodePlan plan, RunPlan.Timestamps timestamps, RunListener listener,
            ActorRef<RunSupervisor.Command> supervisor, int slot) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new EpisodeActor(ctx, timers, plan, timestamps, listener, supervisor, slot).begin()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Command.class, this::onCommand)
                .onSignal(Terminated.class, this::onAgentStopped)
                .build();
    }

    // ---- lifecycle -------------------------------------------------------------------------

    private Behavior<Command> begin() {
        guarded(this::setUp);
        return next();
    }

    private void setUp() {
        var audience = EpisodeAudience.start(listener, plan);
        shared = audience.shared();
        own = audience.own();
        transcript.audience(audience);
        String setupFailure = null;
        String failedAgent = null;
        boolean envFailed = false;
        for (int i = 0; i < ids.size(); i++) {
            minds[i] = "unavailable";
            if (positions.putIfAbsent(ids.get(i), i) != null) {
                setupFailure = "agent id '" + ids.get(i) + "' appears twice in episode " + plan.id()
                        + "; give every agent its own id";
            }
        }
        if (setupFailure == null && plan.protocol() == null) {
            setupFailure = "episode " + plan.id() + " has no turn protocol";
        }
        if (setupFailure == null) {
            try {
                env = plan.environment().create(plan.seed());
                if (env == null) {
                    setupFailure = "environment factory returned no environment";
                    envFailed = true;
                }
            } catch (RuntimeException e) {
                setupFailure = "environment could not be created: " + describe(e);
                envFailed = true;
            }
        }
        var created = new ArrayList<Mind>(ids.size());
        for (int i = 0; setupFailure == null && i < ids.size(); i++) {
            var agent = plan.agents().get(i);
            try {
                Mind mind = agent.mind().create(agent.seed());
                if (mind == null) {
                    throw new IllegalStateException("mind factory returned no mind");
                }
                created.add(mind);
                minds[i] = mind.describe();
            } catch (RuntimeException e) {
                setupFailure = "mind of '" + agent.id() + "' could not be created: " + describe(e);
                failedAgent = agent.id();
            }
        }
        if (setupFailure == null) {
            try {
                configureProtocol();
            } catch (IllegalArgumentException e) {
                setupFailure = describe(e);
            }
        }
        transcript.start(plan.protocol() == null ? "none" : plan.protocol().label(), ids, roles, List.of(minds));
        if (setupFailure != null) {
            created.forEach(EpisodeActor::closeQuietly);
            fail(failedAgent, "setup", setupFailure, !envFailed, null);
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            agents[i] = getContext().spawn(AgentActor.create(ids.get(i), created.get(i), getContext().getSelf()), "agent-" + i);
            getContext().watch(agents[i]);
        }
        Duration episodeTimeout = limits.episodeTimeout();
        if (episodeTimeout != null && !episodeTimeout.isZero() && !episodeTimeout.isNegative()) {
            timers.startSingleTimer(EPISODE_TIMER, new EpisodeTimedOut(episodeTimeout.toMillis()), episodeTimeout);
        }
        var participants = new ArrayList<EpisodeContext.Participant>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            participants.add(new EpisodeContext.Participant(ids.get(i), roles.get(i)));
        }
        var context = new EpisodeContext(plan.id(), plan.condition(), plan.seed(), participants, new EpisodeAudience(shared, own).metrics(plan));
        Step first = environment(() -> env.start(context));
        envStarted = true;
        record(first, true);
        if (first.isDone()) {
            endEpisode(new End(first.endReason(), false));
        } else {
            proceed();
        }
    }

    private void configureProtocol() {
        switch (plan.protocol()) {
            case TurnProtocol.Simultaneous s -> mode = Mode.SIMULTANEOUS;
            case TurnProtocol.Free f -> {
                mode = Mode.FREE;
                free = new FreeSchedule(ids, positions, f.maxWait());
                replyOrder = new ReplyOrder<>();
                waitTimers = new String[ids.size()];
                for (int i = 0; i < ids.size(); i++) {
                    waitTimers[i] = "wait:" + ids.get(i);
                }
            }
            default -> {
                mode = Mode.SEQUENTIAL;
                order = TurnOrder.of(plan.protocol(), ids, plan.seed());
            }
        }
    }

    private Behavior<Command> next() {
        return finished ? Behaviors.stopped() : this;
    }

    // ---- messages ---------------------------------------------------------------------------

    private Behavior<Command> onCommand(Command command) {
        if (finished) {
            return Behaviors.stopped();
        }
        if (evaluating) {
            if (command instanceof Evaluated e) {
                guarded(() -> onEvaluated(e));
            }
            return next();
        }
        guarded(() -> {
            switch (command) {
                case Evaluated e -> {
                    // only expected while evaluating
                }
                case Decided d -> onDecided(d);
                case Deferred d -> onDeferred(d);
                case MindFailed f -> onMindFailed(f);
                case ActionTimedOut t -> onActionTimedOut(t);
                case BarrierTimedOut b -> onBarrierTimedOut(b);
                case WaitTimedOut w -> onWaitTimedOut(w);
                case EpisodeTimedOut t -> fail(null, "episode", "episode-timeout: the episode did not finish within "
                        + t.afterMillis() + " ms", true, "episode-timeout");
            }
        });
        return next();
    }

    private Behavior<Command> onAgentStopped(Terminated signal) {
        if (finished) {
            return Behaviors.stopped();
        }
        if (evaluating) {
            return this;
        }
        String agent = null;
        for (int i = 0; i < agents.length; i++) {
            if (signal.getRef().equals(agents[i])) {
                agent = ids.get(i);
            }
        }
        String cause = signal instanceof ChildFailed failed ? describe(failed.getCause()) : "stopped";
        String who = agent;
        guarded(() -> fail(who, "agent", "agent actor of '" + who + "' crashed: " + cause, true, null));
        return next();
    }

    private void onDecided(Decided d) {
        Pending p = pending.remove(d.request());
        if (p == null) {
            return;
        }
        timers.cancel(d.request());
        Action action = d.action();
        if (!p.agent().equals(action.agent())) {
            fail(p.agent(), "decide", "mind of '" + p.agent() + "' returned an action for '" + action.agent()
                    + "'; a mind may only act for its own agent", true, null);
            return;
        }
        if (action.producedBy() == null) {
            action = action.producedBy(minds[p.index()]);
        }
        switch (mode) {
            case SEQUENTIAL -> {
                decidedBy(p, action, d.latencyNanos());
                End end = apply(action);
                afterTurn(action.is(ActionKinds.NONE), end);
            }
            case SIMULTANEOUS -> {
                if (barrier != null && barrier.round() == p.round() && barrier.answer(p.agent(), action)) {
                    decidedBy(p, action, d.latencyNanos());
                    if (barrier.complete()) {
                        closeRound();
                    }
                } else {
                    lateAnswer(p, action);
                }
            }
            case FREE -> {
                decidedBy(p, action, d.latencyNanos());
                applyFree(replyOrder.answered(d.request(), action));
            }
        }
    }

    private void decidedBy(Pending p, Action action, long latencyNanos) {
        var role = roles.get(p.index());
        var latency = Duration.ofNanos(latencyNanos);
        shared.actionDecided(plan, role, action, latency);
        if (own != null) {
            own.actionDecided(role, action, latency);
        }
    }

    private void onDeferred(Deferred d) {
        if (mode == Mode.FREE && pending.containsKey(d.request())) {
            applyFree(replyOrder.deferred(d.request()));
        }
    }

    private void onMindFailed(MindFailed f) {
        if (f.request() >= 0 && !pending.containsKey(f.request())) {
            return;
        }
        fail(f.agent(), f.request() < 0 ? "perceive" : "decide", f.message(), true, null);
    }

    private void onActionTimedOut(ActionTimedOut t) {
        if (pending.containsKey(t.request())) {
            fail(t.agent(), "decide", "action-timeout: '" + t.agent() + "' did not decide within "
                    + limits.actionTimeout().toMillis() + " ms", true, null);
        }
    }

    // ---- asking and applying ----------------------------------------------------------------

    private void proceed() {
        switch (mode) {
            case SEQUENTIAL -> {
                sampleBacklog();
                ask(order.next());
            }
            case SIMULTANEOUS -> openRound();
            case FREE -> dispatchFree();
        }
    }

    private long ask(String agent) {
        int i = positions.get(agent);
        ActionSpace space = environment(() -> env.actionSpace(agent));
        long request = ++requestSeq;
        pending.put(request, new Pending(agent, i, turn));
        unreadTotal -= unread[i];
        unread[i] = 0;
        agents[i].tell(new AgentActor.Decide(new Turn(agent, turn, space), request, getContext().getSelf()));
        Duration timeout = limits.actionTimeout();
        if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
            timers.startSingleTimer(request, new ActionTimedOut(agent, request), timeout);
        }
        return request;
    }

    /** Records and applies one action; returns why the episode ends because of it, or null. */
    private End apply(Action action) {
        transcript.action(action);
        actions++;
        Step step = environment(() -> env.act(action));
        record(step, true);
        if (step.isDone()) {
            return new End(step.endReason(), false);
        }
        if (limits.endOnLeave() && action.is(ActionKinds.LEAVE)) {
            return new End("agent-left", true);
        }
        return null;
    }

    /** A turn is over: count it, then end the episode or start the next turn. */
    private void afterTurn(boolean nothingDone, End end) {
        turn++;
        transcript.turn(turn);
        if (end != null) {
            endEpisode(end);
            return;
        }
        stale = nothingDone ? stale + 1 : 0;
        if (limits.staleTurns() > 0 && stale >= limits.staleTurns()) {
            endEpisode(new End("stale", true));
        } else if (turn >= limits.maxTurns()) {
            endEpisode(new End("max-turns", true));
        } else {
            proceed();
        }
    }

    private void record(Step step, boolean route) {
        for (Observation o : step.observations()) {
            transcript.observation(o);
            if (route) {
                route(o);
            }
        }
        for (Event e : step.events()) {
            transcript.event(e);
        }
    }

    private void route(Observation o) {
        Integer i = positions.get(o.agent());
        if (i == null) {
            throw new EnvironmentFailure("environment delivered an observation to '" + o.agent()
                    + "', who is not an agent of this episode (agents: " + ids + ")");
        }
        agents[i].tell(new AgentActor.Perceive(o));
        unread[i]++;
        unreadTotal++;
        if (free != null && free.observed(o.agent(), o.source())) {
            timers.cancel(waitTimers[i]);
        }
    }

    private void sampleBacklog() {
        shared.backlog(plan, unreadTotal);
        if (own != null) {
            own.backlog(unreadTotal);
        }
    }

    // ---- simultaneous -----------------------------------------------------------------------

    private void openRound() {
        sampleBacklog();
        barrier = new Barrier(turn, ids, positions);
        barrierOpenedNanos = System.nanoTime();
        for (String agent : ids) {
            ask(agent);
        }
        Duration timeout = ((TurnProtocol.Simultaneous) plan.protocol()).barrierTimeout();
        if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
            timers.startSingleTimer(BARRIER_TIMER, new BarrierTimedOut(turn), timeout);
        }
    }

    private void onBarrierTimedOut(BarrierTimedOut b) {
        if (mode == Mode.SIMULTANEOUS && barrier != null && !barrier.isClosed() && barrier.round() == b.round()) {
            closeRound();
        }
    }

    private void closeRound() {
        timers.cancel(BARRIER_TIMER);
        barrier.close();
        Duration wait = Duration.ofNanos(System.nanoTime() - barrierOpenedNanos);
        List<String> stragglers = barrier.stragglers();
        var data = new LinkedHashMap<String, Object>();
        data.put("round", barrier.round());
        data.put("answered", barrier.answeredAgents());
        data.put("stragglers", stragglers);
        if (!transcript.logical()) {
            data.put("wait-ms", wait.toMillis());
        }
        transcript.write(TranscriptEntry.BARRIER, null, data);
        shared.barrierClosed(plan, barrier.round(), wait, stragglers.size());
        if (own != null) {
            own.barrierClosed(barrier.round(), wait, stragglers.size());
        }
        boolean nothingDone = true;
        End end = null;
        for (Action action : barrier.actionsInDeclaredOrder()) {
            nothingDone &= action.is(ActionKinds.NONE);
            end = apply(action);
            if (end != null) {
                break;
            }
        }
        afterTurn(nothingDone, end);
    }

    /** A straggler's answer after its round closed: recorded, never applied. */
    private void lateAnswer(Pending p, Action action) {
        var data = new LinkedHashMap<String, Object>();
        data.put("round", p.round());
        data.put("action", EpisodeTranscript.actionData(action));
        transcript.event(new Event("late-action", p.agent(), data));
    }

    // ---- free -------------------------------------------------------------------------------

    private void dispatchFree() {
        for (String agent : free.dueToDecide()) {
            replyOrder.requested(ask(agent));
        }
        if (pending.isEmpty() && free.quiescent()) {
            endEpisode(new End("quiescent", true));
        }
    }

    private void applyFree(List<Action> released) {
        for (Action action : released) {
            if (finished) {
                return;
            }
            sampleBacklog();
            int i = positions.get(action.agent());
            long wait = free.acted(action);
            End end = apply(action);
            if (wait > 0 && end == null && free.state(action.agent()) == FreeSchedule.State.WAITING) {
                timers.startSingleTimer(waitTimers[i], new WaitTimedOut(action.agent(), free.waitToken(action.agent()),
                        action.to(), wait), Duration.ofMillis(wait));
            }
            afterTurn(action.is(ActionKinds.NONE), end);
        }
    }

    private void onWaitTimedOut(WaitTimedOut w) {
        if (mode != Mode.FREE || !free.timedOut(w.agent(), w.token())) {
            return;
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("awaiting", w.awaiting());
        data.put("waited-ms", w.waitedMillis());
        var timeout = new Observation(w.agent(), turn, Observation.ENVIRONMENT, TIMEOUT_KIND,
                "No reply from " + w.awaiting() + " within " + w.waitedMillis() + " ms.", data);
        transcript.observation(timeout);
        route(timeout);
        dispatchFree();
    }

    // ---- ending -----------------------------------------------------------------------------

    private void endEpisode(End end) {
        if (finished) {
            return;
        }
        timers.cancelAll();
        if (end.byRuntime()) {
            record(environment(() -> env.end(end.reason())), false);
        }
        Outcome outcome = environment(() -> env.outcome());
        EpisodeEvaluator evaluator = plan.evaluator();
        if (evaluator == null) {
            complete(EpisodeResult.Status.COMPLETED, end.reason(), outcome);
            return;
        }
        // The evaluator (an LLM judge) may take seconds: its stage is piped back as a message so
        // the actor never blocks; nothing else is handled until it answers.
        evaluating = true;
        java.util.concurrent.CompletionStage<EpisodeEvaluator.Evaluation> stage;
        try {
            stage = evaluator.evaluate(plan, transcript.entries(), outcome);
            if (stage == null) {
                throw new IllegalStateException("evaluator returned no result");
            }
        } catch (RuntimeException e) {
            stage = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        getContext().pipeToSelf(stage, (evaluation, error) -> new Evaluated(end.reason(), outcome, evaluation,
                error == null ? null : describe(error)));
    }

    /** Merges the evaluator's answer; a failed evaluation is recorded and the environment's scores kept. */
    private void onEvaluated(Evaluated e) {
        evaluating = false;
        Outcome outcome = e.environmentOutcome();
        if (e.error() != null || e.evaluation() == null) {
            transcript.failure(null, "evaluator", e.error() == null ? "evaluator returned no result" : e.error());
        } else {
            e.evaluation().events().forEach(transcript::event);
            if (e.evaluation().outcome() != null) {
                outcome = e.evaluation().outcome();
            }
        }
        complete(EpisodeResult.Status.COMPLETED, e.reason(), outcome);
    }

    /**
     * Ends the episode as failed.
     *
     * @param envUsable  whether the environment may still be asked to end (false if it threw)
     * @param endReason  the result's end reason; null means {@code failed: <message>}
     */
    private void fail(String agent, String phase, String message, boolean envUsable, String endReason) {
        if (finished) {
            return;
        }
        timers.cancelAll();
        String reason = endReason != null ? endReason : "failed: " + message;
        transcript.failure(agent, phase, message);
        if (env != null && envStarted && envUsable) {
            try {
                record(env.end(reason), false);
            } catch (RuntimeException e) {
                transcript.failure(null, "environment", "environment failed to end: " + describe(e));
            }
        }
        complete(EpisodeResult.Status.FAILED, reason, Outcome.empty());
    }

    private void complete(EpisodeResult.Status status, String reason, Outcome outcome) {
        finished = true;
        pending.clear();
        transcript.end(status == EpisodeResult.Status.COMPLETED ? "completed" : "failed", reason, turn, outcome);
        var infos = new LinkedHashMap<String, EpisodeResult.AgentInfo>();
        for (int i = 0; i < ids.size(); i++) {
            infos.put(ids.get(i), new EpisodeResult.AgentInfo(roles.get(i), minds[i]));
        }
        var result = new EpisodeResult(plan.id(), plan.condition(), plan.index(), plan.seed(), status, reason, turn,
                outcome, infos);
        var duration = Duration.ofNanos(System.nanoTime() - startedNanos);
        shared.episodeFinished(result, duration);
        if (own != null) {
            own.finished(result, duration);
        }
        supervisor.tell(new RunSupervisor.EpisodeFinished(slot, result, actions));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void guarded(Runnable body) {
        try {
            body.run();
        } catch (EnvironmentFailure e) {
            fail(null, "environment", e.getMessage(), false, null);
        } catch (RuntimeException e) {
            fail(null, "kernel", describe(e), true, null);
        }
    }

    private <T> T environment(Supplier<T> call) {
        try {
            T result = call.get();
            if (result == null) {
                throw new EnvironmentFailure("environment returned null from " + env.getClass().getSimpleName());
            }
            return result;
        } catch (EnvironmentFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EnvironmentFailure("environment failed: " + describe(e));
        }
    }

    private static void closeQuietly(Mind mind) {
        try {
            mind.close();
        } catch (RuntimeException ignored) {
            // The episode already failed during set-up; that failure is what gets reported.
        }
    }

    /** A failure's message for transcripts: its message, or its type when it has none. */
    static String describe(Throwable t) {
        while ((t instanceof org.apache.pekko.actor.ActorInitializationException
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
