package org.parley.runtime.run;

import java.time.Duration;
import org.parley.runtime.environment.Action;
import org.parley.runtime.metrics.SimulationMetrics;

/** The episode view of a listener that takes the plan in every call: it adds the plan and passes each call on. */
record ForwardingEpisodeListener(RunListener listener, EpisodePlan episode) implements EpisodeListener {

    @Override
    public void transcript(TranscriptEntry entry) {
        listener.transcript(episode, entry);
    }

    @Override
    public void actionDecided(String role, Action action, Duration latency) {
        listener.actionDecided(episode, role, action, latency);
    }

    @Override
    public void barrierClosed(long round, Duration wait, int stragglers) {
        listener.barrierClosed(episode, round, wait, stragglers);
    }

    @Override
    public void backlog(int pendingMessages) {
        listener.backlog(episode, pendingMessages);
    }

    @Override
    public SimulationMetrics metrics() {
        return listener.metrics(episode);
    }

    @Override
    public void finished(EpisodeResult result, Duration duration) {
        listener.episodeFinished(result, duration);
    }
}
