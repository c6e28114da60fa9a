package org.parley.runtime.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.runtime.environment.Action;
import org.parley.runtime.metrics.SimulationMetrics;

/** Fans each call out to several listeners, in their order. */
final class CompositeRunListener implements RunListener {
    /** The listeners, shared by every episode's {@link CompositeEpisodeListener}. */
    private final RunListener[] array;
    /**
     * The fan-out to a subset of the listeners (bit i for the listener at i), made once for the
     * run: the plan-taking part of every episode's audience, which is nearly always the same.
     */
    private final ConcurrentHashMap<Long, RunListener> subsets = new ConcurrentHashMap<>();

    CompositeRunListener(List<RunListener> listeners) {
        this.array = listeners.toArray(RunListener[]::new);
    }

    @Override
    public void runStarted(RunPlan plan) {
        for (var l : array) {
            l.runStarted(plan);
        }
    }

    @Override
    public void episodeStarted(EpisodePlan episode) {
        for (var l : array) {
            l.episodeStarted(episode);
        }
    }

    /**
     * Starts the episode in every listener. A listener that returned the default forwarder is
     * called with the plan from the episode's composite, so only listeners with episode state of
     * their own add an object the episode's calls must reach (each one a likely cache miss per
     * call when thousands of episodes run).
     */
    @Override
    public EpisodeListener startEpisode(EpisodePlan episode) {
        if (array.length == 1) {
            return array[0].startEpisode(episode);
        }
        var own = startAll(episode);
        for (var o : own) {
            if (o != null) {
                return new CompositeEpisodeListener(episode, array, own);
            }
        }
        return forward(episode);
    }

    /**
     * Starts the episode in every listener and splits who hears it (see {@link EpisodeAudience}):
     * the plan-taking listeners through a fan-out the run shares, and the one listener with
     * episode state of its own directly. With several such listeners, one composite made for the
     * episode calls them all in order.
     */
    EpisodeAudience audience(EpisodePlan episode) {
        var own = startAll(episode);
        long plain = 0;
        int owners = 0;
        int ownerAt = -1;
        for (int i = 0; i < own.length; i++) {
            if (own[i] == null) {
                plain |= 1L << i;
            } else {
                owners++;
                ownerAt = i;
            }
        }
        if (owners <= 1 && array.length < Long.SIZE) {
            return new EpisodeAudience(subset(plain), owners == 0 ? null : own[ownerAt]);
        }
        return new EpisodeAudience(EpisodeAudience.NOBODY, new CompositeEpisodeListener(episode, array, own));
    }

    /**
     * Starts the episode in every listener; per listener, the episode listener it returned, or
     * null where that was the default forwarder (the listener is then called with the plan).
     */
    private EpisodeListener[] startAll(EpisodePlan episode) {
        var own = new EpisodeListener[array.length];
        for (int i = 0; i < array.length; i++) {
            var started = array[i].startEpisode(episode);
            own[i] = EpisodeAudience.isForwarderOf(started, array[i]) ? null : started;
        }
        return own;
    }

    /** The listeners whose bits are set, as one listener. */
    private RunListener subset(long bits) {
        if (bits == 0) {
            return EpisodeAudience.NOBODY;
        }
        if (Long.bitCount(bits) == 1) {
            return array[Long.numberOfTrailingZeros(bits)];
        }
        if (bits == (1L << array.length) - 1) {
            return this;
        }
        return subsets.computeIfAbsent(bits, b -> {
            var chosen = new ArrayList<RunListener>();
            for (int i = 0; i < array.length; i++) {
                if ((b & (1L << i)) != 0) {
                    chosen.add(array[i]);
                }
            }
            return new CompositeRunListener(List.copyOf(chosen));
        });
    }

    @Override
    public void transcript(EpisodePlan episode, TranscriptEntry entry) {
        for (var l : array) {
            l.transcript(episode, entry);
        }
    }

    @Override
    public void actionDecided(EpisodePlan episode, String role, Action action, Duration latency) {
        for (var l : array) {
            l.actionDecided(episode, role, action, latency);
        }
    }

    @Override
    public void barrierClosed(EpisodePlan episode, long round, Duration wait, int stragglers) {
        for (var l : array) {
            l.barrierClosed(episode, round, wait, stragglers);
        }
    }

    @Override
    public void backlog(EpisodePlan episode, int pendingMessages) {
        for (var l : array) {
            l.backlog(episode, pendingMessages);
        }
    }

    @Override
    public SimulationMetrics metrics(EpisodePlan episode) {
        var sinks = new ArrayList<SimulationMetrics>(array.length);
        for (var l : array) {
            sinks.add(l.metrics(episode));
        }
        return SimulationMetrics.all(sinks);
    }

    @Override
    public void episodeFinished(EpisodeResult result, Duration duration) {
        for (var l : array) {
            l.episodeFinished(result, duration);
        }
    }

    @Override
    public void runFinished(RunReport report) {
        for (var l : array) {
            l.runFinished(report);
        }
    }
}
