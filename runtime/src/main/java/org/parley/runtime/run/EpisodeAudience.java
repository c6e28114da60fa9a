package org.parley.runtime.run;

import java.util.List;
import org.parley.runtime.metrics.SimulationMetrics;

/**
 * Who hears one running episode, in the two parts the episode's actor holds in fields of its own:
 * the listeners that take the plan in every call, reached through one object shared by every
 * episode of the run ({@link #shared}), and the one listener that keeps the episode's state in an
 * {@link EpisodeListener} of its own ({@link #own}, or null).
 *
 * <p>Why split: with thousands of episodes in flight, an object made for one episode has left the
 * core's cache by the time the episode's next message is handled, so every such object a call
 * passes through costs a cache miss. The actor is in cache (it is handling the message), and so is
 * an object every episode shares; a fan-out made per episode would be neither.
 *
 * <p>The plan-taking listeners hear each call in their order, then the own listener. With several
 * listeners that keep episode state, one {@link EpisodeListener} made for the episode calls them
 * all, the plan-taking ones included, in the run's order.
 */
public record EpisodeAudience(RunListener shared, EpisodeListener own) {

    /** Nobody: a run listener that ignores every call. */
    static final RunListener NOBODY = new RunListener() {};

    /**
     * Starts the episode in {@code listener} (once: {@link RunListener#startEpisode} is called
     * here) and splits who hears it.
     */
    public static EpisodeAudience start(RunListener listener, EpisodePlan episode) {
        if (listener instanceof CompositeRunListener composite) {
            return composite.audience(episode);
        }
        var started = listener.startEpisode(episode);
        return isForwarderOf(started, listener) ? new EpisodeAudience(listener, null) : new EpisodeAudience(NOBODY, started);
    }

    static boolean isForwarderOf(EpisodeListener started, RunListener listener) {
        return started instanceof ForwardingEpisodeListener f && f.listener() == listener;
    }

    /** Everything the environment reports, to every listener that takes it. */
    public SimulationMetrics metrics(EpisodePlan episode) {
        var plain = shared.metrics(episode);
        return own == null ? plain : SimulationMetrics.all(List.of(plain, own.metrics()));
    }
}
