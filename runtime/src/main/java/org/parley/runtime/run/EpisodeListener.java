package org.parley.runtime.run;

import java.time.Duration;
import org.parley.runtime.environment.Action;
import org.parley.runtime.metrics.SimulationMetrics;

/**
 * What a run listener hears about one running episode, without the episode's plan in every call:
 * the object {@link RunListener#startEpisode} returned for it. The episode's actor holds it and
 * calls it in order, so a listener can keep the episode's own state here, reached without a
 * look-up and without locks.
 */
public interface EpisodeListener {

    /** One transcript line, in order. */
    default void transcript(TranscriptEntry entry) {}

    /** An agent decided; {@code latency} is the time its mind took. */
    default void actionDecided(String role, Action action, Duration latency) {}

    /** A round of the simultaneous protocol closed after {@code wait}, with this many stragglers. */
    default void barrierClosed(long round, Duration wait, int stragglers) {}

    /** Messages waiting in agents' mailboxes of this episode, sampled when a turn starts. */
    default void backlog(int pendingMessages) {}

    /** Where the episode's environment reports its named metrics. */
    default SimulationMetrics metrics() {
        return SimulationMetrics.NONE;
    }

    /** The episode ended; no call for it follows. */
    default void finished(EpisodeResult result, Duration duration) {}
}
