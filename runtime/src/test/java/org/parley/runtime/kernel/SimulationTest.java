package org.parley.runtime.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.runtime.kernel.Plans.agent;
import static org.parley.runtime.kernel.Plans.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.parley.runtime.Simulation;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;
import org.parley.runtime.run.TranscriptEntry;

/** The ways to host a run, and what the environment is handed. */
class SimulationTest extends KernelTest {

    private static ScriptedMind talker() {
        return new ScriptedMind("test:talker", (t, s) -> Action.speak(t.agent(), "line " + t.number()));
    }

    @Test
    void aRunCanBeSpawnedAsAChildOfAnEmbeddersActor() {
        var plan = Plans.run(Plans.episode("emb/1", new TurnProtocol.RoundRobin(), limits(3), new Room(null),
                List.of(agent("a", talker()), agent("b", talker()))));
        TestProbe<RunReport> probe = kit.createTestProbe();
        var listener = new RecordingListener();

        kit.spawn(Behaviors.<String>setup(ctx -> {
            Simulation.spawn(ctx, plan, listener).thenAccept(probe.getRef()::tell);
            return Behaviors.ignore();
        }));

        RunReport report = probe.receiveMessage(Duration.ofSeconds(10));
        assertThat(report.completed()).isEqualTo(1);
        assertThat(report.actions()).isEqualTo(3);
        assertThat(listener.speakers("emb/1")).containsExactly("a", "b", "a");
    }

    @Test
    void theEnvironmentGetsTheEpisodeContextWithTheListenersMetrics() {
        var seen = new AtomicReference<EpisodeContext>();
        var metrics = new SimulationMetrics() {
            @Override
            public void count(String name, double amount, Map<String, String> tags) {}

            @Override
            public void observe(String name, double value, Map<String, String> tags) {}
        };
        var room = new Room(null) {
            @Override
            public Step start(EpisodeContext context) {
                seen.set(context);
                return super.start(context);
            }
        };
        var listener = new RecordingListener() {
            @Override
            public SimulationMetrics metrics(EpisodePlan episode) {
                return metrics;
            }
        };
        var episode = new EpisodePlan("cond/0003", "cond", 3, 99, new TurnProtocol.RoundRobin(), limits(1), seed -> room,
                List.of(agent("a", talker()), agent("b", talker())));

        Plans.runOn(kit, Plans.run(episode), listener);

        EpisodeContext context = seen.get();
        assertThat(context.episodeId()).isEqualTo("cond/0003");
        assertThat(context.condition()).isEqualTo("cond");
        assertThat(context.seed()).isEqualTo(99);
        assertThat(context.agents()).containsExactly(new EpisodeContext.Participant("a", "role-a"),
                new EpisodeContext.Participant("b", "role-b"));
        assertThat(context.metrics()).isSameAs(metrics);
    }

    @Test
    void wallTimestampsAreIsoInstants() throws Exception {
        var episode = Plans.episode("wall/1", new TurnProtocol.RoundRobin(), limits(2), new Room(null),
                List.of(agent("a", talker()), agent("b", talker())));
        var plan = new RunPlan("wall", "test", "room", List.of(episode), 1, RunPlan.Timestamps.WALL);
        var listener = new RecordingListener();
        Instant before = Instant.now();

        RunReport report = Simulation.start(plan, listener).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(report.completed()).isEqualTo(1);
        for (TranscriptEntry e : listener.transcript("wall/1")) {
            assertThat(Instant.parse(e.time())).isBetween(before, Instant.now());
        }
    }
}
