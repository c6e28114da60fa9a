package org.parley.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/scenarios.md documents every key the JSON Schema defines. */
class SchemaDocumentedTest {

    @Test
    void everySchemaKeyIsDocumented() throws Exception {
        Path docs = Path.of("..", "docs", "scenarios.md");
        String text = Files.readString(docs);
        Set<String> keys = new TreeSet<>();
        collect(new SchemaCheck().schemaNode(), keys);
        assertThat(keys).contains("scenario", "max-turns", "first-speaker", "big-five", "grid", "timestamps");
        assertThat(keys).allSatisfy(key -> assertThat(text).as("docs/scenarios.md mentions `%s`", key).contains("`" + key + "`"));
        assertThat(text).contains("scenarios/src/main/resources/schema/scenario.schema.json");
    }

    private static void collect(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            if (props != null && props.isObject()) {
                props.fieldNames().forEachRemaining(keys::add);
            }
            node.forEach(child -> collect(child, keys));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, keys));
        }
    }
}
