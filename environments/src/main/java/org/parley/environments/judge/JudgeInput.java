package org.parley.environments.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.output.TranscriptEntry;
import org.parley.runtime.output.TranscriptLines;

/**
 * What a judge reads about one episode.
 *
 * @param episodeId  the episode, for usage accounting
 * @param seed       the episode seed; the judge call's seed is derived from it
 * @param agents     the agents to score
 * @param transcript the episode as readable lines, in order
 */
public record JudgeInput(String episodeId, long seed, List<JudgedAgent> agents, List<String> transcript) {
    private static final JsonMapper JSON = new JsonMapper();

    public JudgeInput {
        agents = List.copyOf(agents);
        transcript = List.copyOf(transcript);
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("episode " + episodeId + ": a judge needs at least one agent to score");
        }
    }

    /** Lines from the actions of an episode, in order. */
    public static List<String> linesOf(List<Action> actions) {
        var lines = new ArrayList<String>();
        for (Action a : actions) {
            lines.add(line(a.agent(), a.kind(), a.text(), a.to(), a.args()));
        }
        return lines;
    }

    /** Lines from an episode's events as its transcript words them: actions and events (observations repeat actions). */
    public static List<String> linesOfTranscript(List<EpisodeEvent> events) {
        var lines = new ArrayList<String>();
        for (TranscriptLines.Line e : TranscriptLines.of(events)) {
            Map<String, Object> d = e.data();
            if (TranscriptEntry.ACTION.equals(e.type())) {
                lines.add(line(e.agent(), String.valueOf(d.getOrDefault("kind", "action")),
                        String.valueOf(d.getOrDefault("text", "")), (String) d.get("to"), nested(d.get("args"))));
            } else if (TranscriptEntry.EVENT.equals(e.type())) {
                lines.add("[event" + (e.agent() == null ? "" : " " + e.agent()) + "] " + json(d));
            }
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String line(String agent, String kind, String text, String to, Map<String, Object> args) {
        String target = to == null ? "" : " (to " + to + ")";
        return switch (kind) {
            case ActionKinds.SPEAK -> agent + target + ": \"" + text + "\"";
            case ActionKinds.NON_VERBAL -> agent + " [non-verbal]" + target + ": " + text;
            case ActionKinds.ACTION -> agent + " [action]" + target + ": " + text;
            case ActionKinds.LEAVE -> agent + " left" + (text.isBlank() ? "." : ": \"" + text + "\"");
            case ActionKinds.NONE -> agent + " did nothing.";
            default -> agent + " used " + kind + (args.isEmpty() ? "" : " " + json(args)) + (text.isBlank() ? "" : ": " + text);
        };
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            return String.valueOf(o);
        }
    }
}
