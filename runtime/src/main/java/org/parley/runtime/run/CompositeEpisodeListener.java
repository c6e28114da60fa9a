package org.parley.runtime.run;

import java.time.Duration;
import java.util.Arrays;
import org.parley.runtime.environment.Action;
import org.parley.runtime.metrics.SimulationMetrics;

/**
 * Fans each call about one episode out to several run listeners, in their order: to the episode
 * listener a run listener returned for it, or, where that was the default forwarder, to the run
 * listener itself with the plan added.
 */
final class CompositeEpisodeListener implements EpisodeListener {
    private final EpisodePlan episode;
    /** Shared by every episode of the run. */
    private final RunListener[] listeners;
    /**
     * The first listener with an episode listener of its own, and its place: most runs have one
     * (the metrics), and holding it here spares every call a read of an array of this episode's.
     */
    private final int firstAt;
    private final EpisodeListener first;
    /** Per place, the episode listener of any further such listener; null when there is none. */
    private final EpisodeListener[] others;

    /** @param own per listener, its own episode listener, or null to call the run listener with the plan */
    CompositeEpisodeListener(EpisodePlan episode, RunListener[] listeners, EpisodeListener[] own) {
        this.episode = episode;
        this.listeners = listeners;
        int at = -1;
        EpisodeListener[] rest = null;
        for (int i = 0; i < own.length; i++) {
            if (own[i] == null) {
                continue;
            }
            if (at < 0) {
                at = i;
            } else {
                if (rest == null) {
                    rest = new EpisodeListener[own.length];
                }
                rest[i] = own[i];
            }
        }
        this.firstAt = at;
        this.first = at < 0 ? null : own[at];
        this.others = rest;
    }

    /** The episode listener of the listener at {@code i}, or null to call that run listener with the plan. */
    private EpisodeListener own(int i) {
        return i == firstAt ? first : others == null ? null : others[i];
    }

    @Override
    public void transcript(TranscriptEntry entry) {
        for (int i = 0; i < listeners.length; i++) {
            var o = own(i);
            if (o != null) {
                o.transcript(entry);
            } else {
                listeners[i].transcript(episode, entry);
            }
        }
    }

    @Override
    public void actionDecided(String role, Action action, Duration latency) {
        for (int i = 0; i < listeners.length; i++) {
            var o = own(i);
            if (o != null) {
                o.actionDecided(role, action, latency);
            } else {
                listeners[i].actionDecided(episode, role, action, latency);
            }
        }
    }

    @Override
    public void barrierClosed(long round, Duration wait, int stragglers) {
        for (int i = 0; i < listeners.length; i++) {
            var o = own(i);
            if (o != null) {
                o.barrierClosed(round, wait, stragglers);
            } else {
                listeners[i].barrierClosed(episode, round, wait, stragglers);
            }
        }
    }

    @Override
    public void backlog(int pendingMessages) {
        for (int i = 0; i < listeners.length; i++) {
            var o = own(i);
            if (o != null) {
                o.backlog(pendingMessages);
            } else {
                listeners[i].backlog(episode, pendingMessages);
            }
        }
    }

    @Override
    public SimulationMetrics metrics() {
        var sinks = new SimulationMetrics[listeners.length];
        for (int i = 0; i < listeners.length; i++) {
            var o = own(i);
            sinks[i] = o != null ? o.metrics() : listeners[i].metrics(episode);
        }
        return SimulationMetrics.all(Arrays.asList(sinks));
    }

    @Override
    public void finished(EpisodeResult result, Duration duration) {
        for (int i = 0; i < listeners.length; i++) {
            var o = own(i);
            if (o != null) {
                o.finished(result, duration);
            } else {
                listeners[i].episodeFinished(result, duration);
            }
        }
    }
}
