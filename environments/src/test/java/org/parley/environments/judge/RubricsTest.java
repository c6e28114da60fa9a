package org.parley.environments.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubricsTest {
    @Test
    void sotopiaSevenHasThePapersScales() {
        Rubric r = Rubrics.builtIn(Rubrics.SOTOPIA_7);
        assertThat(r.dimensions()).extracting(Dimension::name).containsExactly(
                "believability", "relationship", "knowledge", "secret", "social_rules", "financial", "goal");
        assertThat(r.dimensions()).extracting(Dimension::scale).containsExactly(
                "0 to 10", "-5 to 5", "0 to 10", "-10 to 0", "-10 to 0", "-5 to 5", "0 to 10");
        assertThat(r.scoreName(r.dimension("goal"))).isEqualTo("sotopia_goal");
        assertThat(r.overall()).isTrue();
        assertThat(r.dimensions()).allSatisfy(d -> assertThat(d.instructions()).isNotBlank());
    }

    @Test
    void loadsAUserRubricFromYaml(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alliance.yaml");
        Files.writeString(file, """
                rubric: working-alliance
                description: Bond, tasks and goals between client and counselor.
                dimensions:
                  - name: bond
                    min: 1
                    max: 7
                    instructions: Mutual trust and liking.
                  - name: distress
                    min: 0
                    max: 1
                    direction: lower-is-better
                """);
        Rubric r = Rubrics.resolve("alliance.yaml", dir);
        assertThat(r.scorePrefix()).isEqualTo("working_alliance");
        assertThat(r.dimension("distress").direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(r.dimension("bond").clamp(9)).isEqualTo(7);
    }

    @Test
    void badRubricsSayWhereAndWhat() {
        assertThatThrownBy(() -> Rubrics.parse("rubric: x\ndimensions:\n  - {name: goal, min: 5, max: 5}\n", "x.yaml"))
                .hasMessageStartingWith("x.yaml").hasMessageContaining("min (5.0) must be below max (5.0)");
        assertThatThrownBy(() -> Rubrics.parse("rubric: x\ndimensions:\n  - {name: Goal Score, min: 0, max: 5}\n", "x.yaml"))
                .hasMessageContaining("must be snake_case");
        assertThatThrownBy(() -> Rubrics.parse("rubric: x\ndimensions:\n  - {name: g, min: 0, max: 5, scale: 3}\n", "x.yaml"))
                .hasMessageContaining("x.yaml:3").hasMessageContaining("scale");
        assertThatThrownBy(() -> Rubrics.resolve("nope", null)).hasMessageContaining("sotopia-7");
    }
}
