package org.parley.runtime.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.parley.runtime.environment.OrderedData;

/**
 * One line of an episode's JSONL transcript.
 *
 * @param seq   0-based position in the transcript
 * @param turn  the episode's turn counter when it happened
 * @param time  a timestamp: logical milliseconds, or an ISO-8601 instant (see {@link org.parley.runtime.run.RunPlan.Timestamps})
 * @param type  {@code episode-start}, {@code observation}, {@code action}, {@code event},
 *              {@code barrier}, {@code failure} or {@code episode-end}
 * @param agent the agent it concerns, or {@code null}
 * @param data  the content; insertion-ordered so that the same run writes the same bytes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TranscriptEntry(long seq, long turn, String time, String type, String agent, Map<String, Object> data) {

    public static final String EPISODE_START = "episode-start";
    public static final String OBSERVATION = "observation";
    public static final String ACTION = "action";
    public static final String EVENT = "event";
    public static final String BARRIER = "barrier";
    public static final String FAILURE = "failure";
    public static final String EPISODE_END = "episode-end";

    public TranscriptEntry {
        data = OrderedData.copy(data);
    }
}
