package org.parley.runtime.kernel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.run.EpisodeAudience;
import org.parley.runtime.run.EpisodeListener;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.TranscriptEntry;

/**
 * Numbers, stamps and hands out the transcript lines of one episode, in order.
 *
 * <p><b>Logical time.</b> With {@link RunPlan.Timestamps#LOGICAL} the {@code time} of an entry is
 * the decimal string of milliseconds on the episode's own clock: turn {@code t} begins at
 * {@code t * 1000} and every entry advances the clock by one, so the n-th entry of a turn is at
 * {@code t * 1000 + n}. Should a turn ever write more than 1000 entries, the clock keeps counting
 * (the next turn starts later than {@code (t+1) * 1000}) so that time never runs backwards. It
 * depends only on what happened, never on how fast it happened, so equal seeds give equal bytes.
 * With {@link RunPlan.Timestamps#WALL} it is the ISO-8601 instant at which the entry was made.
 */
final class EpisodeTranscript {
    private final EpisodePlan plan;
    /**
     * Hear every line: the run listener with the plan until the episode has started, then the
     * parts of the episode's audience (see {@link EpisodeAudience}).
     */
    private RunListener shared;
    private EpisodeListener own;
    private final boolean logical;
    private long seq;
    private long turn;
    private long clock = -1;
    /** Every entry, kept only when an evaluator will read the episode afterwards. */
    private final List<TranscriptEntry> kept;

    EpisodeTranscript(EpisodePlan plan, RunListener listener, RunPlan.Timestamps timestamps) {
        this.plan = plan;
        this.shared = listener;
        this.logical = timestamps != RunPlan.Timestamps.WALL;
        this.kept = plan.evaluator() == null ? null : new ArrayList<>();
    }

    void audience(EpisodeAudience audience) {
        this.shared = audience.shared();
        this.own = audience.own();
    }

    /** The entries written so far (empty unless the plan has an evaluator). */
    List<TranscriptEntry> entries() {
        return kept == null ? List.of() : List.copyOf(kept);
    }

    boolean logical() {
        return logical;
    }

    /** Entries from now on belong to this turn. */
    void turn(long turn) {
        this.turn = turn;
    }

    void write(String type, String agent, Map<String, Object> data) {
        var entry = new TranscriptEntry(seq++, turn, stamp(), type, agent, data);
        if (kept != null) {
            kept.add(entry);
        }
        shared.transcript(plan, entry);
        if (own != null) {
            own.transcript(entry);
        }
    }

    private String stamp() {
        if (!logical) {
            return Instant.now().toString();
        }
        clock = Math.max(clock + 1, turn * 1000);
        return Long.toString(clock);
    }

    void observation(Observation o) {
        var data = new LinkedHashMap<String, Object>();
        data.put("source", o.source());
        data.put("kind", o.kind());
        data.put("text", o.text());
        if (!o.data().isEmpty()) {
            data.put("data", o.data());
        }
        write(TranscriptEntry.OBSERVATION, o.agent(), data);
    }

    void action(Action a) {
        write(TranscriptEntry.ACTION, a.agent(), actionData(a));
    }

    static Map<String, Object> actionData(Action a) {
        var data = new LinkedHashMap<String, Object>();
        data.put("kind", a.kind());
        data.put("text", a.text());
        if (a.to() != null) {
            data.put("to", a.to());
        }
        if (!a.args().isEmpty()) {
            data.put("args", a.args());
        }
        if (a.waitMillis() > 0) {
            data.put("wait-ms", a.waitMillis());
        }
        if (a.producedBy() != null) {
            data.put("produced-by", a.producedBy());
        }
        return data;
    }

    void event(Event e) {
        var data = new LinkedHashMap<String, Object>();
        data.put("event", e.type());
        if (!e.data().isEmpty()) {
            data.put("data", e.data());
        }
        write(TranscriptEntry.EVENT, e.agent(), data);
    }

    void failure(String agent, String phase, String message) {
        var data = new LinkedHashMap<String, Object>();
        data.put("phase", phase);
        data.put("message", message);
        write(TranscriptEntry.FAILURE, agent, data);
    }

    void start(String protocol, List<String> ids, List<String> roles, List<String> minds) {
        var agents = new ArrayList<Map<String, Object>>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            var a = new LinkedHashMap<String, Object>();
            a.put("id", ids.get(i));
            a.put("role", roles.get(i));
            a.put("mind", minds.get(i));
            agents.add(a);
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("condition", plan.condition());
        data.put("seed", plan.seed());
        data.put("protocol", protocol);
        data.put("agents", agents);
        write(TranscriptEntry.EPISODE_START, null, data);
    }

    void end(String status, String reason, long turns, Outcome outcome) {
        var data = new LinkedHashMap<String, Object>();
        data.put("status", status);
        data.put("reason", reason);
        data.put("turns", turns);
        var scores = new LinkedHashMap<String, Object>();
        scores.put("agents", outcome.agentScores());
        scores.put("episode", outcome.episodeScores());
        data.put("outcome", scores);
        write(TranscriptEntry.EPISODE_END, null, data);
    }
}
