package org.parley.runtime.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Coordination;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.RunPlan;

class TranscriptWriterTest {

    private static EpisodeEvent.Started started(String id) {
        return new EpisodeEvent.Started(id, "c", 0, 1, "alternating",
                List.of(new EpisodeEvent.Started.Agent("a", "r", "test:a")));
    }

    private static EpisodeEvent.Finished finished(String id, long turn) {
        return new EpisodeEvent.Finished(id, turn, new EpisodeResult(id, "c", 0, 1, EpisodeResult.Status.COMPLETED,
                "max-turns", turn, 1, Outcome.empty(), Map.of()), 0);
    }

    private static TranscriptWriter writer(Path dir, RunPlan.Timestamps timestamps) {
        var writer = new TranscriptWriter(dir);
        writer.runStarted(new RunPlan("r", "s", "e", List.of(), 1, timestamps));
        return writer;
    }

    @Test
    void writesOneCompactJsonObjectPerLineNumberedAndStampedOnTheEpisodesClock(@TempDir Path dir) throws Exception {
        var writer = writer(dir, RunPlan.Timestamps.LOGICAL);
        var args = new LinkedHashMap<String, Object>();
        args.put("zebra", 1);
        args.put("apple", Map.of("k", "v"));
        String id = "baseline/0007";

        writer.accept(started(id));
        writer.accept(new EpisodeEvent.TurnStarted(id, 0, 0));
        writer.accept(new EpisodeEvent.Acted(id, 0, "r", Action.speak("a", "line with \"quotes\"\nand a newline")
                .withArgs(args).producedBy("test:a"), 1000));
        writer.accept(new EpisodeEvent.Noted(id, 0, new Fact("spoke", "a", Map.of())));
        writer.accept(new EpisodeEvent.Observed(id, 1, new Observation("a", 1, "environment", "tick", "", Map.of()), true));
        writer.accept(new EpisodeEvent.Coordinated(id, 1, new Coordination.BarrierDeclared("a", "vagueness")));
        writer.accept(new EpisodeEvent.Measured(id, 1, "n", EpisodeEvent.Measured.Measure.COUNT, 1, Map.of()));
        Path file = dir.resolve("episodes/baseline/0007.jsonl");
        assertThat(file).as("lines wait in memory until the episode ends or the run flushes").doesNotExist();
        writer.accept(finished(id, 2));

        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"seq\":0,\"turn\":0,\"time\":\"0\",\"type\":\"episode-start\",\"data\":{\"condition\":\"c\",\"seed\":1,"
                        + "\"protocol\":\"alternating\",\"agents\":[{\"id\":\"a\",\"role\":\"r\",\"mind\":\"test:a\"}]}}",
                "{\"seq\":1,\"turn\":0,\"time\":\"1\",\"type\":\"action\",\"agent\":\"a\",\"data\":{\"kind\":\"speak\","
                        + "\"text\":\"line with \\\"quotes\\\"\\nand a newline\",\"args\":{\"zebra\":1,\"apple\":{\"k\":\"v\"}},"
                        + "\"produced-by\":\"test:a\"}}",
                "{\"seq\":2,\"turn\":0,\"time\":\"2\",\"type\":\"event\",\"agent\":\"a\",\"data\":{\"event\":\"spoke\"}}",
                "{\"seq\":3,\"turn\":1,\"time\":\"1000\",\"type\":\"observation\",\"agent\":\"a\",\"data\":{\"source\":"
                        + "\"environment\",\"kind\":\"tick\",\"text\":\"\"}}",
                "{\"seq\":4,\"turn\":1,\"time\":\"1001\",\"type\":\"event\",\"agent\":\"a\",\"data\":{\"event\":"
                        + "\"communication-barrier\",\"data\":{\"barrier\":\"vagueness\"}}}",
                "{\"seq\":5,\"turn\":2,\"time\":\"2000\",\"type\":\"episode-end\",\"data\":{\"status\":\"completed\","
                        + "\"reason\":\"max-turns\",\"turns\":2,\"outcome\":{\"agents\":{},\"episode\":{}}}}");
        assertThat(writer.running()).isZero();
    }

    @Test
    void aFlushWritesTheLinesOfEpisodesStillRunningAndLaterLinesAreAppended(@TempDir Path dir) throws Exception {
        var writer = writer(dir, RunPlan.Timestamps.LOGICAL);
        writer.accept(started("x/0001"));
        writer.flush();
        Path file = dir.resolve("episodes/x/0001.jsonl");
        assertThat(Files.readAllLines(file)).hasSize(1);
        writer.accept(new EpisodeEvent.Noted("x/0001", 0, Fact.of("tick", null)));
        writer.accept(finished("x/0001", 1));
        assertThat(Files.readAllLines(file)).hasSize(3);
    }

    @Test
    void aRestartedEpisodeStartsItsFileAfresh(@TempDir Path dir) throws Exception {
        var first = writer(dir, RunPlan.Timestamps.LOGICAL);
        first.accept(started("x/0001"));
        first.accept(new EpisodeEvent.Noted("x/0001", 0, new Fact("attempt", null, Map.of("text", "first attempt"))));
        first.flush();

        var resumed = writer(dir, RunPlan.Timestamps.LOGICAL);
        resumed.accept(started("x/0001"));
        resumed.accept(finished("x/0001", 0));

        assertThat(Files.readAllLines(dir.resolve("episodes/x/0001.jsonl"))).hasSize(2)
                .noneMatch(l -> l.contains("first attempt"));
    }

    @Test
    void wallClockTimestampsAreInstantsAndShowARoundsWait(@TempDir Path dir) throws Exception {
        var writer = writer(dir, RunPlan.Timestamps.WALL);
        writer.accept(started("w/0000"));
        writer.accept(new EpisodeEvent.RoundClosed("w/0000", 0, 0, List.of("a"), List.of(), 12_500_000));
        writer.accept(finished("w/0000", 1));
        var lines = Files.readAllLines(dir.resolve("episodes/w/0000.jsonl"));
        assertThat(lines.get(1)).contains("\"type\":\"barrier\"").contains("\"wait-ms\":12");
        assertThat(Json.mapper().readValue(lines.get(0), TranscriptEntry.class).time()).matches("\\d{4}-.*Z");
    }

    @Test
    void refusesIdsThatLeaveTheEpisodesFolder(@TempDir Path dir) {
        var writer = writer(dir, RunPlan.Timestamps.LOGICAL);
        assertThatThrownBy(() -> writer.accept(started("../../etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("condition/0001");
    }
}
