package org.parley.runtime.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Coordination;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Step;
import org.parley.runtime.episode.ResolvedEpisode;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.Limits;

/**
 * The running state of one episode, shared by its actor and its turn driver: the environment, the
 * agents' actors, the turn counter, the outstanding decision requests, and the episode's event
 * stream. Plain Java called only from the episode's actor.
 */
final class Episode {
    /** Why the episode ends after a turn; {@code byRuntime} when the environment did not end it. */
    record End(String reason, boolean byRuntime) {}

    /** Told of every observation delivered to an agent (the free protocol ends waits with it). */
    interface Deliveries {
        void delivered(int agent, Observation observation);
    }

    /** A decision request not yet answered. */
    record Pending(String agent, int index, long round) {}

    /** An exception that came out of the environment, so the environment is not called again. */
    static final class EnvironmentFailure extends RuntimeException {
        EnvironmentFailure(String message) {
            super(message, null, false, false);
        }
    }

    final EpisodeSpec spec;
    /** The spec's id, worked out once: every event names it. */
    final String id;
    final ResolvedEpisode resolved;
    final Limits limits;
    final List<String> ids;
    final List<String> roles;
    final Map<String, Integer> positions;
    final String[] minds;
    final ActorRef<AgentCommand>[] agents;
    private final int[] unread;
    private int unreadTotal;
    private final EventStream events;
    private final TimerScheduler<EpisodeCommand> timers;
    final long startedNanos = System.nanoTime();

    /** Built before the environment and minds, which all get this same context. */
    EpisodeContext context;
    Environment env;
    boolean envStarted;
    long turn;
    long actions;
    private int stale;
    private long requestSeq;
    private Deliveries deliveries;
    final Map<Long, Pending> pending = new HashMap<>(4);

    @SuppressWarnings("unchecked")
    Episode(EpisodeSpec spec, ResolvedEpisode resolved, EventStream events, TimerScheduler<EpisodeCommand> timers) {
        this.spec = spec;
        this.id = spec.id();
        this.resolved = resolved;
        this.limits = resolved.limits();
        this.events = events;
        this.timers = timers;
        int n = resolved.agents().size();
        var idList = new ArrayList<String>(n);
        var roleList = new ArrayList<String>(n);
        for (var agent : resolved.agents()) {
            idList.add(agent.id());
            roleList.add(agent.role());
        }
        this.ids = List.copyOf(idList);
        this.roles = List.copyOf(roleList);
        this.positions = new HashMap<>(n * 2);
        this.minds = new String[n];
        this.agents = new ActorRef[n];
        this.unread = new int[n];
    }

    EventStream events() {
        return events;
    }

    // ---- the event stream ---------------------------------------------------------------------

    void emit(EpisodeEvent event) {
        events.emit(event);
    }

    void failure(String agent, String phase, String message) {
        emit(new EpisodeEvent.Failed(id, turn, agent, phase, message));
    }

    /** Records a step's observations and events; with {@code route}, delivers the observations. */
    void record(Step step, boolean route) {
        for (Observation o : step.observations()) {
            emit(new EpisodeEvent.Observed(id, turn, o, route));
            if (route) {
                route(o);
            }
        }
        for (Event e : step.events()) {
            note(e);
        }
    }

    void note(Event e) {
        switch (e) {
            case Fact f -> emit(new EpisodeEvent.Noted(id, turn, f));
            case Coordination c -> emit(new EpisodeEvent.Coordinated(id, turn, c));
        }
    }

    // ---- agents -------------------------------------------------------------------------------

    /** Delivers an observation to its agent's actor. */
    void route(Observation o) {
        Integer i = positions.get(o.agent());
        if (i == null) {
            throw new EnvironmentFailure("environment delivered an observation to '" + o.agent()
                    + "', who is not an agent of this episode (agents: " + ids + ")");
        }
        agents[i].tell(new AgentCommand.Perceive(o));
        unread[i]++;
        unreadTotal++;
        if (deliveries != null) {
            deliveries.delivered(i, o);
        }
    }

    void onDelivery(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** A turn (or round) begins: samples the agents' unread mailboxes into the stream. */
    void turnStarted() {
        emit(new EpisodeEvent.TurnStarted(id, turn, unreadTotal));
    }

    /** Sends agent {@code i} a decision request; its answer goes to {@code replyTo}. */
    long ask(int i, ActorRef<DecisionReply> replyTo, long round, boolean timed) {
        String agent = ids.get(i);
        ActionSpace space = environment(() -> env.actionSpace(agent));
        long request = ++requestSeq;
        pending.put(request, new Pending(agent, i, round));
        unreadTotal -= unread[i];
        unread[i] = 0;
        agents[i].tell(new AgentCommand.Decide(new Turn(agent, turn, space), request, replyTo));
        Duration timeout = limits.actionTimeout();
        if (timed && Timeouts.isSet(timeout)) {
            timers.startSingleTimer(request, new EpisodeCommand.ActionTimedOut(agent, request), timeout);
        }
        return request;
    }

    /** A request was answered (or given up): forget it and its timer. */
    Pending answered(long request) {
        Pending p = pending.remove(request);
        if (p != null) {
            timers.cancel(request);
        }
        return p;
    }

    /** The action with the mind's description filled in, or null when it acts for someone else. */
    Action signed(Pending p, Action action) {
        if (!p.agent().equals(action.agent())) {
            return null;
        }
        return action.producedBy() == null ? action.producedBy(minds[p.index()]) : action;
    }

    /** An action checked to be its own agent's (by a round's collector), with its mind's description filled in. */
    Action signedBy(Action action) {
        return action.producedBy() == null ? action.producedBy(minds[positions.get(action.agent())]) : action;
    }

    // ---- turns --------------------------------------------------------------------------------

    /** Records and applies one action; returns why the episode ends because of it, or null. */
    End apply(Action action, long latencyNanos) {
        emit(new EpisodeEvent.Acted(id, turn, roles.get(positions.get(action.agent())), action, latencyNanos));
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

    /**
     * A turn is over: counts it and says why the episode ends now, or null to go on.
     *
     * @param nothingDone every action of the turn was {@code none}
     * @param end         why an action of the turn ended the episode, or null
     */
    End afterTurn(boolean nothingDone, End end) {
        turn++;
        if (end != null) {
            return end;
        }
        stale = nothingDone ? stale + 1 : 0;
        if (limits.staleTurns() > 0 && stale >= limits.staleTurns()) {
            return new End("stale", true);
        }
        if (turn >= limits.maxTurns()) {
            return new End("max-turns", true);
        }
        return null;
    }

    /** Calls the environment; anything it throws (or a null answer) becomes an {@link EnvironmentFailure}. */
    <T> T environment(Supplier<T> call) {
        try {
            T result = call.get();
            if (result == null) {
                throw new EnvironmentFailure("environment returned null from " + env.getClass().getSimpleName());
            }
            return result;
        } catch (EnvironmentFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EnvironmentFailure("environment failed: " + Failures.describe(e));
        }
    }
}
