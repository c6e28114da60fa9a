package org.parley.scenarios.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario file read, checked and bound for every condition.
 *
 * @param file         the scenario file
 * @param fileHashes   SHA-256 of the scenario file and each persona file it reads, by path as written
 *                     (used by {@code --resume} to refuse a changed scenario)
 * @param sets         the {@code --set key=value} overrides applied to the base
 * @param resolved     the base tree after {@code --set}, with secrets from the environment redacted
 * @param conditions   conditions in declared (or grid) order
 */
public record LoadedScenario(
        Path file, Map<String, String> fileHashes, List<String> sets, JsonNode resolved,
        List<ResolvedCondition> conditions) {

    public LoadedScenario {
        fileHashes = Collections.unmodifiableMap(new LinkedHashMap<>(fileHashes));
        sets = List.copyOf(sets);
        conditions = List.copyOf(conditions);
    }

    /** The base scenario (first condition's binding carries the name, seed, episodes…). */
    public Scenario base() {
        return conditions.get(0).scenario();
    }

    public String name() {
        return base().name();
    }

    public List<String> conditionNames() {
        return conditions.stream().map(ResolvedCondition::name).toList();
    }
}
