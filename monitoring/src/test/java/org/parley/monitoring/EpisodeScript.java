package org.parley.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Coordination;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.EpisodeSpec;

/**
 * Plays one episode's events into a sink the way the kernel emits them: {@link #start} sends
 * {@code Started}, each method one more event of the episode (with the episode's turn counter),
 * {@link #complete} or {@link #fail} its end. Tests write episodes as a few lines of this.
 */
final class EpisodeScript {
    private final EventSink sink;
    private final EpisodeSpec spec;
    private final List<EpisodeEvent.Started.Agent> agents;
    private long turn;
    private long turnsStarted;
    private long actions;

    private EpisodeScript(EventSink sink, EpisodeSpec spec, List<EpisodeEvent.Started.Agent> agents) {
        this.sink = sink;
        this.spec = spec;
        this.agents = List.copyOf(agents);
    }

    static EpisodeEvent.Started.Agent agent(String id, String role, String mind) {
        return new EpisodeEvent.Started.Agent(id, role, mind);
    }

    /** Starts the episode: sends its {@code Started} event. */
    static EpisodeScript start(EventSink sink, EpisodeSpec spec, String protocol, EpisodeEvent.Started.Agent... agents) {
        var script = new EpisodeScript(sink, spec, List.of(agents));
        sink.accept(new EpisodeEvent.Started(spec.id(), spec.condition(), spec.index(), spec.seed(), protocol,
                script.agents));
        return script;
    }

    static EpisodeScript start(EventSink sink, String condition, int index, EpisodeEvent.Started.Agent... agents) {
        return start(sink, new EpisodeSpec("", condition, index, index), "alternating", agents);
    }

    String id() {
        return spec.id();
    }

    /** A turn begins with {@code unread} observations waiting in the agents' mailboxes. */
    EpisodeScript turn(int unread) {
        turn = turnsStarted++;
        sink.accept(new EpisodeEvent.TurnStarted(spec.id(), turn, unread));
        return this;
    }

    /** An action, signed with its agent's mind as the kernel does when the mind left it unsigned. */
    EpisodeScript act(Action action, long latencyNanos) {
        var agent = agentOf(action.agent());
        var signed = action.producedBy() == null ? action.producedBy(agent.mind()) : action;
        sink.accept(new EpisodeEvent.Acted(spec.id(), turn, agent.role(), signed, latencyNanos));
        actions++;
        return this;
    }

    EpisodeScript act(Action action) {
        return act(action, 1_000_000);
    }

    /** {@code observer} observes {@code text}; {@code delivered} false for an ended episode's last words. */
    EpisodeScript observed(String observer, String text, boolean delivered) {
        sink.accept(new EpisodeEvent.Observed(spec.id(), turn,
                new Observation(observer, turn, Observation.ENVIRONMENT, "message", text, Map.of()), delivered));
        return this;
    }

    EpisodeScript observed(String observer, String text) {
        return observed(observer, text, true);
    }

    EpisodeScript noted(String type, String agent) {
        sink.accept(new EpisodeEvent.Noted(spec.id(), turn, Fact.of(type, agent)));
        return this;
    }

    EpisodeScript coordinated(Coordination coordination) {
        sink.accept(new EpisodeEvent.Coordinated(spec.id(), turn, coordination));
        return this;
    }

    EpisodeScript count(String name, double amount, Map<String, String> tags) {
        sink.accept(new EpisodeEvent.Measured(spec.id(), turn, name, EpisodeEvent.Measured.Measure.COUNT, amount, tags));
        return this;
    }

    EpisodeScript observe(String name, double value, Map<String, String> tags) {
        sink.accept(new EpisodeEvent.Measured(spec.id(), turn, name, EpisodeEvent.Measured.Measure.OBSERVE, value, tags));
        return this;
    }

    /** A simultaneous round closed after {@code waitNanos}; the agents not in {@code stragglers} answered. */
    EpisodeScript roundClosed(long round, List<String> stragglers, long waitNanos) {
        var answered = agents.stream().map(EpisodeEvent.Started.Agent::id).filter(id -> !stragglers.contains(id)).toList();
        sink.accept(new EpisodeEvent.RoundClosed(spec.id(), turn, round, answered, stragglers, waitNanos));
        return this;
    }

    EpisodeScript lateAction(long round, Action action) {
        sink.accept(new EpisodeEvent.LateAction(spec.id(), turn, round, action));
        return this;
    }

    /** Ends the episode as completed: its scores, then its end. */
    void complete(Outcome outcome, long durationNanos) {
        sink.accept(new EpisodeEvent.Scored(spec.id(), turn, outcome));
        finish(EpisodeResult.Status.COMPLETED, "agent-left", outcome, durationNanos);
    }

    void complete(Outcome outcome) {
        complete(outcome, 1_000_000);
    }

    void complete() {
        complete(Outcome.empty());
    }

    /** Ends the episode as failed: a failure in {@code phase}, then its end; no scores. */
    void fail(String phase, long durationNanos) {
        sink.accept(new EpisodeEvent.Failed(spec.id(), turn, null, phase, "something went wrong"));
        finish(EpisodeResult.Status.FAILED, "failed: something went wrong", Outcome.empty(), durationNanos);
    }

    void fail() {
        fail("decide", 1_000_000);
    }

    private void finish(EpisodeResult.Status status, String reason, Outcome outcome, long durationNanos) {
        sink.accept(new EpisodeEvent.Finished(spec.id(), turn, result(spec, status, reason, turnsStarted, actions,
                outcome, agents), durationNanos));
    }

    /** The result the kernel reports for an episode with these agents. */
    static EpisodeResult result(EpisodeSpec spec, EpisodeResult.Status status, String reason, long turns, long actions,
                                Outcome outcome, List<EpisodeEvent.Started.Agent> agents) {
        var infos = new LinkedHashMap<String, EpisodeResult.AgentInfo>();
        for (var a : agents) {
            infos.put(a.id(), new EpisodeResult.AgentInfo(a.role(), a.mind()));
        }
        return new EpisodeResult(spec.id(), spec.condition(), spec.index(), spec.seed(), status, reason, turns, actions,
                outcome, infos);
    }

    private EpisodeEvent.Started.Agent agentOf(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " is not an agent of " + spec.id()));
    }
}
