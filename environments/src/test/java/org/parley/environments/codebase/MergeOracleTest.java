package org.parley.environments.codebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.environments.codebase.git.MergeOracle;
import org.parley.environments.codebase.git.MergeReport;
import org.parley.environments.codebase.git.TeamRepository;
import org.parley.environments.codebase.lang.TestCase;
import org.parley.environments.codebase.task.Feature;
import org.parley.environments.codebase.task.FeatureChange;
import org.parley.environments.codebase.task.Region;
import org.junit.jupiter.api.Test;

class MergeOracleTest {
    private static final String PRICING = """
            def net(price, qty):
              let gross = price * qty
              let fee = 3
              return gross + fee
            end

            def tax(amount, region):
              let percent = 8
              return amount * percent / 100
            end
            """;
    private static final Map<String, String> BASE = Map.of("pricing.fn", PRICING, "tests/f1.test", "net(1, 1) => 4\n");

    private final MergeOracle oracle = new MergeOracle();

    private static Feature feature(String id, FeatureChange change, TestCase... hidden) {
        return new Feature(id, change, List.of(hidden), List.of());
    }

    private static TreeMap<String, String> edit(FeatureChange change) {
        return change.applyTo(BASE);
    }

    @Test
    void changesInDifferentFunctionsMergeCleanlyAndBothPass() {
        var a = new FeatureChange.Guard("pricing.fn", "net", List.of("price", "qty"), new Region("qty", 1, ">", 30), "qty * 2");
        var b = new FeatureChange.Guard("pricing.fn", "tax", List.of("amount", "region"), new Region("region", 1, "<", 5), "0");
        try (var repo = new TeamRepository("clean", BASE)) {
            var report = judge(repo, edit(a), edit(b),
                    feature("f1", a, new TestCase("net", List.of(2L, 31L), 62), new TestCase("net", List.of(2L, 30L), 63)),
                    feature("f2", b, new TestCase("tax", List.of(100L, 4L), 0), new TestCase("tax", List.of(100L, 5L), 8)));
            assertThat(report.status()).isEqualTo(MergeReport.CLEAN);
            assertThat(report.conflict()).isFalse();
            assertThat(report.success()).isTrue();
        }
    }

    @Test
    void twoGuardsAtTheSameLineConflictButTheUnionRetryMakesBothPass() {
        var a = new FeatureChange.Guard("pricing.fn", "net", List.of("price", "qty"), new Region("qty", 1, ">", 30), "qty * 2");
        var b = new FeatureChange.Guard("pricing.fn", "net", List.of("price", "qty"), new Region("price", 0, "<", 5), "1");
        try (var repo = new TeamRepository("union", BASE)) {
            var report = judge(repo, edit(a), edit(b),
                    feature("f1", a, new TestCase("net", List.of(10L, 31L), 62)),
                    feature("f2", b, new TestCase("net", List.of(4L, 10L), 1), new TestCase("net", List.of(5L, 10L), 53)));
            assertThat(report.status()).isEqualTo(MergeReport.CONFLICTS);
            assertThat(report.conflictPaths()).containsExactly("pricing.fn");
            assertThat(report.unionResolved()).isTrue();
            assertThat(report.merged().get("pricing.fn")).contains("if qty > 30: return qty * 2", "if price < 5: return 1");
            assertThat(report.success()).isTrue();
        }
    }

    @Test
    void twoRewritesOfTheSameLineConflictAndTheUnionBreaksTheFirstFeature() {
        var a = new FeatureChange.WrapLet("pricing.fn", "net", List.of("price", "qty"), "fee", new Region("qty", 1, ">", 30), "10");
        var b = new FeatureChange.WrapLet("pricing.fn", "net", List.of("price", "qty"), "fee", new Region("price", 0, "<", 5), "0");
        try (var repo = new TeamRepository("broken", BASE)) {
            var report = judge(repo, edit(a), edit(b),
                    feature("f1", a, new TestCase("net", List.of(10L, 31L), 320)),
                    feature("f2", b, new TestCase("net", List.of(4L, 10L), 40)));
            assertThat(report.status()).isEqualTo(MergeReport.CONFLICTS);
            assertThat(report.unionResolved()).isTrue();
            // Union keeps both 'let fee' lines; the second rebinding hides the first feature's value.
            assertThat(report.featurePassed()).containsEntry("f1", false).containsEntry("f2", true);
            assertThat(report.success()).isFalse();
        }
    }

    @Test
    void testFileEditsAreStrippedAndAnEmptySubmissionIsMissing() {
        var a = new FeatureChange.Guard("pricing.fn", "net", List.of("price", "qty"), new Region("qty", 1, ">", 30), "qty * 2");
        var withTestEdit = edit(a);
        withTestEdit.put("tests/f1.test", "net(1, 1) => 999\n");
        var onlyTests = new TreeMap<>(BASE);
        onlyTests.put("tests/f2.test", "tax(1, 1) => 0\n");
        try (var repo = new TeamRepository("strip", BASE)) {
            var report = judge(repo, withTestEdit, onlyTests,
                    feature("f1", a, new TestCase("net", List.of(2L, 31L), 62)),
                    feature("f2", a, new TestCase("tax", List.of(100L, 1L), 0)));
            assertThat(report.strippedTestEdits()).isEqualTo(2);
            assertThat(report.status()).isEqualTo(MergeReport.MISSING);
            assertThat(report.merged()).containsEntry("tests/f1.test", "net(1, 1) => 4\n").doesNotContainKey("tests/f2.test");
            assertThat(report.featurePassed()).containsEntry("f1", true).containsEntry("f2", false);
        }
    }

    @Test
    void dryRunReportsTheConflictingFile() {
        var a = new FeatureChange.WrapLet("pricing.fn", "net", List.of("price", "qty"), "fee", new Region("qty", 1, ">", 30), "10");
        var b = new FeatureChange.WrapLet("pricing.fn", "net", List.of("price", "qty"), "fee", new Region("price", 0, "<", 5), "0");
        try (var repo = new TeamRepository("dry", BASE)) {
            var ha = repo.commit(edit(a), repo.base(), "a");
            var hb = repo.commit(edit(b), repo.base(), "b");
            assertThat(oracle.dryRun(repo, List.of(ha, hb))).containsExactly("pricing.fn");
            assertThat(oracle.dryRun(repo, List.of(ha, repo.base()))).isEmpty();
        }
    }

    private MergeReport judge(TeamRepository repo, Map<String, String> ours, Map<String, String> theirs, Feature... features) {
        var ha = repo.commit(ours, repo.base(), "ours");
        var hb = repo.commit(theirs, repo.base(), "theirs");
        return oracle.judge(repo, List.of(new MergeOracle.Submission("a", ha), new MergeOracle.Submission("b", hb)), List.of(features));
    }
}
