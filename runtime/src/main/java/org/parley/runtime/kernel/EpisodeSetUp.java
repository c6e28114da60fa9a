package org.parley.runtime.kernel;

import java.util.ArrayList;
import java.util.List;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.mind.Mind;

/**
 * Builds an episode's context, then its environment and minds from its resolved factories (all of
 * them get the same context), checking what a scenario can get wrong (an agent id twice, no
 * protocol, a factory that throws or returns nothing) and saying which part failed.
 */
final class EpisodeSetUp {
    private final Episode episode;
    private final List<Mind> minds = new ArrayList<>();
    private String failedAgent;
    private boolean environmentFailed;

    EpisodeSetUp(Episode episode) {
        this.episode = episode;
    }

    /** Builds everything; returns what went wrong, or null. */
    String build() {
        var resolved = episode.resolved;
        java.util.Arrays.fill(episode.minds, "unavailable");
        for (int i = 0; i < episode.ids.size(); i++) {
            if (episode.positions.putIfAbsent(episode.ids.get(i), i) != null) {
                return "agent id '" + episode.ids.get(i) + "' appears twice in episode " + episode.id
                        + "; give every agent its own id";
            }
        }
        if (resolved.protocol() == null) {
            return "episode " + episode.id + " has no turn protocol";
        }
        episode.context = context();
        try {
            Environment env = resolved.environment().create(episode.context);
            if (env == null) {
                environmentFailed = true;
                return "environment factory returned no environment";
            }
            episode.env = env;
        } catch (RuntimeException e) {
            environmentFailed = true;
            return "environment could not be created: " + Failures.describe(e);
        }
        for (int i = 0; i < episode.ids.size(); i++) {
            var agent = resolved.agents().get(i);
            try {
                Mind mind = agent.mind().create(episode.context, agent.seed());
                if (mind == null) {
                    throw new IllegalStateException("mind factory returned no mind");
                }
                minds.add(mind);
                episode.minds[i] = mind.describe();
            } catch (RuntimeException e) {
                failedAgent = agent.id();
                return "mind of '" + agent.id() + "' could not be created: " + Failures.describe(e);
            }
        }
        return null;
    }

    /** The episode as its environment and minds see it; its metrics become events of the episode. */
    private EpisodeContext context() {
        var participants = new ArrayList<EpisodeContext.Participant>(episode.ids.size());
        for (var agent : episode.resolved.agents()) {
            participants.add(new EpisodeContext.Participant(agent.id(), agent.role(), agent.seed(), agent.profile()));
        }
        return new EpisodeContext(episode.id, episode.spec.condition(), episode.spec.seed(), participants,
                episode.events().metrics(episode.id, () -> episode.turn));
    }

    /** The agents as the episode's start records them (minds that could not be built are {@code unavailable}). */
    List<EpisodeEvent.Started.Agent> agents() {
        var agents = new ArrayList<EpisodeEvent.Started.Agent>(episode.ids.size());
        for (int i = 0; i < episode.ids.size(); i++) {
            agents.add(new EpisodeEvent.Started.Agent(episode.ids.get(i), episode.roles.get(i), episode.minds[i]));
        }
        return agents;
    }

    List<Mind> minds() {
        return minds;
    }

    String failedAgent() {
        return failedAgent;
    }

    boolean environmentFailed() {
        return environmentFailed;
    }

    /** Closes the minds built so far, when the episode fails before they get an actor. */
    void closeMinds() {
        for (Mind mind : minds) {
            try {
                mind.close();
            } catch (RuntimeException ignored) {
                // The episode already failed during set-up; that failure is what gets reported.
            }
        }
    }
}
