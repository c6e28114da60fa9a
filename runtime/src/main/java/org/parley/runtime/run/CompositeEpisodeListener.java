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
    /** Per listener, its own episode listener, or null to call the run listener with the plan. */
    private final EpisodeListener[] own;

    CompositeEpisodeListener(EpisodePlan episode, RunListener[] listeners, EpisodeListener[] own) {
        this.episode = episode;
        this.listeners = listeners;
        this.own = own;
    }

    @Override
    public void transcript(TranscriptEntry entry) {
        for (int i = 0; i < own.length; i++) {
            var o = own[i];
            if (o != null) {
                o.transcript(entry);
            } else {
                listeners[i].transcript(episode, entry);
            }
        }
    }

    @Override
    public void actionDecided(String role, Action action, Duration latency) {
        for (int i = 0; i < own.length; i++) {
            var o = own[i];
            if (o != null) {
                o.actionDecided(role, action, latency);
            } else {
                listeners[i].actionDecided(episode, role, action, latency);
            }
        }
    }

    @Override
    public void barrierClosed(long round, Duration wait, int stragglers) {
        for (int i = 0; i < own.length; i++) {
            var o = own[i];
            if (o != null) {
                o.barrierClosed(round, wait, stragglers);
            } else {
                listeners[i].barrierClosed(episode, round, wait, stragglers);
            }
        }
    }

    @Override
    public void backlog(int pendingMessages) {
        for (int i = 0; i < own.length; i++) {
            var o = own[i];
            if (o != null) {
                o.backlog(pendingMessages);
            } else {
                listeners[i].backlog(episode, pendingMessages);
            }
        }
    }

    @Override
    public SimulationMetrics metrics() {
        var sinks = new SimulationMetrics[own.length];
        for (int i = 0; i < own.length; i++) {
            sinks[i] = own[i] != null ? own[i].metrics() : listeners[i].metrics(episode);
        }
        return SimulationMetrics.all(Arrays.asList(sinks));
    }

    @Override
    public void finished(EpisodeResult result, Duration duration) {
        for (int i = 0; i < own.length; i++) {
            var o = own[i];
            if (o != null) {
                o.finished(result, duration);
            } else {
                listeners[i].episodeFinished(result, duration);
            }
        }
    }
}
