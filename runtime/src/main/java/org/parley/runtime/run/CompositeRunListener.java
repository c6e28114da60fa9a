package org.parley.runtime.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Action;
import org.parley.runtime.metrics.SimulationMetrics;

/** Fans each call out to several listeners. */
final class CompositeRunListener implements RunListener {
    private final List<RunListener> listeners;

    CompositeRunListener(List<RunListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void runStarted(RunPlan plan) {
        listeners.forEach(l -> l.runStarted(plan));
    }

    @Override
    public void episodeStarted(EpisodePlan episode) {
        listeners.forEach(l -> l.episodeStarted(episode));
    }

    @Override
    public void transcript(EpisodePlan episode, TranscriptEntry entry) {
        listeners.forEach(l -> l.transcript(episode, entry));
    }

    @Override
    public void actionDecided(EpisodePlan episode, String role, Action action, Duration latency) {
        listeners.forEach(l -> l.actionDecided(episode, role, action, latency));
    }

    @Override
    public void barrierClosed(EpisodePlan episode, long round, Duration wait, int stragglers) {
        listeners.forEach(l -> l.barrierClosed(episode, round, wait, stragglers));
    }

    @Override
    public void backlog(EpisodePlan episode, int pendingMessages) {
        listeners.forEach(l -> l.backlog(episode, pendingMessages));
    }

    @Override
    public SimulationMetrics metrics(EpisodePlan episode) {
        var sinks = listeners.stream().map(l -> l.metrics(episode)).filter(m -> m != SimulationMetrics.NONE).toList();
        if (sinks.isEmpty()) {
            return SimulationMetrics.NONE;
        }
        if (sinks.size() == 1) {
            return sinks.get(0);
        }
        return new SimulationMetrics() {
            @Override
            public void count(String name, double amount, Map<String, String> tags) {
                sinks.forEach(s -> s.count(name, amount, tags));
            }

            @Override
            public void observe(String name, double value, Map<String, String> tags) {
                sinks.forEach(s -> s.observe(name, value, tags));
            }
        };
    }

    @Override
    public void episodeFinished(EpisodeResult result, Duration duration) {
        listeners.forEach(l -> l.episodeFinished(result, duration));
    }

    @Override
    public void runFinished(RunReport report) {
        listeners.forEach(l -> l.runFinished(report));
    }
}
