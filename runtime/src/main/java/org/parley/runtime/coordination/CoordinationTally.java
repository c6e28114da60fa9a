package org.parley.runtime.coordination;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Coordination;
import org.parley.runtime.event.EpisodeEvent;

/**
 * Counts one episode's coordination from its events: actions and messages, questions and whether
 * they were answered, commitments, conflicts, repairs, the declared barrier, joint success and the
 * barrier scores. The rules are those of docs/metrics.md; {@link #result} gives the episode's
 * {@link EpisodeCoordination} once it has completed.
 *
 * <p><b>Questions.</b> An episode whose environment declares questions
 * ({@link Coordination.Question}) is counted by its declarations: a question is answered when an
 * {@link Coordination.Answer} names it. Otherwise the conversation rule applies: a question is a
 * verbal action that {@link Communication#asks asks}; it is answered when the next action other than
 * {@code none} of its addressee (or, for a question to everyone, of any other agent) is a message,
 * and unanswered when that action is anything else or the episode ends first.
 */
public final class CoordinationTally {
    private final String episode;
    private final String condition;
    private final int index;

    private long actions;
    private long messages;
    private long inferredQuestions;
    private long inferredUnanswered;
    /** Questions inferred and still open, oldest first. */
    private List<OpenQuestion> open;

    private Set<String> declaredQuestions;
    private Set<String> declaredAnswers;

    private long commitmentsMade;
    private long commitmentsKept;
    private long commitmentsBroken;
    private long conflicts;
    private long repairAttempts;
    private String barrier;
    private Double success;
    private Double mutualUnderstanding;
    private Double unresolvedConfusion;

    private record OpenQuestion(String asker, String addressee) {}

    public CoordinationTally(String episode, String condition, int index) {
        this.episode = episode;
        this.condition = condition;
        this.index = index;
    }

    public String condition() {
        return condition;
    }

    /** Takes one event of this episode; events of other kinds are ignored. */
    public void accept(EpisodeEvent event) {
        switch (event) {
            case EpisodeEvent.Acted a -> acted(a.action());
            case EpisodeEvent.Coordinated c -> coordinated(c.coordination());
            case EpisodeEvent.Scored s -> scored(s.outcome().episodeScores());
            default -> { }
        }
    }

    private void acted(Action action) {
        var kind = action.kind();
        if (!Communication.isEffort(kind)) {
            return;
        }
        boolean message = Communication.isMessage(kind);
        actions++;
        if (message) {
            messages++;
        }
        if (open != null && !open.isEmpty()) {
            settle(action.agent(), message);
        }
        if (message && Communication.isVerbal(kind) && Communication.asks(action)) {
            inferredQuestions++;
            if (open == null) {
                open = new ArrayList<>(2);
            }
            open.add(new OpenQuestion(action.agent(), action.to()));
        }
    }

    /** Settles the open questions {@code agent}'s action responds to: answered if it is a message. */
    private void settle(String agent, boolean message) {
        for (var it = open.iterator(); it.hasNext(); ) {
            var q = it.next();
            if (!q.asker().equals(agent) && (q.addressee() == null || q.addressee().equals(agent))) {
                it.remove();
                if (!message) {
                    inferredUnanswered++;
                }
            }
        }
    }

    private void coordinated(Coordination c) {
        switch (c) {
            case Coordination.Question q -> {
                if (declaredQuestions == null) {
                    declaredQuestions = new HashSet<>();
                }
                declaredQuestions.add(q.id());
            }
            case Coordination.Answer a -> {
                if (declaredAnswers == null) {
                    declaredAnswers = new HashSet<>();
                }
                declaredAnswers.add(a.question());
            }
            case Coordination.CommitmentMade m -> commitmentsMade++;
            case Coordination.CommitmentKept k -> commitmentsKept++;
            case Coordination.CommitmentBroken b -> commitmentsBroken++;
            case Coordination.Conflict x -> conflicts++;
            case Coordination.MergeConflict x -> conflicts++;
            case Coordination.RepairAttempt r -> repairAttempts++;
            case Coordination.BarrierDeclared d -> barrier = d.barrier();
            case Coordination.JointSuccess j -> success = j.reached() ? 1.0 : 0.0;
        }
    }

    private void scored(Map<String, Double> episodeScores) {
        mutualUnderstanding = score(episodeScores, "mutual_understanding", "mutual-understanding");
        unresolvedConfusion = score(episodeScores, "unresolved_confusion", "unresolved-confusion");
    }

    private static Double score(Map<String, Double> scores, String snake, String kebab) {
        Double v = scores.get(snake);
        if (v == null) {
            v = scores.get(kebab);
        }
        return v == null || v.isNaN() ? null : v;
    }

    /** Questions asked in the episode: declared ones if it declared any, else inferred ones. */
    public long questions() {
        return declaredQuestions != null ? declaredQuestions.size() : inferredQuestions;
    }

    /** Questions never answered; inferred ones still open count as unanswered. */
    public long unansweredQuestions() {
        if (declaredQuestions != null) {
            long answered = declaredAnswers == null ? 0
                    : declaredQuestions.stream().filter(declaredAnswers::contains).count();
            return declaredQuestions.size() - answered;
        }
        return inferredUnanswered + (open == null ? 0 : open.size());
    }

    /** The episode's figures (meaningful once it has completed and been scored). */
    public EpisodeCoordination result() {
        return new EpisodeCoordination(episode, condition, index, actions, messages, questions(), unansweredQuestions(),
                commitmentsMade, commitmentsKept, commitmentsBroken, conflicts, repairAttempts,
                barrier == null ? EpisodeCoordination.NO_BARRIER : barrier, success, mutualUnderstanding,
                unresolvedConfusion);
    }
}
