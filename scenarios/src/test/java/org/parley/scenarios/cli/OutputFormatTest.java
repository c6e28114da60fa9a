package org.parley.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.output.ScoreStats;
import org.parley.runtime.output.Summary;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.run.EpisodeResult;

class OutputFormatTest {

    @Test
    void plainProgressLinesCountEpisodesAndFailures() {
        var out = new StringWriter();
        var progress = new Progress.Lines(new PrintWriter(out), 10, 2, Duration.ofHours(1));
        progress.accept(new EpisodeEvent.Finished("c/0002", 0, new EpisodeResult("c/0002", "c", 2, 1,
                EpisodeResult.Status.FAILED, "boom", 0, 0, Outcome.empty(), Map.of()), 0));
        progress.accept(new EpisodeEvent.Finished("c/0003", 4, new EpisodeResult("c/0003", "c", 3, 1,
                EpisodeResult.Status.COMPLETED, "done", 4, 4, Outcome.empty(), Map.of()), 0));
        assertThat(progress.line()).matches("\\[run\\] 4/10 episodes, 1 failed, [0-9.]+ ep/s");
        progress.close();
        assertThat(out.toString()).startsWith("[run] 4/10 episodes, 1 failed, ");
    }

    @Test
    void summaryTableShowsMeanAndHalfWidthPerConditionWithScoresDownThePage() {
        var out = new StringWriter();
        var stats = ScoreStats.of(List.of(1.0, 2.0, 3.0));
        SummaryTable.print(new PrintWriter(out, true), List.of(
                new Summary.ConditionSummary("baseline", 3, 3, 0, stats, Map.of("goal", stats), Map.of()),
                new Summary.ConditionSummary("stubborn", 3, 2, 1, stats, Map.of(), Map.of())), 120);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).matches("condition +baseline +stubborn");
        assertThat(lines.get(2)).matches("episodes +3 +3");
        assertThat(lines.get(3)).matches("failed +0 +1");
        assertThat(lines.get(4)).matches("turns +2\\.00 ± 2\\.5 +2\\.00 ± 2\\.5");
        assertThat(lines.get(5)).matches("goal +2\\.00 ± 2\\.5 +–");
    }

    @Test
    void conditionsThatDoNotFitTheWidthGoToAnotherBlock() {
        var out = new StringWriter();
        var stats = ScoreStats.of(List.of(1.0, 2.0, 3.0));
        var many = new java.util.ArrayList<Summary.ConditionSummary>();
        for (int i = 0; i < 6; i++) {
            many.add(new Summary.ConditionSummary("condition-" + i, 3, 3, 0, stats, Map.of("goal", stats), Map.of()));
        }
        SummaryTable.print(new PrintWriter(out, true), many, 70);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(70));
        assertThat(lines.stream().filter(l -> l.startsWith("condition ")).count()).isGreaterThan(1);
        assertThat(String.join("\n", lines)).contains("condition-0", "condition-5");
    }
}
