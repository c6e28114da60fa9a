package org.parley.monitoring;

/**
 * The coordination and communication-barrier tallies of one completed episode, exactly as
 * {@link MonitoringListener} adds them to the meters. A run can keep them per episode (see
 * {@link MonitoringListener#onEpisodeCompleted}) to compute the summary's figures from every
 * finished episode in a fixed order, across a resume and independent of completion order.
 *
 * @param success             the {@code success} score, or null
 * @param mutualUnderstanding the {@code mutual_understanding} score, or null
 * @param unresolvedConfusion the {@code unresolved_confusion} score, or null
 */
public record EpisodeCoordination(
        String episode, String condition, int index, long actions, long messages, long questions,
        long unansweredQuestions, long commitmentsMade, long commitmentsKept, long commitmentsBroken, long conflicts,
        long repairAttempts, String barrier, Double success, Double mutualUnderstanding, Double unresolvedConfusion) {}
