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
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Step;
import org.parley.runtime.protocol.TurnProtocol;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.parley.runtime.episode.ResolvedEpisode;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.output.TranscriptWriter;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;
import org.parley.runtime.output.TranscriptEntry;

/** The ways to host a run, and what the environment is handed. */
class SimulationTest extends KernelTest {

    private static ScriptedMind talker() {
        return new ScriptedMind("test:talker", (t, s) -> Action.speak(t.agent(), "line " + t.number()));
    }

    @Test
    void aRunCanBeSpawnedAsAChildOfAnEmbeddersActor() throws Exception {
        var run = Plans.run(Plans.episode("emb/1", new TurnProtocol.RoundRobin(), limits(3), new Room(null),
                List.of(agent("a", talker()), agent("b", talker()))));
        var reported = new java.util.concurrent.CompletableFuture<RunReport>();
        var sink = new RecordingSink();

        kit.spawn(Behaviors.<String>setup(ctx -> {
            Simulation.spawn(ctx, run.plan(), run.resolver(), List.of(sink)).thenAccept(reported::complete);
            return Behaviors.ignore();
        }));

        RunReport report = reported.get(10, TimeUnit.SECONDS);
        assertThat(report.completed()).isEqualTo(1);
        assertThat(report.actions()).isEqualTo(3);
        assertThat(sink.speakers("emb/1")).containsExactly("a", "b", "a");
    }

    @Test
    void theEnvironmentAndEveryMindGetOneEpisodeContextAndItsMetricsBecomeEvents() {
        var seen = new AtomicReference<EpisodeContext>();
        var built = new AtomicReference<EpisodeContext>();
        var mindContexts = new java.util.concurrent.CopyOnWriteArrayList<EpisodeContext>();
        var mindSeeds = new java.util.concurrent.CopyOnWriteArrayList<Long>();
        var room = new Room(null) {
            @Override
            public Step start(EpisodeContext context) {
                seen.set(context);
                context.metrics().count("openings", 2, Map.of("door", "front"));
                context.metrics().observe("mood", 0.5, Map.of());
                return super.start(context);
            }
        };
        ResolvedEpisode.MindFactory talkers = (context, seed) -> {
            mindContexts.add(context);
            mindSeeds.add(seed);
            return talker();
        };
        var profile = Map.of("name", "Ada"); // opaque to the kernel: whatever the scenario says an agent is
        var episode = new Plans.TestEpisode(new EpisodeSpec("s", "cond", 3, 99), new ResolvedEpisode(
                new TurnProtocol.RoundRobin(), limits(1), context -> {
                    built.set(context);
                    return room;
                }, List.of(new ResolvedEpisode.Agent("a", "role-a", 11, profile, talkers),
                        new ResolvedEpisode.Agent("b", "role-b", 12, null, talkers))));
        var sink = new RecordingSink();

        Plans.runOn(kit, Plans.run(List.of(episode), 1), sink);

        EpisodeContext context = seen.get();
        assertThat(context.episodeId()).isEqualTo("cond/0003");
        assertThat(context.condition()).isEqualTo("cond");
        assertThat(context.seed()).isEqualTo(99);
        assertThat(context.agents()).containsExactly(new EpisodeContext.Participant("a", "role-a", 11, profile),
                new EpisodeContext.Participant("b", "role-b", 12, null));
        assertThat(context.agent("a").profile()).isSameAs(profile);
        assertThat(built.get()).isSameAs(context);
        assertThat(mindContexts).containsExactly(context, context);
        assertThat(mindSeeds).containsExactly(11L, 12L);
        assertThat(sink.events("cond/0003")).filteredOn(e -> e instanceof EpisodeEvent.Measured).containsExactly(
                new EpisodeEvent.Measured("cond/0003", 0, "openings", EpisodeEvent.Measured.Measure.COUNT, 2,
                        Map.of("door", "front")),
                new EpisodeEvent.Measured("cond/0003", 0, "mood", EpisodeEvent.Measured.Measure.OBSERVE, 0.5, Map.of()));
    }


    @Test
    void wallTimestampsAreIsoInstants(@TempDir Path dir) throws Exception {
        var episode = Plans.episode("wall/1", new TurnProtocol.RoundRobin(), limits(2), new Room(null),
                List.of(agent("a", talker()), agent("b", talker())));
        var run = Plans.run(List.of(episode), 1, RunPlan.Timestamps.WALL);
        Instant before = Instant.now();

        RunReport report = Simulation.start(run.plan(), run.resolver(), List.of(new TranscriptWriter(dir)))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(report.completed()).isEqualTo(1);
        var lines = Files.readAllLines(dir.resolve("episodes/wall/0001.jsonl"));
        assertThat(lines).hasSizeGreaterThan(3);
        for (String line : lines) {
            var entry = org.parley.runtime.output.Json.mapper().readValue(line, TranscriptEntry.class);
            assertThat(Instant.parse(entry.time())).isBetween(before, Instant.now());
        }
    }
}
