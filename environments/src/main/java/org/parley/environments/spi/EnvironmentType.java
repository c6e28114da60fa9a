package org.parley.environments.spi;

import java.util.List;
import java.util.Optional;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;

/**
 * A kind of social environment as scenario files name it ({@code environment.type: dialogue}).
 * Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.parley.environments.spi.EnvironmentType}.
 *
 * <p>A type needs a name, its roles and a way to build the environment; everything else has a
 * default. A type whose agents can play without a language model also implements
 * {@link RuleBasedMinds}; scenarios of a type without it must give every agent an llm mind.
 *
 * @param <P> the environment's parameters, a record bound by Jackson from the scenario's
 *            {@code environment.params} (after condition overrides), so unknown keys and wrong
 *            types are reported with file, line and column
 */
public interface EnvironmentType<P> {

    /** The name scenario files use. */
    String name();

    /** One line for {@code parley list}; empty by default (listed as "—"). */
    default String summary() {
        return "";
    }

    /**
     * The record the parameters bind to. By default the type argument {@code P} as the
     * implementing class declares it ({@code implements EnvironmentType<MyParams>}, directly or
     * through a superclass or interface that fixes it).
     *
     * @throws IllegalStateException when the class leaves {@code P} open, so it cannot be read
     */
    @SuppressWarnings("unchecked")
    default Class<P> parametersType() {
        Class<?> type = TypeArguments.of(getClass(), EnvironmentType.class, 0);
        if (type == null) {
            throw new IllegalStateException("cannot tell the parameters type of environment type "
                    + getClass().getName() + "; declare parametersType() or implement EnvironmentType<YourParams> directly");
        }
        return (Class<P>) type;
    }

    /** Roles this environment knows; agents in a scenario must play one of them. */
    List<String> roles(P parameters);

    /**
     * Checks parameters beyond their types (ranges, cross-field rules). Returns problems as
     * {@code "field: what is wrong; how to fix"}; empty when fine.
     */
    default List<String> check(P parameters) {
        return List.of();
    }

    /**
     * The setting's own length cap, when its rules end it after so many rounds (dialogue's
     * {@code max-rounds}); empty, the default, when its length is open. It is the rule of the game,
     * and ends the episode with the environment's own reason; the runtime's {@code limits.max-turns}
     * is only a safety net, and the loader refuses a scenario whose {@code max-turns} would end its
     * episodes before this cap could.
     */
    default Optional<RoundCap> roundCap(P parameters) {
        return Optional.empty();
    }

    /**
     * At most this many rounds, a round being every agent acting once.
     *
     * @param rounds the cap
     * @param setBy  the {@code environment.params} keys that set it, as a user would change them
     *               ({@code max-rounds}, {@code sessions × max-rounds})
     */
    record RoundCap(int rounds, String setBy) {}

    /**
     * A fresh environment for one episode. The context is the one {@link Environment#start} will
     * get: the episode's id, condition and seed, and its participants with their seeds and
     * profiles (read a participant's persona with {@link org.parley.agents.persona.Persona#of}).
     */
    Environment create(P parameters, EpisodeContext context);
}
