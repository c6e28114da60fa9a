package org.parley.runtime.run;

import java.util.Map;
import org.parley.runtime.environment.Outcome;

/**
 * How an episode ended. Holds nothing that depends on wall-clock time, so the results table of a
 * rule-based run is reproducible.
 *
 * @param episodeId  the episode's id
 * @param condition  its condition
 * @param index      its number within the condition
 * @param seed       its seed
 * @param status     completed, or failed (an agent or the environment threw, or it timed out)
 * @param endReason  why it ended ({@code max-turns}, {@code agent-left}, {@code stale}, an
 *                   environment's reason, or the failure)
 * @param turns      turns played
 * @param actions    actions applied to the environment
 * @param outcome    the scores (empty when it failed)
 * @param agents     per agent id: its role and mind description
 */
public record EpisodeResult(
        String episodeId, String condition, int index, long seed, Status status, String endReason, long turns,
        long actions, Outcome outcome, Map<String, AgentInfo> agents) {

    public enum Status { COMPLETED, FAILED }

    public record AgentInfo(String role, String mind) {}

    public EpisodeResult {
        outcome = outcome == null ? Outcome.empty() : outcome;
        agents = agents == null ? Map.of() : java.util.Collections.unmodifiableSequencedMap(new java.util.LinkedHashMap<>(agents));
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
