package org.parley.runtime.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.run.EpisodeResult;

class ResultsWriterTest {
    @TempDir
    Path dir;

    static final List<String> CONDITIONS = List.of("baseline", "stubborn");
    static final List<String> AGENTS = List.of("buyer", "seller");

    /** A deterministic episode result; episode 3 of each condition also reports a late score. */
    static EpisodeResult result(String condition, int index) {
        var r = new Random(condition.hashCode() * 31L + index);
        var agentScores = new LinkedHashMap<String, Map<String, Double>>();
        agentScores.put("buyer", Map.of("goal", (double) r.nextInt(11)));
        var seller = new LinkedHashMap<String, Double>();
        seller.put("goal", (double) r.nextInt(11));
        if (index == 3) {
            seller.put("late", 0.25);
        }
        agentScores.put("seller", seller);
        var agents = new LinkedHashMap<String, EpisodeResult.AgentInfo>();
        agents.put("buyer", new EpisodeResult.AgentInfo("buyer", "rule-based:negotiator"));
        agents.put("seller", new EpisodeResult.AgentInfo("seller", "rule-based:negotiator"));
        boolean failed = index == 5;
        return new EpisodeResult(condition + "/" + String.format("%04d", index), condition, index, 1000L + index,
                failed ? EpisodeResult.Status.FAILED : EpisodeResult.Status.COMPLETED, failed ? "timeout" : "deal, struck",
                7 + index, 7 + index, failed ? Outcome.empty() : new Outcome(agentScores, Map.of("rounds", 3.5 + index)), agents);
    }

    static List<EpisodeResult> all() {
        List<EpisodeResult> list = new ArrayList<>();
        for (String c : CONDITIONS) {
            for (int i = 0; i < 8; i++) {
                list.add(result(c, i));
            }
        }
        return list;
    }

    /** The event that ends an episode with this result. */
    static EpisodeEvent.Finished finished(EpisodeResult result) {
        return new EpisodeEvent.Finished(result.episodeId(), result.turns(), result, 0);
    }

    private String runShuffled(Path out, long shuffleSeed) throws Exception {
        var writer = new ResultsWriter(out, "run-1", CONDITIONS, AGENTS);
        List<EpisodeResult> results = all();
        Collections.shuffle(results, new Random(shuffleSeed));
        for (EpisodeResult r : results) {
            writer.accept(finished(r));
        }
        assertThat(writer.rowsWritten()).isEqualTo(32);
        writer.finish();
        return Files.readString(out);
    }

