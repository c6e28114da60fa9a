package org.parley.runtime.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.run.EpisodeResult;

class CoordinationLogTest {

    private static void play(CoordinationLog log, String condition, int index, boolean failed) {
        String id = condition + "/" + String.format("%04d", index);
        log.accept(new EpisodeEvent.Started(id, condition, index, 1, "alternating", List.of()));
        log.accept(new EpisodeEvent.Acted(id, 0, "r", Action.speak("a", "Ready?"), 2_000_000));
        log.accept(new EpisodeEvent.RoundClosed(id, 0, 0, List.of("a"), List.of("b"), 1));
        log.accept(new EpisodeEvent.Finished(id, 1, new EpisodeResult(id, condition, index, 1,
                failed ? EpisodeResult.Status.FAILED : EpisodeResult.Status.COMPLETED, "max-turns", 1, 1,
                Outcome.empty(), Map.of()), 0));
    }

    @Test
    void writesCompletedEpisodesAndSortsTheFileWhenTheRunEnds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(CoordinationLog.FILE);
        var log = new CoordinationLog(file, List.of("first", "second"));
        play(log, "second", 1, false);
        play(log, "first", 2, false);
        play(log, "second", 0, true);
        play(log, "first", 0, false);
        assertThat(Files.readAllLines(file)).hasSize(3).first().asString().contains("\"episode\":\"second/0001\"");

        log.runFinished(null);

        assertThat(Files.readAllLines(file)).extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactly("{\"episode\":\"first/0000\"", "{\"episode\":\"first/0002\"", "{\"episode\":\"second/0001\"");
        assertThat(CoordinationLog.read(file, Set.of("first/0002")).keySet()).containsExactly("first/0002");
        var timing = log.timing();
        assertThat(timing.get("first").stragglersPerRound()).isEqualTo(1.0);
        assertThat(timing.get("second").meanActionLatencySeconds()).isEqualTo(0.002);
    }
}
