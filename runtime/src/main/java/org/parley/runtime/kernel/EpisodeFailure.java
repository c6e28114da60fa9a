package org.parley.runtime.kernel;

/**
 * Ends an episode as failed from inside a turn: thrown by a turn driver, caught by the episode's
 * actor, which records it and ends the episode.
 */
final class EpisodeFailure extends RuntimeException {
    final String agent;
    final String phase;

    EpisodeFailure(String agent, String phase, String message) {
        super(message, null, false, false);
        this.agent = agent;
        this.phase = phase;
    }
}
