package org.parley.runtime.coordination;

/**
 * The coordination and communication-barrier tallies of one completed episode: a line of
 * {@code coordination.jsonl}, and what the metrics add when the episode completes.
 *
 * @param success             1 when the episode reported a reached {@code JointSuccess}, 0 when
 *                            one not reached, null when it reported none
 * @param mutualUnderstanding the episode score {@code mutual_understanding}, or null
 * @param unresolvedConfusion the episode score {@code unresolved_confusion}, or null
 */
public record EpisodeCoordination(
        String episode, String condition, int index, long actions, long messages, long questions,
        long unansweredQuestions, long commitmentsMade, long commitmentsKept, long commitmentsBroken, long conflicts,
        long repairAttempts, String barrier, Double success, Double mutualUnderstanding, Double unresolvedConfusion) {

    /** The barrier label of episodes that declare none. */
    public static final String NO_BARRIER = "none";
}
