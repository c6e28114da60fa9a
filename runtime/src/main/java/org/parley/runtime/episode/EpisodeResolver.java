package org.parley.runtime.episode;

import org.parley.runtime.run.EpisodeSpec;

/**
 * Turns an {@link EpisodeSpec} into what runs it, on the node that runs it: the protocol, the
 * limits, and factories for the environment and every agent's mind. The kernel calls it once per
 * episode, on the episode's actor, when the episode starts; the factories are called right after.
 *
 * <p>A resolver holds one scenario (the spec's {@code scenario} hash names it). Given the same spec
 * it must resolve the same episode every time: that is what lets an episode run again on another
 * node, or after a resume, with the same result.
 */
@FunctionalInterface
public interface EpisodeResolver {

    /**
     * @throws IllegalArgumentException when the spec does not belong to this resolver's scenario or
     *                                  names an unknown condition (the episode fails with the message)
     */
    ResolvedEpisode resolve(EpisodeSpec spec);
}
