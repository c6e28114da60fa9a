package org.parley.scenarios.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.parley.runtime.output.Csv;
import org.parley.runtime.output.TranscriptEntry;

/** Reads and compares run folders the way a user of the outputs would: file by file, byte by byte. */
final class RunFolders {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFolders() {}

    /** Every transcript of a run, by its path under {@code episodes/} ({@code baseline/0003.jsonl}). */
    static Map<String, Path> transcripts(Path run) throws IOException {
        Path episodes = run.resolve("episodes");
        var files = new TreeMap<String, Path>();
        if (!Files.isDirectory(episodes)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(episodes)) {
            walk.filter(Files::isRegularFile).forEach(
                    f -> files.put(episodes.relativize(f).toString().replace('\\', '/'), f));
        }
        return files;
    }

    /** The episode ids the manifest plans, in plan order. */
    static List<String> plannedEpisodes(Path run) throws IOException {
        JsonNode manifest = JSON.readTree(run.resolve("manifest.json").toFile());
        List<String> ids = new ArrayList<>();
        manifest.get("episodes").forEach(e -> ids.add(e.get("id").asText()));
        assertThat(ids).as("episodes listed in the manifest").hasSize(manifest.get("planned").asInt());
        return ids;
    }

    /** Agent ids in declared order, from the manifest's resolved scenario. */
    static List<String> agents(Path run) throws IOException {
        JsonNode manifest = JSON.readTree(run.resolve("manifest.json").toFile());
        List<String> ids = new ArrayList<>();
        manifest.get("resolved").get("agents").forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    /** results.csv as records (header first), parsed with CSV quoting. */
    static List<List<String>> results(Path run) throws IOException {
        return Csv.records(Files.readString(run.resolve("results.csv"), StandardCharsets.UTF_8));
    }

    /** Number of complete data rows in results.csv while a run writes it (0 before the file exists). */
    static int resultRows(Path run) {
        Path file = run.resolve("results.csv");
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            byte[] bytes = Files.readAllBytes(file);
            int lines = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    lines++;
                }
            }
            return Math.max(0, lines - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A finished run: exactly one transcript per planned episode and nothing else, each ending with
     * an {@code episode-end} line, and exactly one results row per planned episode × agent.
     */
    static void assertComplete(Path run) throws IOException {
        List<String> planned = plannedEpisodes(run);
        List<String> agents = agents(run);
        assertThat(transcripts(run).keySet()).as("transcripts of %s", run)
                .containsExactlyInAnyOrderElementsOf(planned.stream().map(id -> id + ".jsonl").toList());
        for (var t : transcripts(run).entrySet()) {
            List<String> lines = Files.readAllLines(t.getValue(), StandardCharsets.UTF_8);
            assertThat(lines).as("transcript %s", t.getKey()).isNotEmpty();
            assertThat(JSON.readTree(lines.get(0)).get("type").asText()).as("first line of %s", t.getKey())
                    .isEqualTo(TranscriptEntry.EPISODE_START);
            assertThat(JSON.readTree(lines.get(lines.size() - 1)).get("type").asText()).as("last line of %s", t.getKey())
                    .isEqualTo(TranscriptEntry.EPISODE_END);
            assertThat(lines.stream().filter(l -> l.contains("\"type\":\"episode-end\"")).count())
                    .as("episode-end lines in %s", t.getKey()).isEqualTo(1);
            for (int i = 0; i < lines.size(); i++) {
                assertThat(JSON.readTree(lines.get(i)).get("seq").asLong()).as("seq of line %d of %s", i, t.getKey())
                        .isEqualTo(i);
            }
        }
        List<List<String>> records = results(run);
        List<String> header = records.get(0);
        int episode = header.indexOf("episode");
        int agent = header.indexOf("agent");
        var rows = new LinkedHashMap<String, Integer>();
        for (List<String> r : records.subList(1, records.size())) {
            assertThat(r).as("a results row of %s", run).hasSize(header.size());
            rows.merge(r.get(episode) + " " + r.get(agent), 1, Integer::sum);
        }
        var expected = new LinkedHashMap<String, Integer>();
        for (String id : planned) {
            for (String a : agents) {
                expected.put(id + " " + a, 1);
            }
        }
        assertThat(rows).as("results rows per episode × agent of %s", run).containsExactlyInAnyOrderEntriesOf(expected);
    }

    /**
     * Two runs of the same scenario and seed wrote the same bytes: results.csv, summary.json and
     * every transcript (the runs' folders must have the same name, which results carry).
     */
    static void assertSameOutputs(Path expected, Path actual) throws IOException {
        assertSameBytes(expected.resolve("results.csv"), actual.resolve("results.csv"));
        assertSameBytes(expected.resolve("summary.json"), actual.resolve("summary.json"));
        assertSameBytes(expected.resolve("coordination.jsonl"), actual.resolve("coordination.jsonl"));
        Map<String, Path> want = transcripts(expected);
        Map<String, Path> got = transcripts(actual);
        assertThat(got.keySet()).as("transcripts of %s", actual).containsExactlyElementsOf(want.keySet());
        for (String name : want.keySet()) {
            assertSameBytes(want.get(name), got.get(name));
        }
    }

    /**
     * The manifests agree apart from what legitimately differs between two sessions of one run: the
     * start time and the number of episodes run at once.
     */
    static void assertSameManifest(Path expected, Path actual) throws IOException {
        assertThat(comparableManifest(actual)).isEqualTo(comparableManifest(expected));
    }

    private static JsonNode comparableManifest(Path run) throws IOException {
        ObjectNode m = (ObjectNode) JSON.readTree(run.resolve("manifest.json").toFile());
        m.remove(List.of("started", "parallel"));
        return m;
    }

    static void assertSameBytes(Path expected, Path actual) throws IOException {
        assertThat(actual).as("%s", actual).exists();
        String want = Files.readString(expected, StandardCharsets.UTF_8);
        String got = Files.readString(actual, StandardCharsets.UTF_8);
        if (!want.equals(got)) {
            List<String> a = want.lines().toList();
            List<String> b = got.lines().toList();
            int i = 0;
            while (i < Math.min(a.size(), b.size()) && a.get(i).equals(b.get(i))) {
                i++;
            }
            throw new AssertionError(actual + " differs from " + expected + " first at line " + (i + 1) + ":\n  expected: "
                    + (i < a.size() ? a.get(i) : "<end of file>") + "\n  actual:   " + (i < b.size() ? b.get(i) : "<end of file>"));
        }
    }
}
