package org.parley.runtime.run;

import java.time.Duration;
import java.util.Arrays;
import org.parley.runtime.environment.Action;
import org.parley.runtime.metrics.SimulationMetrics;

/** Fans each call about one episode out to the episode listeners of several run listeners, in order. */
final class CompositeEpisodeListener implements EpisodeListener {
    private final EpisodeListener[] listeners;

    CompositeEpisodeListener(EpisodeListener[] listeners) {
        this.listeners = listeners;
    }

    @Override
    public void transcript(TranscriptEntry entry) {
        for (var l : listeners) {
            l.transcript(entry);
        }
    }

    @Override
    public void actionDecided(String role, Action action, Duration latency) {
        for (var l : listeners) {
            l.actionDecided(role, action, latency);
        }
    }

    @Override
    public void barrierClosed(long round, Duration wait, int stragglers) {
        for (var l : listeners) {
            l.barrierClosed(round, wait, stragglers);
        }
    }

    @Override
    public void backlog(int pendingMessages) {
        for (var l : listeners) {
            l.backlog(pendingMessages);
        }
    }

    @Override
    public SimulationMetrics metrics() {
        return SimulationMetrics.all(Arrays.stream(listeners).map(EpisodeListener::metrics).toList());
    }

    @Override
    public void finished(EpisodeResult result, Duration duration) {
        for (var l : listeners) {
            l.finished(result, duration);
        }
    }
}
