package org.parley.runtime.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.parley.runtime.Simulation;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.Limits;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;
import org.parley.runtime.seed.Seeds;

/** Builds small plans for kernel tests and runs them on a test kit's actor system. */
final class Plans {
    private Plans() {}

    static Limits limits(int maxTurns) {
        return new Limits(maxTurns, 0, true, Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    static EpisodePlan.AgentPlan agent(String id, Mind mind) {
        return new EpisodePlan.AgentPlan(id, "role-" + id, Seeds.agent(1, id), seed -> mind);
    }

    static EpisodePlan episode(String id, TurnProtocol protocol, Limits limits, Environment env,
            List<EpisodePlan.AgentPlan> agents) {
        return new EpisodePlan(id, id.contains("/") ? id.substring(0, id.indexOf('/')) : "test", 0, 7, protocol,
                limits, seed -> env, agents);
    }

    static RunPlan run(List<EpisodePlan> episodes, int parallelism) {
        return new RunPlan("test-run", "test", "room", episodes, parallelism, RunPlan.Timestamps.LOGICAL);
    }

    static RunPlan run(EpisodePlan episode) {
        return run(List.of(episode), 1);
    }

    static RunReport runOn(ActorTestKit kit, RunPlan plan, RunListener listener) {
        try {
            return Simulation.start(kit.system(), plan, listener).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("run did not finish: " + e, e);
        }
    }

    static List<EpisodePlan> copies(int n, java.util.function.IntFunction<EpisodePlan> episode) {
        var out = new ArrayList<EpisodePlan>(n);
        for (int i = 0; i < n; i++) {
            out.add(episode.apply(i));
        }
        return out;
    }
}
