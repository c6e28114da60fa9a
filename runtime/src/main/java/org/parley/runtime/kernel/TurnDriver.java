package org.parley.runtime.kernel;

/**
 * Plays the turns of an episode under one protocol: asks agents to decide, applies their actions
 * and says when the episode ends. One implementation per kind of protocol, each a small plain class
 * driven by the episode's actor; handlers return why the episode ends, or null to go on, and throw
 * {@link EpisodeFailure} when it cannot.
 */
sealed interface TurnDriver permits SequentialTurns, SimultaneousRounds, FreeTurns {

    /** Begins the next turn (or round). */
    Episode.End proceed();

    /** A message for the driver: an agent's answer, a round's result, a wait's timeout. */
    Episode.End handle(EpisodeCommand command);
}
