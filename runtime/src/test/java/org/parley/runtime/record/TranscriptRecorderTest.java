package org.parley.runtime.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.Limits;
import org.parley.runtime.run.TranscriptEntry;

class TranscriptRecorderTest {

    private static EpisodePlan episode(String id) {
        return new EpisodePlan(id, "c", 0, 1, new TurnProtocol.RoundRobin(), Limits.defaults(),
                seed -> { throw new IllegalStateException("not used"); },
                List.of(new EpisodePlan.AgentPlan("a", "r", 1, seed -> { throw new IllegalStateException("not used"); })));
    }

    private static TranscriptEntry entry(long seq, String type, Map<String, Object> data) {
        return new TranscriptEntry(seq, 0, Long.toString(seq), type, seq == 0 ? null : "a", data);
    }

    private static EpisodeResult finished(String id) {
        return new EpisodeResult(id, "c", 0, 1, EpisodeResult.Status.COMPLETED, "max-turns", 1, Outcome.empty(), Map.of());
    }

    @Test
    void writesOneCompactJsonObjectPerLineInInsertionOrder(@TempDir Path dir) throws Exception {
        var recorder = new TranscriptRecorder(dir);
        var ep = episode("baseline/0007");
        var data = new LinkedHashMap<String, Object>();
        data.put("zebra", 1);
        data.put("apple", Map.of("k", "v"));
        data.put("text", "line with \"quotes\"\nand a newline");

        recorder.episodeStarted(ep);
        recorder.transcript(ep, entry(0, TranscriptEntry.EPISODE_START, Map.of()));
        recorder.transcript(ep, entry(1, TranscriptEntry.ACTION, data));
        Path file = dir.resolve("episodes/baseline/0007.jsonl");
        // Each line is on disk as soon as it is written, before the episode finishes.
        assertThat(Files.readAllLines(file)).hasSize(2);
        recorder.episodeFinished(finished("baseline/0007"), Duration.ZERO);

        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"seq\":0,\"turn\":0,\"time\":\"0\",\"type\":\"episode-start\",\"data\":{}}",
                "{\"seq\":1,\"turn\":0,\"time\":\"1\",\"type\":\"action\",\"agent\":\"a\",\"data\":{\"zebra\":1,"
                        + "\"apple\":{\"k\":\"v\"},\"text\":\"line with \\\"quotes\\\"\\nand a newline\"}}");
        assertThat(recorder.openFiles()).isZero();
    }

    @Test
    void aRestartedEpisodeStartsItsFileAfresh(@TempDir Path dir) throws Exception {
        var recorder = new TranscriptRecorder(dir);
        var ep = episode("x/0001");
        recorder.episodeStarted(ep);
        recorder.transcript(ep, entry(0, "episode-start", Map.of()));
        recorder.transcript(ep, entry(1, "action", Map.of("text", "first attempt")));

        var resumed = new TranscriptRecorder(dir);
        resumed.episodeStarted(ep);
        resumed.transcript(ep, entry(0, "episode-start", Map.of()));
        resumed.episodeFinished(finished("x/0001"), Duration.ZERO);

        assertThat(Files.readAllLines(dir.resolve("episodes/x/0001.jsonl"))).hasSize(1).noneMatch(l -> l.contains("first attempt"));
    }

    @Test
    void keepsFewFilesOpenAndReopensOthersForAppending(@TempDir Path dir) throws Exception {
        var recorder = new TranscriptRecorder(dir, 2);
        var eps = List.of(episode("c/1"), episode("c/2"), episode("c/3"), episode("c/4"));
        eps.forEach(recorder::episodeStarted);
        for (int seq = 0; seq < 3; seq++) {
            for (var ep : eps) {
                recorder.transcript(ep, entry(seq, "event", Map.of("n", seq)));
                assertThat(recorder.openFiles()).isLessThanOrEqualTo(2);
            }
        }
        eps.forEach(ep -> recorder.episodeFinished(finished(ep.id()), Duration.ZERO));
        for (var ep : eps) {
            assertThat(Files.readAllLines(dir.resolve("episodes/" + ep.id() + ".jsonl"))).hasSize(3);
        }
    }

    @Test
    void refusesIdsThatLeaveTheEpisodesFolder(@TempDir Path dir) {
        var recorder = new TranscriptRecorder(dir);
        assertThatThrownBy(() -> recorder.episodeStarted(episode("../../etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("condition/0001");
    }
}
