package org.parley.runtime.run;

import java.time.Duration;
import java.util.List;
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
    public EpisodeListener startEpisode(EpisodePlan episode) {
        var each = new EpisodeListener[listeners.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = listeners.get(i).startEpisode(episode);
        }
        return each.length == 1 ? each[0] : new CompositeEpisodeListener(each);
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
        return SimulationMetrics.all(listeners.stream().map(l -> l.metrics(episode)).toList());
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
