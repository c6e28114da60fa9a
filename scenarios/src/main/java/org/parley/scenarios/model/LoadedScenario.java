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

    /**
     * Names this scenario's content for the episodes it plans: a SHA-256 (first 16 hex digits) over
     * the hashes of the files it was read from and the {@code --set} overrides, so a node resolving an
     * episode can tell that it holds the same scenario.
     */
    public String contentHash() {
        var text = new StringBuilder();
        fileHashes.forEach((path, hash) -> text.append(hash).append('\n'));
        sets.forEach(set -> text.append("set ").append(set).append('\n'));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