    @Test
    void finalFileIsTheSameWhateverTheCompletionOrder() throws Exception {
        String a = runShuffled(dir.resolve("a.csv"), 1);
        String b = runShuffled(dir.resolve("b.csv"), 2);
        assertThat(a).isEqualTo(b);
        List<String> lines = a.lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "run,condition,episode,index,seed,agent,role,mind,status,end_reason,turns,goal,late,episode_rounds");
        assertThat(lines).hasSize(33);
        assertThat(lines.get(1)).startsWith("run-1,baseline,baseline/0000,0,1000,buyer,buyer,rule-based:negotiator,completed,\"deal, struck\",7,");
        assertThat(lines.get(2)).contains(",seller,");
        assertThat(lines.get(8)).endsWith(",0.25,6.5");
        assertThat(lines.get(11)).contains(",failed,timeout,12,,,");
        assertThat(lines.get(17)).contains(",stubborn,stubborn/0000,");
    }

    @Test
    void aFailedEpisodeWithoutMindsStillGetsARowPerAgentItStartedWith() throws Exception {
        Path out = dir.resolve("results.csv");
        var writer = new ResultsWriter(out, "run-1", CONDITIONS, AGENTS);
        writer.accept(new EpisodeEvent.Started("baseline/0000", "baseline", 0, 1, "alternating", List.of(
                new EpisodeEvent.Started.Agent("buyer", "buyer", "unavailable"),
                new EpisodeEvent.Started.Agent("seller", "seller", "unavailable"))));
        writer.accept(finished(new EpisodeResult("baseline/0000", "baseline", 0, 1, EpisodeResult.Status.FAILED,
                "failed: episode actor crashed: boom", 0, 0, Outcome.empty(), Map.of())));
        assertThat(Files.readString(out).lines().skip(1)).hasSize(2).allMatch(l -> l.contains(",failed,"));
    }

    @Test
    void widensTheHeaderWhenALaterEpisodeBringsANewScore() throws Exception {
        Path out = dir.resolve("results.csv");
        var writer = new ResultsWriter(out, "run-1", CONDITIONS, AGENTS);
        writer.accept(finished(result("baseline", 0)));
        assertThat(Files.readString(out).lines().findFirst().orElseThrow()).doesNotContain("late");
        writer.accept(finished(result("baseline", 3)));
        List<String> lines = Files.readString(out).lines().toList();
        assertThat(lines.get(0)).endsWith("goal,episode_rounds,late");
        assertThat(Csv.records(Files.readString(out))).allSatisfy(r -> assertThat(r).hasSize(14));
        assertThat(lines.get(4)).endsWith(",0.25");
    }

    @Test
    void summaryIsComputedFromRows() throws Exception {
        Path out = dir.resolve("results.csv");
        runShuffled(out, 3);
        var table = ResultsTable.read(out);
        var summaries = Summary.compute(table, CONDITIONS);
        assertThat(summaries).extracting(Summary.ConditionSummary::condition).containsExactly("baseline", "stubborn");
        var baseline = summaries.get(0);
        assertThat(baseline.episodes()).isEqualTo(8);
        assertThat(baseline.completed()).isEqualTo(7);
        assertThat(baseline.failed()).isEqualTo(1);
        // episode_rounds = 3.5 + index over the completed indexes 0..7 without 5
        List<Double> rounds = List.of(3.5, 4.5, 5.5, 6.5, 7.5, 9.5, 10.5);
        assertThat(baseline.scores().get("episode_rounds")).isEqualTo(ScoreStats.of(rounds));
        assertThat(baseline.scores().get("goal").n()).isEqualTo(14);
        assertThat(baseline.byRole().get("goal").get("buyer").n()).isEqualTo(7);
        assertThat(baseline.scores().get("late").n()).isEqualTo(1);

        Path json = dir.resolve("summary.json");
        SummaryFile.write(json, "run-1", summaries);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode r = root.at("/conditions/baseline/scores/episode_rounds");
        assertThat(r.get("n").asInt()).isEqualTo(7);
        assertThat(r.get("mean").asDouble()).isCloseTo(47.5 / 7, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(r.get("ci95")).hasSize(2);
        assertThat(root.at("/conditions/baseline/scores/goal/by-role/seller/n").asInt()).isEqualTo(7);
    }

    @Test
    void resumeDropsACutOffLineAndIncompleteEpisodes() throws Exception {
        Path out = dir.resolve("results.csv");
        var writer = new ResultsWriter(out, "run-1", CONDITIONS, AGENTS);
        for (int i = 0; i < 4; i++) {
            writer.accept(finished(result("baseline", i)));
        }
        // a kill mid-write: the last episode's second row is cut off half way
        String text = Files.readString(out);
        Files.writeString(out, text.substring(0, text.length() - 10));
        var finished = ResumeState.finishedEpisodes(out, 2);
        assertThat(finished).containsExactly("baseline/0000", "baseline/0001", "baseline/0002");
        ResumeState.cleanUp(out, finished);
        assertThat(Files.readString(out).lines()).hasSize(7);

        // appending after resume continues the same table
        var resumed = new ResultsWriter(out, "run-1", CONDITIONS, AGENTS);
        resumed.accept(finished(result("baseline", 3)));
        resumed.finish();
        Path full = dir.resolve("full.csv");
        var uninterrupted = new ResultsWriter(full, "run-1", CONDITIONS, AGENTS);
        for (int i = 0; i < 4; i++) {
            uninterrupted.accept(finished(result("baseline", i)));
        }
        uninterrupted.finish();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(full));
        assertThat(Files.readString(out).lines()).hasSize(9);
    }
}
