package org.parley.runtime.run;

import java.time.Duration;
import java.util.List;
import org.parley.runtime.environment.Action;
import org.parley.runtime.metrics.SimulationMetrics;

/**
 * Everything a run tells the outside world: the recorder, the results writer, the progress bar and
 * the metrics exporter are all listeners.
 *
 * <p>Calls for one episode come in order from that episode's actor; calls for different episodes
 * come concurrently, so implementations that share state across episodes must be thread-safe.
 * A listener must not block for long: it runs on a dispatcher thread.
 */
public interface RunListener {

    default void runStarted(RunPlan plan) {}

    default void episodeStarted(EpisodePlan episode) {}

    /**
     * An episode starts: the kernel calls this (not {@link #episodeStarted}) once per episode and
     * sends the rest of the episode's calls, its end included, to the listener it returns. The
     * default calls {@link #episodeStarted} and returns a listener that passes every call on to this
     * one's methods with the plan added. Override it to keep an episode's state in the returned
     * object instead of finding it by the plan in every call.
     */
    default EpisodeListener startEpisode(EpisodePlan episode) {
        episodeStarted(episode);
        return forward(episode);
    }

    /** This listener as an {@link EpisodeListener} of one episode, passing each call on with the plan. */
    default EpisodeListener forward(EpisodePlan episode) {
        return new ForwardingEpisodeListener(this, episode);
    }

    /** One transcript line, in order. */
    default void transcript(EpisodePlan episode, TranscriptEntry entry) {}

    /** An agent decided; {@code latency} is the time its mind took. */
    default void actionDecided(EpisodePlan episode, String role, Action action, Duration latency) {}

    /** A round of the simultaneous protocol closed after {@code wait}, with this many stragglers. */
    default void barrierClosed(EpisodePlan episode, long round, Duration wait, int stragglers) {}

    /** Messages waiting in agents' mailboxes of this episode, sampled when a turn starts. */
    default void backlog(EpisodePlan episode, int pendingMessages) {}

    /** Where the episode's environment reports its named metrics; tags for it are the caller's. */
    default SimulationMetrics metrics(EpisodePlan episode) {
        return SimulationMetrics.NONE;
    }

    /**
     * The episode ended. The kernel tells the episode's {@link EpisodeListener}, whose default
     * passes it on to here; an episode whose actor crashed before it could report is told here only.
     */
    default void episodeFinished(EpisodeResult result, Duration duration) {}

    default void runFinished(RunReport report) {}

    /** Fans every call out to several listeners, in the given order. */
    static RunListener all(List<RunListener> listeners) {
        return new CompositeRunListener(List.copyOf(listeners));
    }
}
