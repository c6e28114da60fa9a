package org.parley.runtime.output;

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
}
