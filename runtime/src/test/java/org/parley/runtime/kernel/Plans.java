package org.parley.runtime.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.episode.EpisodeEvaluator;
import org.parley.runtime.episode.EpisodeResolver;
import org.parley.runtime.episode.ResolvedEpisode;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.Limits;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;
import org.parley.runtime.seed.Seeds;

/**
 * Builds small plans for kernel tests and runs them on a test kit's actor system. Tests name
 * episodes shortly ({@code "alt"}, {@code "cond/3"}); {@link #id} turns such a name into the spec's
 * id ({@code alt/0000}, {@code cond/0003}).
 */
final class Plans {
    private Plans() {}

    /** An episode of a test: its spec, and what the test's resolver answers for it. */
    record TestEpisode(EpisodeSpec spec, ResolvedEpisode resolved) {}

    /** A plan and the resolver that knows its episodes. */
    record TestRun(RunPlan plan, EpisodeResolver resolver) {}

    static Limits limits(int maxTurns) {
        return new Limits(maxTurns, 0, true, Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    static ResolvedEpisode.Agent agent(String id, Mind mind) {
        return new ResolvedEpisode.Agent(id, "role-" + id, Seeds.agent(1, id), null, (context, seed) -> mind);
    }

    /** The spec of a short episode name: {@code cond/3} is condition cond, index 3; {@code alt} is alt, index 0. */
    static EpisodeSpec spec(String name, long seed) {
        int slash = name.indexOf('/');
        if (slash >= 0 && name.substring(slash + 1).matches("\\d+")) {
            return new EpisodeSpec("test-scenario", name.substring(0, slash), Integer.parseInt(name.substring(slash + 1)), seed);
        }
        return new EpisodeSpec("test-scenario", name.replace('/', '-'), 0, seed);
    }

    /** The spec id of a short episode name. */
    static String id(String name) {
        return name.matches(".*/\\d{4}") ? name : spec(name, 0).id();
    }

    static TestEpisode episode(String name, TurnProtocol protocol, Limits limits, Environment env,
            List<ResolvedEpisode.Agent> agents) {
        return episode(name, protocol, limits, env, agents, null);
    }

    static TestEpisode episode(String name, TurnProtocol protocol, Limits limits, Environment env,
            List<ResolvedEpisode.Agent> agents, EpisodeEvaluator evaluator) {
        return new TestEpisode(spec(name, 7), new ResolvedEpisode(protocol, limits, context -> env, agents, evaluator));
    }

    static TestRun run(List<TestEpisode> episodes, int parallelism) {
        return run(episodes, parallelism, RunPlan.Timestamps.LOGICAL);
    }

    static TestRun run(List<TestEpisode> episodes, int parallelism, RunPlan.Timestamps timestamps) {
        Map<String, ResolvedEpisode> byId = new LinkedHashMap<>();
        List<EpisodeSpec> specs = new ArrayList<>();
        for (TestEpisode e : episodes) {
            byId.put(e.spec().id(), e.resolved());
            specs.add(e.spec());
        }
        EpisodeResolver resolver = spec -> {
            ResolvedEpisode resolved = byId.get(spec.id());
            if (resolved == null) {
                throw new IllegalArgumentException("no episode " + spec.id() + " in this test");
            }
            return resolved;
        };
        return new TestRun(new RunPlan("test-run", "test", "room", specs, parallelism, timestamps), resolver);
    }

    static TestRun run(TestEpisode episode) {
        return run(List.of(episode), 1);
    }

    static RunReport runOn(ActorTestKit kit, TestRun run, EventSink... sinks) {
        try {
            return Simulation.start(kit.system(), run.plan(), run.resolver(), List.of(sinks))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("run did not finish: " + e, e);
        }
    }

    static List<TestEpisode> copies(int n, java.util.function.IntFunction<TestEpisode> episode) {
        var out = new ArrayList<TestEpisode>(n);
        for (int i = 0; i < n; i++) {
            out.add(episode.apply(i));
        }
        return out;
    }
}
