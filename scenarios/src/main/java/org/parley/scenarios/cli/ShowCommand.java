package org.parley.scenarios.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parley.runtime.output.ResultRow;
import org.parley.runtime.output.ResultsTable;
import org.parley.scenarios.run.PreparedRun;
import org.parley.scenarios.run.RunManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley show <run-dir>}: the episodes of a run with status and scores, or with
 * {@code --episode ID} one transcript as readable lines (turn, speaker, kind, text, events).
 */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Show a run's episodes, or one episode's transcript (--episode).")
final class ShowCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder (runs/<run-id>).")
    Path dir;

    @Option(names = "--episode", paramLabel = "ID", description = "Episode id, e.g. baseline/0003.")
    String episode;

    @Option(names = "--observations", description = "With --episode: also print what each agent observed.")
    boolean observations;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(dir.resolve(RunManifest.FILE))) {
            err.println("parley: " + dir + " is not a run folder (no " + RunManifest.FILE + ")");
            return ExitCodes.INVALID_INPUT;
        }
        RunManifest manifest = RunManifest.read(dir);
        ResultsTable table = ResultsTable.read(dir.resolve(PreparedRun.RESULTS))
                .sorted(manifest.conditionNames(), manifest.agentIds());
        if (episode == null) {
            listEpisodes(out, manifest, table);
            return ExitCodes.OK;
        }
        Path transcript = dir.resolve("episodes").resolve(episode + ".jsonl").normalize();
        if (!transcript.startsWith(dir.resolve("episodes").normalize()) || !Files.exists(transcript)) {
            boolean planned = manifest.listedEpisodes().stream().anyMatch(e -> e.id().equals(episode));
            err.println("parley: no transcript for episode '" + episode + "' in " + dir
                    + (planned ? " (it has not run yet)" : "; episode ids look like "
                    + (manifest.listedEpisodes().isEmpty() ? "baseline/0000" : manifest.listedEpisodes().get(0).id())));
            return ExitCodes.INVALID_INPUT;
        }
        printTranscript(out, manifest, table, transcript);
        return ExitCodes.OK;
    }

    private void listEpisodes(PrintWriter out, RunManifest manifest, ResultsTable table) {
        out.printf("Run %s: scenario %s, %d planned episodes, %d with results%n", manifest.runId(), manifest.scenario(),
                manifest.planned(), table.rows().stream().map(ResultRow::episode).distinct().count());
        var byEpisode = new LinkedHashMap<String, List<ResultRow>>();
        table.rows().forEach(r -> byEpisode.computeIfAbsent(r.episode(), k -> new ArrayList<>()).add(r));
        for (var e : byEpisode.entrySet()) {
            ResultRow first = e.getValue().get(0);
            var sb = new StringBuilder();
            sb.append(String.format("  %-24s %-9s %-16s %3d turns", e.getKey(), first.status(), first.endReason(),
                    first.turns()));
            var episodeScores = new LinkedHashMap<String, String>();
            for (ResultRow r : e.getValue()) {
                var own = new ArrayList<String>();
                r.scores().forEach((k, v) -> {
                    if (k.startsWith(ResultRow.EPISODE_PREFIX)) {
                        episodeScores.put(k.substring(ResultRow.EPISODE_PREFIX.length()), v);
                    } else {
                        own.add(k + "=" + v);
                    }
                });
                if (!own.isEmpty()) {
                    sb.append("  ").append(r.agent()).append(": ").append(String.join(" ", own));
                }
            }
            if (!episodeScores.isEmpty()) {
                sb.append("  episode: ");
                episodeScores.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private void printTranscript(PrintWriter out, RunManifest manifest, ResultsTable table, Path transcript)
            throws IOException {
        String condition = episode.contains("/") ? episode.substring(0, episode.lastIndexOf('/')) : "";
        Map<String, String> names = speakerNames(manifest, condition);
        out.println("Episode " + episode + " (" + manifest.scenario() + ", condition " + condition + ")");
        for (String line : Files.readAllLines(transcript, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry;
            try {
                entry = JSON.readTree(line);
            } catch (IOException e) {
                out.println("  (unreadable line: a run killed while writing leaves a partial last line)");
                continue;
            }
            String text = format(entry, names);
            if (text != null) {
                out.println(text);
            }
        }
        table.rows().stream().filter(r -> r.episode().equals(episode)).forEach(r -> out.println(
                "  result " + r.agent() + ": " + r.status() + ", " + r.endReason() + ", scores " + r.scores()));
    }

    /** Agent id to "Persona Name (role)", from the condition's resolved scenario. */
    static Map<String, String> speakerNames(RunManifest manifest, String condition) {
        Map<String, String> names = new LinkedHashMap<>();
        JsonNode tree = manifest.conditions().stream().filter(c -> c.name().equals(condition)).findFirst()
                .map(RunManifest.ConditionEntry::resolved).orElse(manifest.resolved());
        for (JsonNode agent : tree.path("agents")) {
            String id = agent.path("id").asText();
            String persona = tree.path("personas").path(agent.path("persona").asText()).path("name").asText(id);
            names.put(id, persona + " (" + agent.path("role").asText() + ")");
        }
        return names;
    }

    String format(JsonNode e, Map<String, String> names) {
        String type = e.path("type").asText();
        String agent = e.path("agent").asText(null);
        String who = agent == null ? "" : names.getOrDefault(agent, agent);
        JsonNode data = e.path("data");
        String turn = String.format("[turn %3d]", e.path("turn").asLong());
        return switch (type) {
            case "episode-start" -> turn + " --- episode starts" + details(data);
            case "episode-end" -> turn + " --- episode ends" + details(data);
            case "action" -> {
                String kind = data.path("kind").asText("action");
                String text = data.path("text").asText("");
                String to = data.path("to").asText(null);
                yield turn + " " + who + (to == null ? "" : " -> " + names.getOrDefault(to, to)) + " " + kind
                        + (text.isEmpty() ? "" : ": " + text) + extra(data, "kind", "text", "to");
            }
            case "observation" -> observations
                    ? turn + "   (" + who + " observes " + data.path("kind").asText("") + " from "
                    + data.path("source").asText("?") + ": " + data.path("text").asText("") + ")"
                    : null;
            case "event" -> turn + "   * " + data.path("type").asText("event")
                    + (agent == null ? "" : " [" + who + "]") + extra(data, "type");
            case "barrier" -> turn + "   | barrier" + details(data);
            case "failure" -> turn + " !! failure" + (agent == null ? "" : " of " + who) + details(data);
            default -> turn + " " + type + (agent == null ? "" : " " + who) + details(data);
        };
    }

    private static String details(JsonNode data) {
        return data == null || data.isMissingNode() || data.isEmpty() ? "" : " " + data;
    }

    private static String extra(JsonNode data, String... shown) {
        if (!data.isObject()) {
            return "";
        }
        var copy = data.deepCopy();
        for (String s : shown) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(s);
        }
        return copy.isEmpty() ? "" : " " + copy;
    }
}
