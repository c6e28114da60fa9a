package org.parley.scenarios.mind;

/**
 * A way an agent can decide, as scenario files name it in {@code mind.kind}. Built-in:
 * {@code rule-based}. Further kinds (LLM minds) register through {@link java.util.ServiceLoader}
 * in {@code META-INF/services/org.parley.scenarios.mind.MindKind}.
 */
public interface MindKind {

    /** The value of {@code mind.kind}. */
    String name();

    /** One line for {@code parley list}. */
    String summary();

    /**
     * Checks the mind block (its keys and references) and prepares it. Problems go to
     * {@link MindRequest#report()}; the return value is ignored when problems were reported.
     */
    PreparedMind prepare(MindRequest request);
}
