package org.parley.environments.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The environments' rubric files are usable by name, read into the judge's dimensions. */
class EnvironmentRubricsTest {

    @Test
    void barrierRubricKeepsItsScalesAndDirections() {
        Rubric r = Rubrics.resolve("barrier", null);
        assertThat(r.dimensions()).extracting(Dimension::name).containsExactly("mutual_understanding", "unresolved_confusion");
        assertThat(r.dimension("mutual_understanding").scale()).isEqualTo("1 to 5");
        assertThat(r.dimension("mutual_understanding").direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(r.dimension("unresolved_confusion").direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(r.dimension("mutual_understanding").instructions()).contains("how well does each participant")
                .contains("1: Neither understands");
        assertThat(r.scoreName(r.dimension("unresolved_confusion"))).isEqualTo("barrier_unresolved_confusion");
        assertThat(r.overall()).isFalse();
    }

    @Test
    void workingAllianceAveragesItsItems() {
        Rubric r = Rubrics.builtIn("working-alliance");
        assertThat(r.dimensions()).hasSize(5).allSatisfy(d -> assertThat(d.scale()).isEqualTo("1 to 7"));
        assertThat(r.overall()).isTrue();
        assertThat(r.overallName()).isEqualTo("working_alliance_overall");
        assertThat(Rubrics.builtIn("dear-man").dimensions()).hasSize(7);
        assertThat(Rubrics.builtIn("barrier-repair").dimensions()).isNotEmpty();
    }

    @Test
    void rubricsWithoutDimensionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Rubrics.builtIn("counseling-risk")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rubric counseling-risk has no dimensions a judge can score");
        assertThat(Rubrics.builtIn()).doesNotContain("counseling-risk", "cognitive-model-elicitation");
        assertThatThrownBy(() -> Rubrics.parse("rubric: flags\nscope: session\nflags: []\n", "flags.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flags.yaml: rubric flags has no dimensions a judge can score");
    }
}
