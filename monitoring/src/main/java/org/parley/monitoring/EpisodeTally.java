package org.parley.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Action;
import org.parley.runtime.run.EpisodePlan;

/**
 * What one running episode has done so far, kept until it finishes so that coordination figures
 * (which need the whole episode, e.g. whether a question was ever answered) are counted once.
 *
 * <p>Calls for one episode arrive in order from that episode's actor, so the fields need no locks;
 * the actor hand-offs order them.
 */
final class EpisodeTally {
    final EpisodePlan plan;
    final ConditionMeters meters;
    /** Per role, how many agents of it this episode holds (for the agents-alive gauge). */
    final Map<String, Integer> roles;

    // ints, not longs: one episode never counts past 2^31, and a smaller tally spans fewer cache
    // lines, each a miss when thousands of episodes take turns on a core.
    int actions;
    int messages;
    int questions;
    int unansweredQuestions;
    int commitmentsMade;
    int commitmentsKept;
    int commitmentsBroken;
    int conflicts;
    int repairAttempts;
    String barrier;
    int lastBacklog;

    long turn = Long.MIN_VALUE;
    long turnStartedNanos;
    /** Set by episodeFinished: a later call for this episode (its episode-end line) is not counted. */
    boolean finished;

    /** Open questions; null until the first, so an episode without questions never touches a list. */
    private List<Question> pending;

    private record Question(String asker, String addressee) {}

    EpisodeTally(EpisodePlan plan, ConditionMeters meters, Map<String, Integer> roles) {
        this.plan = plan;
        this.meters = meters;
        this.roles = roles;
    }

    /**
     * Counts an action and settles open questions. A question is answered when the next
     * non-{@code none} action of its addressee (or, if it had none, of any other agent) is a
     * message; if that action is anything else, or the episode ends first, it stays unanswered.
     */
    void action(Action action, boolean message, boolean effort) {
        if (!effort) {
            return;
        }
        actions++;
        if (message) {
            messages++;
        }
        if (pending != null && !pending.isEmpty()) {
            var agent = action.agent();
            for (int i = pending.size() - 1; i >= 0; i--) {
                var q = pending.get(i);
                boolean responder = !q.asker.equals(agent) && (q.addressee == null || q.addressee.equals(agent));
                if (responder) {
                    pending.remove(i);
                    if (!message) {
                        unansweredQuestions++;
                    }
                }
            }
        }
        if (message && Communication.isQuestion(action)) {
            questions++;
            if (pending == null) {
                pending = new ArrayList<>(2);
            }
            pending.add(new Question(action.agent(), action.to()));
        }
    }

    void event(String name, Map<String, Object> data) {
        switch (name) {
            case CoordinationEvents.COMMITMENT_MADE -> commitmentsMade++;
            case CoordinationEvents.COMMITMENT_KEPT -> commitmentsKept++;
            case CoordinationEvents.COMMITMENT_BROKEN -> commitmentsBroken++;
            case CoordinationEvents.MERGE_CONFLICT, CoordinationEvents.CONFLICT -> conflicts++;
            case CoordinationEvents.REPAIR_ATTEMPT -> repairAttempts++;
            case CoordinationEvents.COMMUNICATION_BARRIER -> {
                var type = CoordinationEvents.detail(data, "barrier");
                if (type == null && data.get("data") instanceof Map<?, ?> nested) {
                    type = nested.get("type");
                }
                if (type != null) {
                    barrier = type.toString();
                }
            }
            default -> { }
        }
    }

    /** Questions still open when the episode ends are unanswered. */
    int unansweredAtEnd() {
        return unansweredQuestions + (pending == null ? 0 : pending.size());
    }

    String barrierOrNone() {
        return barrier == null ? CoordinationEvents.NO_BARRIER : barrier;
    }
}
