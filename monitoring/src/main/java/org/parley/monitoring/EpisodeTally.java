package org.parley.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Action;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.run.EpisodeListener;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.TranscriptEntry;

/**
 * The monitoring of one running episode: the listener its actor calls, and what it has done so far.
 *
 * <p>Coordination figures need the whole episode (whether a question was ever answered), so they
 * are kept here and counted once it completes. Live series go to the condition's meters as calls
 * arrive.
 *
 * <p>Why so few fields, and no objects hanging off them on the common path: with thousands of
 * episodes in flight, an episode's tally has left the core's cache by the time its next message
 * is handled, so every cache line of it, and of any object it points to, costs a miss per
 * message, while the meters' cells of the thread ({@link ThreadCells}) stay hot in its core's
 * cache. Counting into those at once is cheaper than buffering counts in the tally. For the same
 * reason the one open question an episode usually has sits in two fields here rather than in a
 * list, and the counts of rarer coordination events in an object made on the first of them
 * ({@link EpisodeEvents}).
 *
 * <p>Calls for one episode come in order from that episode's actor, so the fields need no locks;
 * the actor hand-offs order them.
 */
final class EpisodeTally implements EpisodeListener, SimulationMetrics {
    final EpisodePlan plan;
    final ConditionMeters meters;
    /**
     * How many agents the episode started with (-1 past a short's range), to tell whether its
     * result names them all; a short fits the padding after {@link #finished}.
     */
    final short agentCount;

    // ints, not longs: one episode never counts past 2^31, and a smaller tally spans fewer cache
    // lines, each a miss when thousands of episodes take turns on a core.
    int actions;
    int messages;
    int questions;
    int unansweredQuestions;
    int lastBacklog;
    /** Commitments, conflicts, repairs and barrier; null until the first such event. */
    private EpisodeEvents events;

    long turn = Long.MIN_VALUE;
    long turnStartedNanos;
    /** Set when the episode has been counted: a later call for it goes straight to the meters. */
    boolean finished;

    /**
     * The cells of the thread that last called, kept so that a call on the same thread (most of an
     * episode's calls) finds them by comparing one reference instead of through a thread-local.
     */
    private ThreadCells.Shard shard;

    /**
     * The oldest open question: who asked it, and whom (null: anyone). Null asker when none is
     * open. Further open questions wait in {@link #moreOpen}, null until there are any.
     */
    private String openAsker;
    private String openAddressee;
    private List<Question> moreOpen;

    private record Question(String asker, String addressee) {}

    EpisodeTally(EpisodePlan plan, ConditionMeters meters) {
        int agents = plan.agents().size();
        this.agentCount = agents <= Short.MAX_VALUE ? (short) agents : -1;
        this.plan = plan;
        this.meters = meters;
    }

    /** The calling thread's cells. */
    ThreadCells.Shard shard() {
        var s = shard;
        if (s == null || !s.ownedBy(Thread.currentThread())) {
            s = meters.cells.local();
            shard = s;
        }
        return s;
    }

    @Override
    public void transcript(TranscriptEntry entry) {
        if (finished) {
            afterEnd(entry);
            return;
        }
        if (entry.turn() != turn) {
            long now = System.nanoTime();
            if (turn != Long.MIN_VALUE) {
                meters.turnDuration.observe(shard(), (now - turnStartedNanos) / 1e9);
            }
            turn = entry.turn();
            turnStartedNanos = now;
        }
        // The kernel writes the type constants themselves: comparing references settles most lines.
        var type = entry.type();
        if (type == TranscriptEntry.OBSERVATION || TranscriptEntry.OBSERVATION.equals(type)) {
            shard().add(meters.observationsCell, 1);
        } else if (type == TranscriptEntry.EVENT || TranscriptEntry.EVENT.equals(type)) {
            var name = CoordinationEvents.eventName(entry.data());
            if (name != null) {
                var event = meters.event(name);
                shard().add(event.cell(), 1);
                if (event.effect() != CoordinationEvents.Effect.NONE) {
                    if (events == null) {
                        events = new EpisodeEvents();
                    }
                    events.count(event.effect(), entry.data());
                }
            }
        }
    }

    /** A line after the episode was counted goes to the live meters only. */
    private void afterEnd(TranscriptEntry entry) {
        switch (entry.type()) {
            case TranscriptEntry.OBSERVATION -> meters.observations.increment();
            case TranscriptEntry.EVENT -> {
                var name = CoordinationEvents.eventName(entry.data());
                if (name != null) {
                    meters.event(name).count().increment();
                }
            }
            default -> { }
        }
    }

