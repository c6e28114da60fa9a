package org.parley.agents.mind;

/**
 * A way an agent can decide, as scenario files name it in {@code mind.kind}. Built in:
 * {@code rule-based} ({@link RuleBasedMindKind}) and {@code llm}. Further kinds register through
 * {@link java.util.ServiceLoader} in {@code META-INF/services/org.parley.agents.mind.MindKind}.
 *
 * <p>Like an environment type, a kind declares the record its {@code mind} block binds to: the
 * scenario loader binds the block's keys other than {@code kind} with Jackson (kebab-case keys,
 * unknown keys and wrong types reported with file, line and column), then hands the record to
 * {@link #prepare}.
 *
 * @param <P> the mind block's parameters
 */
public interface MindKind<P> {

    /** The value of {@code mind.kind}. */
    String name();

    /** One line for {@code parley list}. */
    String summary();

    /** The record the {@code mind} block (without {@code kind}) binds to. */
    Class<P> parametersType();

    /**
     * Checks what binding cannot (references to other parts of the scenario, rules across keys)
     * and prepares the mind. Problems go to {@link MindRequest#report()}; the return value is
     * ignored when problems were reported.
     */
    PreparedMind prepare(P parameters, MindRequest request);
}
