package org.parley.environments.codebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.environments.codebase.task.OverlapMix;

class CodebaseParamsTest {
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void bindsKebabCaseKeysAndFillsDefaults() throws Exception {
        var p = json.readValue("""
                {"features": 3, "messaging": false, "team-view": true, "step-budget": 12, "task-seed": 7,
                 "overlap": {"none": 1, "same-file": 0, "same-lines": 2}}""", CodebaseParams.class);
        assertThat(p.features()).isEqualTo(3);
        assertThat(p.messaging()).isFalse();
        assertThat(p.teamView()).isTrue();
        assertThat(p.stepBudget()).isEqualTo(12);
        assertThat(p.taskSeed()).isEqualTo(7);
        assertThat(p.overlap()).isEqualTo(new OverlapMix(1, 0, 2));
        assertThat(p.codebases()).containsExactly("shop", "payroll", "school");
        var d = json.readValue("{}", CodebaseParams.class);
        assertThat(d).isEqualTo(CodebaseParams.defaults());
        assertThat(d.featuresFor(1)).isEqualTo(2);
        assertThat(d.featuresFor(4)).isEqualTo(4);
    }

    @Test
    void unknownKeysAndBadValuesAreReported() {
        assertThatThrownBy(() -> json.readValue("{\"step-budgt\": 3}", CodebaseParams.class)).hasMessageContaining("step-budgt");
        var bad = new CodebaseParams(List.of("shop", "bank"), 7, null, null, null, 1, -1.0, null, null, null);
        assertThat(new CodebaseEnvironmentType().check(bad)).containsExactly(
                "codebases: unknown codebase 'bank'; use some of [shop, payroll, school]",
                "features: must be 0 (one per agent) or 1..4, was 7",
                "step-budget: must be at least 3 (read, edit, submit), was 1",
                "cost-budget: must be >= 0 (0 = no cap), was -1.0");
    }
}
