package org.parley.scenarios.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.runtime.kernel.Simulation;
import org.parley.runtime.output.ScoreStats;
import org.parley.runtime.output.Summary.ConditionSummary;
import org.parley.runtime.run.RunReport;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.plan.RunOptions;
import org.parley.scenarios.run.PreparedRun;

/**
 * The research findings each bundled scenario family reproduces, pinned on fixed seeds and read
 * from the summary that {@code parley run} writes: the real loader, kernel and outputs, with
 * rule-based minds, offline. A retuned behaviour model that loses a finding fails here.
 */
class BundledFindingsTest {
    @TempDir
    Path runs;

    @Test
    void aStubbornSellerStrikesFewerDealsThanTheBaseline() throws Exception {
        var summary = run("quickstart.yaml", 30, 42);

        assertThat(score(summary, "stubborn-seller", "episode_deal_reached").ciHigh())
                .isLessThan(score(summary, "baseline", "episode_deal_reached").ciLow());
        assertThat(score(summary, "eager-buyer", "episode_deal_price").mean())
                .isGreaterThan(score(summary, "baseline", "episode_deal_price").mean());
    }

    @Test
    void everyCommunicationBarrierLowersMutualUnderstandingAndRaisesConfusion() throws Exception {
        var summary = run("socialveil/barrier-grid.yaml", 40, 42);

        ScoreStats clear = score(summary, "none+none", "episode_mutual_understanding");
        ScoreStats clearConfusion = score(summary, "none+none", "episode_unresolved_confusion");
        for (String barrier : List.of("vague", "cultural", "emotional")) {
            assertThat(score(summary, barrier + "+none", "episode_mutual_understanding").ciHigh())
                    .as("mutual understanding under %s", barrier).isLessThan(clear.ciLow());
            assertThat(score(summary, barrier + "+none", "episode_unresolved_confusion").ciLow())
                    .as("unresolved confusion under %s", barrier).isGreaterThan(clearConfusion.ciHigh());
        }
    }

    @Test
    void theUnsafeCounselorCollectsMoreRiskFlags() throws Exception {
        var summary = run("counseling/red-team.yaml", 2, 1337);

        double safe = meanOver(summary, "+safe", "episode_risk_flags");
        double unsafe = meanOver(summary, "+unsafe", "episode_risk_flags");
        assertThat(unsafe).isGreaterThan(safe + 1);
    }

    @Test
    void pairsSolveFewerMazesThanSoloPlayersAndARelayWinsBackPartOfTheGap() throws Exception {
        var summary = run("maze/collaboration-gap.yaml", 60, 42);

        double solo = score(summary, "solo", "episode_solved").mean();
        double weakPair = score(summary, "pair-weak", "episode_solved").mean();
        double relay = score(summary, "relay", "episode_solved").mean();
        assertThat(weakPair).isLessThan(solo);
        assertThat(relay).isGreaterThan(weakPair).isLessThanOrEqualTo(solo);
    }

    @Test
    void coordinationCostsSuccessAndMoreCodersCostMore() throws Exception {
        double solo = score(run("cooperbench/solo.yaml", 60, 42), "solo", "episode_success").mean();
        var pair = run("cooperbench/pair.yaml", 60, 42);
        double coop = score(pair, "coop", "episode_success").mean();
        double three = score(run("cooperbench/team-3.yaml", 60, 42), "team-3", "episode_success").mean();
        double four = score(run("cooperbench/team-4.yaml", 60, 42), "team-4", "episode_success").mean();

        assertThat(coop).isLessThan(solo);
        assertThat(three).isLessThan(coop);
        assertThat(four).isLessThan(three);
        assertThat(score(pair, "coop", "episode_merge_conflict").mean())
                .isLessThan(score(pair, "coop-no-messaging", "episode_merge_conflict").mean());
    }

    private Map<String, ConditionSummary> run(String bundled, int episodes, long seed) throws Exception {
        Path file = bundledScenario(bundled);
        var scenario = ScenarioLoader.standard().load(file);
        Path out = runs.resolve(bundled.replace('/', '-'));
        PreparedRun run = PreparedRun.fresh(scenario, new RunOptions(episodes, seed, 2), out, Clock.systemUTC());
        RunReport report = Simulation.run(run.plan(), run.resolver(), run.sinks(List.of()));
        assertThat(report.failed()).as("failed episodes of %s", bundled).isZero();
        var byCondition = new LinkedHashMap<String, ConditionSummary>();
        run.finish().forEach(c -> byCondition.put(c.condition(), c));
        return byCondition;
    }

    private static ScoreStats score(Map<String, ConditionSummary> summary, String condition, String score) {
        assertThat(summary).as("conditions").containsKey(condition);
        ScoreStats stats = summary.get(condition).scores().get(score);
        assertThat(stats).as("%s in condition %s; scores: %s", score, condition, summary.get(condition).scores().keySet())
                .isNotNull();
        return stats;
    }

    private static double meanOver(Map<String, ConditionSummary> summary, String conditionSuffix, String score) {
        return summary.values().stream().filter(c -> c.condition().endsWith(conditionSuffix))
                .mapToDouble(c -> score(summary, c.condition(), score).mean()).average().orElseThrow();
    }

    private static Path bundledScenario(String relative) {
        for (Path candidate : List.of(Path.of(relative), Path.of("scenarios", relative))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new AssertionError("bundled scenario " + relative + " not found from " + Path.of("").toAbsolutePath());
    }
}
