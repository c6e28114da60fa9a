package org.parley.scenarios.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.monitoring.ConditionSummary;

/**
 * The {@code coordination} section of each condition in summary.json: the coordination and
 * communication-barrier figures the social-dynamics dashboard shows, as
 * {@link ConditionSummary#reproducible()} gives them (nothing that depends on timing, so the file
 * stays byte-identical for the same seed).
 */
final class CoordinationSection {
    static final String KEY = "coordination";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CoordinationSection() {}

    /** The sections summary.json holds now, by condition (to keep them when nothing new ran). */
    static Map<String, JsonNode> read(Path summaryFile) throws IOException {
        var sections = new LinkedHashMap<String, JsonNode>();
        if (Files.exists(summaryFile)) {
            JsonNode conditions = JSON.readTree(summaryFile.toFile()).path("conditions");
            conditions.properties().forEach(e -> {
                if (e.getValue().has(KEY)) {
                    sections.put(e.getKey(), e.getValue().get(KEY));
                }
            });
        }
        return sections;
    }

    /** Builds the sections from the live figures. */
    static Map<String, JsonNode> of(List<ConditionSummary> live) {
        var sections = new LinkedHashMap<String, JsonNode>();
        for (ConditionSummary s : live) {
            sections.put(s.condition(), JSON.valueToTree(s.reproducible()));
        }
        return sections;
    }

    /** Adds the sections to the conditions of summary.json (conditions without one are left as they are). */
    static void write(Path summaryFile, Map<String, JsonNode> sections) throws IOException {
        if (sections.isEmpty()) {
            return;
        }
        JsonNode root = JSON.readTree(summaryFile.toFile());
        JsonNode conditions = root.path("conditions");
        if (!(conditions instanceof ObjectNode)) {
            return;
        }
        conditions.properties().forEach(e -> {
            JsonNode section = sections.get(e.getKey());
            if (section != null && e.getValue() instanceof ObjectNode c) {
                c.set(KEY, section);
            }
        });
        Path tmp = summaryFile.resolveSibling(summaryFile.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, summaryFile, StandardCopyOption.REPLACE_EXISTING);
    }
}
