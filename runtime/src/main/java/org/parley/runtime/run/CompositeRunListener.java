package org.parley.runtime.run;

import java.time.Duration;
import java.util.List;
import org.parley.runtime.environment.Action;
import org.parley.runtime.metrics.SimulationMetrics;

/** Fans each call out to several listeners. */
final class CompositeRunListener implements RunListener {
    private final List<RunListener> listeners;
    /** The same listeners, shared by every episode's {@link CompositeEpisodeListener}. */
    private final RunListener[] array;

    CompositeRunListener(List<RunListener> listeners) {
        this.listeners = listeners;
        this.array = listeners.toArray(RunListener[]::new);
    }

    @Override
    public void runStarted(RunPlan plan) {
        listeners.forEach(l -> l.runStarted(plan));
    }

    @Override
    public void episodeStarted(EpisodePlan episode) {
        listeners.forEach(l -> l.episodeStarted(episode));
    }

    /**
     * Starts the episode in every listener. A listener that returned the default forwarder is
     * called with the plan from the episode's composite, so only listeners with episode state of
     * their own add an object the episode's calls must reach (each one a likely cache miss per
     * call when thousands of episodes run).
     */
    @Override
    public EpisodeListener startEpisode(EpisodePlan episode) {
        EpisodeListener[] own = null;
        EpisodeListener last = null;
        for (int i = 0; i < array.length; i++) {
            var started = array[i].startEpisode(episode);
            last = started;
            if (!(started instanceof ForwardingEpisodeListener f && f.listener() == array[i])) {
                if (own == null) {
                    own = new EpisodeListener[array.length];
                }
                own[i] = started;
            }
        }
        if (array.length == 1) {
            return last;
        }
        return own == null ? forward(episode) : new CompositeEpisodeListener(episode, array, own);
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
