package org.parley.runtime.event;

import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;

/**
 * Reads a run's {@link EpisodeEvent}s: the transcript writer, the results writer, the coordination
 * log, the metrics, a progress bar and any embedder's code are sinks.
 *
 * <p>A run calls its sinks one call at a time (never concurrently, and with each call seeing
 * what the previous one did), each event to every sink in the order the sinks were given; so a
 * sink keeps plain fields, needs no lock, and may do blocking I/O: it runs on a dispatcher meant
 * for it, not on the threads that run episodes. Events of one episode arrive in order; those
 * of different episodes interleave. A sink that throws stops the run: the failure is reported as
 * the run's error, and every sink's output written before it stays on disk.
 */
public interface EventSink {

    /** The run begins; no event has been emitted yet. */
    default void runStarted(RunPlan plan) {}

    /** One event. */
    void accept(EpisodeEvent event);

    /**
     * Called about once a second while the run goes on, and once at its end before
     * {@link #runFinished}: a sink that buffers output writes it out here.
     */
    default void flush() {}

    /** Every episode has finished and every event was accepted; the last call. */
    default void runFinished(RunReport report) {}
}
