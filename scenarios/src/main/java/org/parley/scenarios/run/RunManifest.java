package org.parley.scenarios.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * manifest.json: what a run is, enough to reproduce it and to resume it.
 *
 * @param scenario     scenario name
 * @param file         the scenario file as given on the command line
 * @param fileAbsolute the scenario file's absolute path (resume reads it from here)
 * @param fileHashes   SHA-256 of the scenario and persona files
 * @param sets         {@code --set} overrides
 * @param episodesOption {@code --episodes}, or null
 * @param seedOption   {@code --seed}, or null
 * @param parallel     episodes run at once
 * @param runSeed      the run seed
 * @param resolved     the scenario after {@code --set}, secrets from the environment redacted
 * @param conditions   each condition's resolved configuration and minds
 * @param planned      number of planned episodes (conditions × episodes)
 * @param episodes     every planned episode with its seed; left out above {@link #MAX_LISTED}
 *                     episodes (the seeds follow from {@code seed-derivation})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunManifest(
        @JsonProperty("run-id") String runId,
        String scenario,
        String file,
        @JsonProperty("file-absolute") String fileAbsolute,
        @JsonProperty("file-sha256") Map<String, String> fileHashes,
        List<String> sets,
        @JsonProperty("episodes-option") Integer episodesOption,
        @JsonProperty("seed-option") Long seedOption,
        int parallel,
        @JsonProperty("run-seed") long runSeed,
        @JsonProperty("parley-version") String parleyVersion,
        @JsonProperty("java-version") String javaVersion,
        String started,
        @JsonProperty("seed-derivation") String seedDerivation,
        JsonNode resolved,
        List<ConditionEntry> conditions,
        int planned,
        List<EpisodeEntry> episodes) {

    public static final String FILE = "manifest.json";
    /** Above this many episodes the manifest does not list each one. */
    public static final int MAX_LISTED = 100_000;
    public static final String SEED_DERIVATION =
            "episode seed = Seeds.episode(run-seed, condition, index); agent seed = Seeds.agent(episode seed, agent id)";

    /** One condition: its overrides' result and the mind of every agent. */
    public record ConditionEntry(String name, String description, JsonNode resolved, Map<String, String> minds) {}

    /** One planned episode. */
    public record EpisodeEntry(String id, String condition, int index, long seed) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Path tmp = runDir.resolve(FILE + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, runDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public static RunManifest read(Path runDir) throws IOException {
        return JSON.readValue(runDir.resolve(FILE).toFile(), RunManifest.class);
    }

    /** Agent ids in declared order (from the first condition). */
    public List<String> agentIds() {
        return conditions.isEmpty() ? List.of() : List.copyOf(conditions.get(0).minds().keySet());
    }

    /** The listed episodes (empty when there were too many to list). */
    public List<EpisodeEntry> listedEpisodes() {
        return episodes == null ? List.of() : episodes;
    }

    public List<String> conditionNames() {
        return conditions.stream().map(ConditionEntry::name).toList();
    }
}
