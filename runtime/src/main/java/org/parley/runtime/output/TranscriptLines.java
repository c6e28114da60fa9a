package org.parley.runtime.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.run.EpisodeResult;

/**
 * The transcript's wording of each event: its line type, agent and {@code data}. Events that are
 * not transcript lines (turn starts, measurements, scores) have none. Pure functions, shared by the
 * transcript writer and by readers of an episode's events (an LLM judge renders the same content).
 *
 * <p>Line types and their {@code data}: {@code episode-start} (condition, seed, protocol, agents
 * with id, role and mind); {@code observation} (source, kind, text, data); {@code action} (kind,
 * text, to, args, wait-ms, produced-by); {@code event} (event, data); {@code barrier} (round,
 * answered, stragglers, and wait-ms with wall-clock timestamps only); {@code failure} (phase,
 * message); {@code episode-end} (status, reason, turns, outcome with agents and episode scores).
 */
public final class TranscriptLines {
    private TranscriptLines() {}

    /** A line before it is numbered and stamped. */
    public record Line(String type, String agent, Map<String, Object> data) {}

    /**
     * The line of an event, or null for events that are not written to transcripts.
     *
     * @param wallClock whether the transcript has wall-clock timestamps (a round's wait is shown only then)
     */
    public static Line of(EpisodeEvent event, boolean wallClock) {
        return switch (event) {
            case EpisodeEvent.Started s -> new Line(TranscriptEntry.EPISODE_START, null, start(s));
            case EpisodeEvent.Observed o -> new Line(TranscriptEntry.OBSERVATION, o.observation().agent(),
                    observation(o.observation()));
            case EpisodeEvent.Acted a -> new Line(TranscriptEntry.ACTION, a.action().agent(), action(a.action()));
            case EpisodeEvent.LateAction l -> new Line(TranscriptEntry.EVENT, l.action().agent(),
                    event("late-action", lateAction(l)));
            case EpisodeEvent.RoundClosed r -> new Line(TranscriptEntry.BARRIER, null, round(r, wallClock));
            case EpisodeEvent.Noted n -> new Line(TranscriptEntry.EVENT, n.fact().agent(), event(n.fact()));
            case EpisodeEvent.Coordinated c -> new Line(TranscriptEntry.EVENT, c.coordination().agent(),
                    event(c.coordination()));
            case EpisodeEvent.Failed f -> new Line(TranscriptEntry.FAILURE, f.agent(), failure(f));
            case EpisodeEvent.Finished f -> new Line(TranscriptEntry.EPISODE_END, null, end(f.result()));
            case EpisodeEvent.TurnStarted t -> null;
            case EpisodeEvent.Measured m -> null;
            case EpisodeEvent.Scored s -> null;
        };
    }

    private static Map<String, Object> start(EpisodeEvent.Started s) {
        var agents = new ArrayList<Map<String, Object>>(s.agents().size());
        for (var agent : s.agents()) {
            var a = new LinkedHashMap<String, Object>();
            a.put("id", agent.id());
            a.put("role", agent.role());
            a.put("mind", agent.mind());
            agents.add(a);
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("condition", s.condition());
        data.put("seed", s.seed());
        data.put("protocol", s.protocol());
        data.put("agents", agents);
        return data;
    }

    private static Map<String, Object> observation(Observation o) {
        var data = new LinkedHashMap<String, Object>();
        data.put("source", o.source());
        data.put("kind", o.kind());
        data.put("text", o.text());
        if (!o.data().isEmpty()) {
            data.put("data", o.data());
        }
        return data;
    }

    /** An action as the transcript writes it. */
    public static Map<String, Object> action(Action a) {
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

    /** An event line's data: the event's type under {@code event}, its details under {@code data}. */
    public static Map<String, Object> event(Event e) {
        return event(e.type(), e.data());
    }

    private static Map<String, Object> event(String type, Map<String, Object> details) {
        var data = new LinkedHashMap<String, Object>();
        data.put("event", type);
        if (!details.isEmpty()) {
            data.put("data", details);
        }
        return data;
    }

    private static Map<String, Object> lateAction(EpisodeEvent.LateAction l) {
        var data = new LinkedHashMap<String, Object>();
        data.put("round", l.round());
        data.put("action", action(l.action()));
        return data;
    }

    private static Map<String, Object> round(EpisodeEvent.RoundClosed r, boolean wallClock) {
        var data = new LinkedHashMap<String, Object>();
        data.put("round", r.round());
        data.put("answered", r.answered());
        data.put("stragglers", r.stragglers());
        if (wallClock) {
            data.put("wait-ms", r.waitNanos() / 1_000_000);
        }
        return data;
    }

    private static Map<String, Object> failure(EpisodeEvent.Failed f) {
        var data = new LinkedHashMap<String, Object>();
        data.put("phase", f.phase());
        data.put("message", f.message());
        return data;
    }

    private static Map<String, Object> end(EpisodeResult result) {
        var data = new LinkedHashMap<String, Object>();
        data.put("status", result.status() == EpisodeResult.Status.COMPLETED ? "completed" : "failed");
        data.put("reason", result.endReason());
        data.put("turns", result.turns());
        var scores = new LinkedHashMap<String, Object>();
        scores.put("agents", result.outcome().agentScores());
        scores.put("episode", result.outcome().episodeScores());
        data.put("outcome", scores);
        return data;
    }

    /** The lines of an episode's events so far, in order (events without a line left out). */
    public static List<Line> of(List<EpisodeEvent> events) {
        var lines = new ArrayList<Line>(events.size());
        for (var e : events) {
            var line = of(e, false);
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }
}
