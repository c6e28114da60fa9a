package org.parley.runtime.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.runtime.environment.Action;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.output.TranscriptWriter;
import org.parley.runtime.episode.ResolvedEpisode;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.Limits;
import org.parley.runtime.run.RunReport;
import org.parley.runtime.seed.Seeds;

/** The same plan and seeds give byte-identical transcripts whatever the parallelism. */
class DeterminismTest {
    private static final String[] WORDS = {"hello", "maybe", "no", "deal", "why", "fine", "later", "sure"};

    /** A seeded chatterbox: speaks, addresses someone, or does nothing, at random from its seed. */
    private static Mind chatter(String id, List<String> others, long seed) {
        var random = new SplittableRandom(seed);
        return new ScriptedMind("test:chatter", (turn, seen) -> {
            int roll = random.nextInt(10);
            String words = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)]
                    + " (heard " + seen.size() + ")";
            if (roll < 5) {
                return Action.speak(id, words);
            } else if (roll < 8) {
                return Action.speak(id, words).addressedTo(others.get(random.nextInt(others.size())));
            } else if (turn.number() > 12 && roll == 9) {
                return Action.leave(id, "bye");
            }
            return Action.none(id);
        });
    }

    private static Plans.TestRun plan(int parallelism) {
        var protocols = List.of(
                new TurnProtocol.Alternating("b"), new TurnProtocol.RoundRobin(), new TurnProtocol.RandomOrder(false),
                new TurnProtocol.Simultaneous(Duration.ofSeconds(10)), new TurnProtocol.Free(Duration.ofSeconds(1)));
        var names = List.of("alternating", "round-robin", "random", "simultaneous", "free");
        var episodes = new ArrayList<Plans.TestEpisode>();
        for (int c = 0; c < protocols.size(); c++) {
            List<String> ids = c == 0 ? List.of("a", "b") : List.of("a", "b", "c");
            for (int i = 0; i < 6; i++) {
                long seed = Seeds.episode(42, names.get(c), i);
                var agents = new ArrayList<ResolvedEpisode.Agent>();
                for (String id : ids) {
                    var others = ids.stream().filter(o -> !o.equals(id)).toList();
                    agents.add(new ResolvedEpisode.Agent(id, "role-" + id, Seeds.agent(seed, id), null,
                            (context, agentSeed) -> chatter(id, others, agentSeed)));
                }
                episodes.add(new Plans.TestEpisode(new EpisodeSpec("test", names.get(c), i, seed),
                        new ResolvedEpisode(protocols.get(c), new Limits(25, 4, true, Duration.ofSeconds(20),
                                Duration.ofSeconds(10)), context -> new Room(null), agents)));
            }
        }
        return Plans.run(episodes, parallelism);
    }

    /** Runs on a fresh actor system, as {@code parley run} does. */
    private static RunReport record(Plans.TestRun run, Path dir) throws Exception {
        return Simulation.start(run.plan(), run.resolver(), List.of(new TranscriptWriter(dir)))
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void transcriptsAreByteIdenticalWithOneOrEightEpisodesInParallel(@TempDir Path tmp) throws Exception {
        RunReport one = record(plan(1), tmp.resolve("one"));
        RunReport eight = record(plan(8), tmp.resolve("eight"));

        assertThat(one.completed()).isEqualTo(30);
        assertThat(eight.completed()).isEqualTo(30);
        assertThat(eight.actions()).isEqualTo(one.actions());
        List<Path> files = files(tmp.resolve("one"));
        assertThat(files).hasSize(30).isEqualTo(files(tmp.resolve("eight")));
        for (Path file : files) {
            byte[] a = Files.readAllBytes(tmp.resolve("one").resolve(file));
            byte[] b = Files.readAllBytes(tmp.resolve("eight").resolve(file));
            assertThat(b).as(file.toString()).isEqualTo(a);
            assertThat(a.length).as(file.toString()).isGreaterThan(500);
        }
        // The free episodes really ran several agents at once, and differ from each other.
        assertThat(Files.readString(tmp.resolve("one/episodes/free/0000.jsonl")))
                .isNotEqualTo(Files.readString(tmp.resolve("one/episodes/free/0001.jsonl")));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
