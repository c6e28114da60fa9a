package org.parley.runtime.coordination;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The coordination and communication-barrier figures of one condition, for the end-of-run summary
 * (printed, and written to summary.json under {@code coordination}): the same ratios the dashboards
 * compute from the {@code parley_coordination_*} counters, computed here from the episodes'
 * {@link EpisodeCoordination} tallies, so a run without metrics has every figure. A ratio with
 * nothing to divide by is {@code null} ("no data"), never 0.
 *
 * @param successRate             successes / episodes that reported a {@code JointSuccess}
 * @param messageShare            messages / actions (other than none)
 * @param messagesPerOtherAction  messages / actions that are not messages
 * @param unansweredQuestionRate  unanswered / asked questions
 * @param commitmentsKeptRate     commitments kept / made
 * @param conflictsPerEpisode     conflicts / completed episodes
 * @param mutualUnderstanding     mean episode score, all barrier types
 * @param unresolvedConfusion     mean episode score, all barrier types
 * @param repairAttemptsPerEpisode repair attempts / completed episodes
 * @param stragglersPerRound      round-barrier stragglers / rounds closed
 * @param meanActionLatencySeconds mean time a mind took to decide
 */
public record ConditionCoordination(
        String condition, long started, long completed, long failed, Double successRate, Double messageShare,
        Double messagesPerOtherAction, Double unansweredQuestionRate, Double commitmentsKeptRate,
        Double conflictsPerEpisode, Double mutualUnderstanding, Double unresolvedConfusion,
        Double repairAttemptsPerEpisode, Double stragglersPerRound, Double meanActionLatencySeconds) {

    /**
     * The figures of one condition from its completed episodes' tallies, added in the order given
     * (give a fixed order, e.g. by episode index, and the result does not depend on which episode
     * finished first). Timing figures (stragglers, latency) are left null: see {@link #withTiming}.
     */
    public static ConditionCoordination of(String condition, long completed, long failed, List<EpisodeCoordination> episodes) {
        double successScored = 0, successes = 0, actions = 0, messages = 0, questions = 0, unanswered = 0;
        double made = 0, kept = 0, conflicts = 0, repairs = 0;
        double understandingSum = 0, understandingCount = 0, confusionSum = 0, confusionCount = 0;
        for (EpisodeCoordination e : episodes) {
            if (e.success() != null) {
                successScored++;
                if (e.success() >= 0.5) {
                    successes++;
                }
            }
            actions += e.actions();
            messages += e.messages();
            questions += e.questions();
            unanswered += e.unansweredQuestions();
            made += e.commitmentsMade();
            kept += e.commitmentsKept();
            conflicts += e.conflicts();
            repairs += e.repairAttempts();
            if (e.mutualUnderstanding() != null) {
                understandingSum += e.mutualUnderstanding();
                understandingCount++;
            }
            if (e.unresolvedConfusion() != null) {
                confusionSum += e.unresolvedConfusion();
                confusionCount++;
            }
        }
        double n = episodes.size();
        return new ConditionCoordination(condition, completed + failed, completed, failed, ratio(successes, successScored),
                ratio(messages, actions), ratio(messages, actions - messages), ratio(unanswered, questions),
                ratio(kept, made), ratio(conflicts, n), ratio(understandingSum, understandingCount),
                ratio(confusionSum, confusionCount), ratio(repairs, n), null, null);
    }

    /** The same figures with the timing ones (measured during this session) filled in. */
    public ConditionCoordination withTiming(Double stragglersPerRound, Double meanActionLatencySeconds) {
        return new ConditionCoordination(condition, started, completed, failed, successRate, messageShare,
                messagesPerOtherAction, unansweredQuestionRate, commitmentsKeptRate, conflictsPerEpisode,
                mutualUnderstanding, unresolvedConfusion, repairAttemptsPerEpisode, stragglersPerRound,
                meanActionLatencySeconds);
    }

    static Double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : null;
    }

    /** Insertion-ordered, for summary.json. */
    public Map<String, Object> toMap() {
        var m = new LinkedHashMap<String, Object>();
        m.put("condition", condition);
        m.put("episodes_started", started);
        m.put("episodes_completed", completed);
        m.put("episodes_failed", failed);
        m.put("success_rate", successRate);
        m.put("message_share", messageShare);
        m.put("messages_per_other_action", messagesPerOtherAction);
        m.put("unanswered_question_rate", unansweredQuestionRate);
        m.put("commitments_kept_rate", commitmentsKeptRate);
        m.put("conflicts_per_episode", conflictsPerEpisode);
        m.put("mutual_understanding", mutualUnderstanding);
        m.put("unresolved_confusion", unresolvedConfusion);
        m.put("repair_attempts_per_episode", repairAttemptsPerEpisode);
        m.put("stragglers_per_round", stragglersPerRound);
        m.put("mean_action_latency_seconds", meanActionLatencySeconds);
        return m;
    }

    /**
     * The figures that follow from the episodes alone — counts and ratios of counts and scores —
     * for summary.json, which must be byte-identical for the same seed: no latency, and no
     * round-barrier stragglers (whether a mind misses a barrier depends on timing). Ratios are
     * rounded to 10 significant digits, so the order in which parallel episodes added their scores
     * cannot show. Null means "no data".
     */
    public Map<String, Object> reproducible() {
        var m = new LinkedHashMap<String, Object>();
        m.put("episodes", completed);
        m.put("success_rate", rounded(successRate));
        m.put("message_share", rounded(messageShare));
        m.put("messages_per_other_action", rounded(messagesPerOtherAction));
        m.put("unanswered_question_rate", rounded(unansweredQuestionRate));
        m.put("commitments_kept_rate", rounded(commitmentsKeptRate));
        m.put("conflicts_per_episode", rounded(conflictsPerEpisode));
        m.put("mutual_understanding", rounded(mutualUnderstanding));
        m.put("unresolved_confusion", rounded(unresolvedConfusion));
        m.put("repair_attempts_per_episode", rounded(repairAttemptsPerEpisode));
        return m;
    }

    private static Double rounded(Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return v == null || v.isNaN() ? null : v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(10)).doubleValue();
    }

    /** One line for the console, figures without data left out. */
    public String format() {
        var sb = new StringBuilder();
        sb.append(condition).append(": ").append(completed).append(" completed, ").append(failed).append(" failed");
        percent(sb, "success", successRate);
        percent(sb, "messages", messageShare);
        percent(sb, "unanswered questions", unansweredQuestionRate);
        percent(sb, "commitments kept", commitmentsKeptRate);
        number(sb, "conflicts/episode", conflictsPerEpisode);
        number(sb, "mutual understanding", mutualUnderstanding);
        number(sb, "unresolved confusion", unresolvedConfusion);
        number(sb, "repairs/episode", repairAttemptsPerEpisode);
        number(sb, "stragglers/round", stragglersPerRound);
        return sb.toString();
    }

    private static void percent(StringBuilder sb, String label, Double value) {
        if (value != null) {
            sb.append(", ").append(label).append(' ').append(String.format(Locale.ROOT, "%.1f%%", value * 100));
        }
    }

    private static void number(StringBuilder sb, String label, Double value) {
        if (value != null) {
            sb.append(", ").append(label).append(' ').append(String.format(Locale.ROOT, "%.2f", value));
        }
    }
}
