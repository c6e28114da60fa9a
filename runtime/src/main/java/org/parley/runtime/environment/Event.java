package org.parley.runtime.environment;

import java.util.Map;

/**
 * Something an environment reports for the transcript and the metrics: an environment-specific
 * {@link Fact} (a deal struck, a move, a test run) or one of the typed {@link Coordination} events
 * that Parley's coordination and communication-barrier figures count.
 *
 * <p>In a transcript an event is a line of type {@code event} with its {@link #type()} under
 * {@code event} and its {@link #data()} under {@code data}.
 */
public sealed interface Event permits Fact, Coordination {

    /** Short kebab-case name, e.g. {@code deal}, {@code commitment-made}. */
    String type();

    /** The agent it concerns, or {@code null}. */
    String agent();

    /** Details, insertion-ordered so transcripts are stable. */
    Map<String, Object> data();
}
