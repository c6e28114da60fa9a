package org.parley.environments.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judge rubrics parse and state a direction for every scored dimension. */
class RubricFilesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void barrierRubricNamesBothScoresWithTheirDirections() throws Exception {
        JsonNode r = read("barrier.yaml");
        assertThat(r.path("rubric").asText()).isEqualTo("barrier");
        assertThat(r.path("dimensions").findValuesAsText("name")).containsExactly("mutual_understanding", "unresolved_confusion");
        assertThat(r.path("dimensions").get(0).path("direction").asText()).isEqualTo("higher-is-better");
        assertThat(r.path("dimensions").get(1).path("direction").asText()).isEqualTo("higher-is-worse");
        for (JsonNode d : r.path("dimensions")) {
            assertThat(d.path("scale").path("min").asInt()).isEqualTo(1);
            assertThat(d.path("scale").path("max").asInt()).isEqualTo(5);
            assertThat(d.path("anchors").size()).isEqualTo(5);
        }
    }

    @Test
    void everyRubricStatesDirections() throws Exception {
        for (String file : List.of("barrier.yaml", "barrier-repair.yaml", "working-alliance.yaml",
                "cognitive-model-elicitation.yaml", "counseling-risk.yaml", "dear-man.yaml")) {
            JsonNode r = read(file);
            assertThat(r.path("rubric").asText()).as(file).isNotBlank();
            var directions = r.findValuesAsText("direction");
            assertThat(directions).as(file).isNotEmpty().allMatch(d -> d.equals("higher-is-better") || d.equals("higher-is-worse"));
        }
    }

    private static JsonNode read(String file) throws Exception {
        try (var in = RubricFilesTest.class.getResourceAsStream("/rubrics/" + file)) {
            assertThat(in).as(file).isNotNull();
            return YAML.readTree(in);
        }
    }
}
