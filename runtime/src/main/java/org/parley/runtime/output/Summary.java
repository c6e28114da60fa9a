package org.parley.runtime.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * summary.json: per condition, how many episodes ran, completed and failed, and for each score its
 * mean, standard deviation, n and 95% confidence interval, overall and per role. Computed from the
 * rows of results.csv, so it does not depend on the order in which episodes finished.
 *
 * <p>Agent scores take one value per agent row of a completed episode; episode scores
 * ({@code episode_…}) one value per completed episode. Failed episodes count in {@code failed} only.
 */
public final class Summary {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The statistics of one condition. */
    public record ConditionSummary(
            String condition, int episodes, int completed, int failed, ScoreStats turns,
            Map<String, ScoreStats> scores, Map<String, Map<String, ScoreStats>> byRole) {}

    private Summary() {}

    public static List<ConditionSummary> compute(ResultsTable table, List<String> conditionOrder) {
        var byCondition = new LinkedHashMap<String, List<ResultRow>>();
        conditionOrder.forEach(c -> byCondition.put(c, new ArrayList<>()));
        var others = new TreeMap<String, List<ResultRow>>();
        for (ResultRow r : table.rows()) {
            (byCondition.containsKey(r.condition()) ? byCondition : others)
                    .computeIfAbsent(r.condition(), k -> new ArrayList<>()).add(r);
        }
        byCondition.putAll(others);
        List<String> columns = ResultsTable.columnsOf(table.sorted(conditionOrder, List.of()).rows());
        List<ConditionSummary> result = new ArrayList<>();
        byCondition.forEach((condition, rows) -> result.add(summarise(condition, rows, columns)));
        return result;
    }

    private static ConditionSummary summarise(String condition, List<ResultRow> rows, List<String> columns) {
        // one representative row per episode, in index order, for episode-level figures
        var episodes = new TreeMap<Integer, ResultRow>();
        rows.forEach(r -> episodes.putIfAbsent(r.index(), r));
        int completed = (int) episodes.values().stream().filter(ResultRow::completed).count();
        List<ResultRow> done = rows.stream().filter(ResultRow::completed)
                .sorted(java.util.Comparator.comparingInt(ResultRow::index).thenComparing(ResultRow::agent)).toList();
        var scores = new LinkedHashMap<String, ScoreStats>();
        var byRole = new LinkedHashMap<String, Map<String, ScoreStats>>();
        var roles = new LinkedHashSet<String>();
        done.forEach(r -> roles.add(r.role()));
        for (String column : columns) {
            boolean episodeLevel = column.startsWith(ResultRow.EPISODE_PREFIX);
            List<ResultRow> source = episodeLevel
                    ? episodes.values().stream().filter(ResultRow::completed).toList()
                    : done;
            List<Double> values = values(source, column);
            if (values.isEmpty()) {
                continue;
            }
            scores.put(column, ScoreStats.of(values));
            if (!episodeLevel) {
                var perRole = new LinkedHashMap<String, ScoreStats>();
                for (String role : roles) {
                    List<Double> v = values(done.stream().filter(r -> r.role().equals(role)).toList(), column);
                    if (!v.isEmpty()) {
                        perRole.put(role, ScoreStats.of(v));
                    }
                }
                byRole.put(column, perRole);
            }
        }
        List<Double> turns = episodes.values().stream().filter(ResultRow::completed).map(r -> (double) r.turns()).toList();
        return new ConditionSummary(condition, episodes.size(), completed, episodes.size() - completed,
                ScoreStats.of(turns), scores, byRole);
    }

    private static List<Double> values(List<ResultRow> rows, String column) {
        List<Double> values = new ArrayList<>();
        for (ResultRow r : rows) {
            String v = r.scores().get(column);
            if (v != null && !v.isEmpty()) {
                try {
                    values.add(Double.parseDouble(v));
                } catch (NumberFormatException ignored) {
                    // a non-numeric score is shown in results.csv but not averaged
                }
            }
        }
        return values;
    }

    /** Writes summary.json (atomically) for a run, without comparisons. */
    public static void write(Path file, String runId, List<ConditionSummary> summaries) throws IOException {
        write(file, runId, summaries, null);
    }

    /**
     * Writes summary.json (atomically) for a run; with a baseline condition it also holds every
     * other condition's {@link Comparison} with it.
     */
    public static void write(Path file, String runId, List<ConditionSummary> summaries, String baseline)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("run", runId);
        root.put("confidence", 0.95);
        ObjectNode conditions = root.putObject("conditions");
        for (ConditionSummary s : summaries) {
            ObjectNode c = conditions.putObject(s.condition());
            c.put("episodes", s.episodes());
            c.put("completed", s.completed());
            c.put("failed", s.failed());
            if (s.turns().n() > 0) {
                stats(c.putObject("turns"), s.turns());
            }
            ObjectNode scores = c.putObject("scores");
            s.scores().forEach((name, stats) -> {
                ObjectNode n = scores.putObject(name);
                stats(n, stats);
                Map<String, ScoreStats> roles = s.byRole().get(name);
                if (roles != null && !roles.isEmpty()) {
                    ObjectNode r = n.putObject("by-role");
                    roles.forEach((role, rs) -> stats(r.putObject(role), rs));
                }
            });
        }
        if (baseline != null) {
            comparisons(root.putObject("comparisons"), baseline, summaries);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void comparisons(ObjectNode node, String baseline, List<ConditionSummary> summaries) {
        node.put("baseline", baseline);
        node.put("method", "difference of means with a Welch 95% interval; relative = difference / |baseline mean|");
        ObjectNode conditions = node.putObject("conditions");
        for (Comparison c : Comparison.against(baseline, summaries)) {
            ObjectNode condition = conditions.has(c.condition())
                    ? (ObjectNode) conditions.get(c.condition())
                    : conditions.putObject(c.condition());
            ObjectNode score = condition.putObject(c.score());
            number(score, "difference", c.difference());
            ArrayNode ci = score.putArray("ci95");
            ci.add(round(c.ciLow()));
            ci.add(round(c.ciHigh()));
            if (!Double.isNaN(c.relative())) {
                number(score, "relative-change", c.relative());
                ArrayNode rci = score.putArray("relative-ci95");
                rci.add(round(c.relativeLow()));
                rci.add(round(c.relativeHigh()));
            }
            score.put("clear", c.clear());
        }
    }

    private static void stats(ObjectNode node, ScoreStats s) {
        node.put("n", s.n());
        number(node, "mean", s.mean());
        number(node, "sd", s.sd());
        ArrayNode ci = node.putArray("ci95");
        ci.add(round(s.ciLow()));
        ci.add(round(s.ciHigh()));
    }

    private static void number(ObjectNode node, String name, double v) {
        node.put(name, round(v));
    }

    /** 12 significant digits: stable text across platforms' last-bit differences. */
    private static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
    }
}