    @Override
    public void actionDecided(String role, Action action, Duration latency) {
        var kind = action.kind();
        var meter = meters.action(role, action.producedBy(), kind);
        if (meter == null) {
            meter = meters.listener.actionMeters(meters, role, action.producedBy(), kind);
        }
        var shard = shard();
        if (latency != null) {
            meter.latency.observe(shard, latency.toNanos() / 1e9);
        }
        meter.count(shard, 1);
        if (!finished) {
            action(action, meter.message(), meter.effort, meter.verbal);
        }
    }

    @Override
    public void barrierClosed(long round, Duration wait, int stragglers) {
        var shard = shard();
        meters.barrierRounds.add(shard, 1);
        meters.barrierWait.observe(shard, wait == null ? 0 : wait.toNanos() / 1e9);
        if (stragglers > 0) {
            meters.barrierStragglers.add(shard, stragglers);
        }
    }

    @Override
    public void backlog(int pendingMessages) {
        if (finished) {
            return;
        }
        int change = pendingMessages - lastBacklog;
        if (change != 0) {
            shard().add(meters.backlogCell, change);
            lastBacklog = pendingMessages;
        }
    }

    @Override
    public SimulationMetrics metrics() {
        return this;
    }

    /**
     * The environment's named metrics, reported through the tally (its sink for the episode) so
     * they use the cells the tally keeps at hand instead of finding the thread's through a
     * thread-local on every call; the meters are the condition's, as for every other episode.
     */
    @Override
    public void count(String name, double amount, Map<String, String> tags) {
        meters.environmentMetrics.count(shard(), name, amount, tags);
    }

    @Override
    public void observe(String name, double value, Map<String, String> tags) {
        meters.environmentMetrics.observe(shard(), name, value, tags);
    }

    @Override
    public void finished(EpisodeResult result, Duration duration) {
        meters.listener.episodeFinished(this, result, duration);
    }

    /**
     * Counts an action and settles open questions. A question is answered when the next
     * non-{@code none} action of its addressee (or, if it had none, of any other agent) is a
     * message; if that action is anything else, or the episode ends first, it stays unanswered.
     */
    void action(Action action, boolean message, boolean effort, boolean verbal) {
        if (!effort) {
            return;
        }
        actions++;
        if (message) {
            messages++;
        }
        if (openAsker != null) {
            settle(action.agent(), message);
        }
        if (message && verbal && Communication.asks(action)) {
            questions++;
            open(action.agent(), action.to());
        }
    }

    /** Settles the open questions {@code agent}'s action responds to: answered if it is a message. */
    private void settle(String agent, boolean message) {
        if (moreOpen != null) {
            for (int i = moreOpen.size() - 1; i >= 0; i--) {
                var q = moreOpen.get(i);
                if (respondsTo(agent, q.asker(), q.addressee())) {
                    moreOpen.remove(i);
                    countAnswer(message);
                }
            }
        }
        if (respondsTo(agent, openAsker, openAddressee)) {
            countAnswer(message);
            if (moreOpen == null || moreOpen.isEmpty()) {
                openAsker = null;
                openAddressee = null;
            } else {
                var next = moreOpen.remove(0);
                openAsker = next.asker();
                openAddressee = next.addressee();
            }
        }
    }

    private static boolean respondsTo(String agent, String asker, String addressee) {
        return !asker.equals(agent) && (addressee == null || addressee.equals(agent));
    }

    private void countAnswer(boolean message) {
        if (!message) {
            unansweredQuestions++;
        }
    }

    private void open(String asker, String addressee) {
        if (openAsker == null) {
            openAsker = asker;
            openAddressee = addressee;
            return;
        }
        if (moreOpen == null) {
            moreOpen = new ArrayList<>(2);
        }
        moreOpen.add(new Question(asker, addressee));
    }

    /** Questions still open when the episode ends are unanswered. */
    int unansweredAtEnd() {
        return unansweredQuestions + (openAsker == null ? 0 : 1) + (moreOpen == null ? 0 : moreOpen.size());
    }

    /** The episode's commitments, conflicts, repairs and barrier. */
    EpisodeEvents events() {
        return events == null ? EpisodeEvents.NONE : events;
    }
}
