package org.parley.runtime.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.runtime.coordination.ConditionCoordination;
import org.parley.runtime.coordination.EpisodeCoordination;

/**
 * The {@code coordination} section of each condition in summary.json: the coordination and
 * communication-barrier figures the social-dynamics dashboard shows, computed from
 * {@link CoordinationLog} over every finished episode in condition and index order, as
 * {@link ConditionCoordination#reproducible()} gives them (nothing that depends on timing, so the file
 * stays byte-identical for the same seed).
 */
public final class CoordinationSection {
    static final String KEY = "coordination";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CoordinationSection() {}

    /** Per condition (in the results' order), the figures of its logged episodes; empty when nothing was logged. */
    public static List<ConditionCoordination> compute(Map<String, EpisodeCoordination> logged, List<Summary.ConditionSummary> results) {
        if (logged.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<ConditionCoordination>();
        for (Summary.ConditionSummary r : results) {
            List<EpisodeCoordination> episodes = logged.values().stream()
                    .filter(e -> e.condition().equals(r.condition()))
                    .sorted(Comparator.comparingInt(EpisodeCoordination::index))
                    .toList();
            out.add(ConditionCoordination.of(r.condition(), r.completed(), r.failed(), episodes));
        }
        return out;
    }

    /** Adds the sections to the conditions of summary.json. */
    public static void write(Path summaryFile, List<ConditionCoordination> figures) throws IOException {
        if (figures.isEmpty()) {
            return;
        }
        Map<String, ConditionCoordination> byCondition = new LinkedHashMap<>();
        figures.forEach(f -> byCondition.put(f.condition(), f));
        JsonNode root = JSON.readTree(summaryFile.toFile());
        if (!(root.path("conditions") instanceof ObjectNode conditions)) {
            return;
        }
        conditions.properties().forEach(e -> {
            ConditionCoordination f = byCondition.get(e.getKey());
            if (f != null && e.getValue() instanceof ObjectNode c) {
                c.set(KEY, JSON.valueToTree(f.reproducible()));
            }
        });
        Path tmp = summaryFile.resolveSibling(summaryFile.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, summaryFile, StandardCopyOption.REPLACE_EXISTING);
    }
}
