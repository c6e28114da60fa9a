package org.parley.runtime.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of results.csv: one agent of one episode.
 *
 * @param scores score column name to its text (agent scores as named by the environment, episode
 *               scores prefixed {@code episode_}); a missing score is absent
 */
public record ResultRow(
        String run, String condition, String episode, int index, long seed, String agent, String role, String mind,
        String status, String endReason, long turns, Map<String, String> scores) {

    /** The fixed columns, before the score columns. */
    public static final List<String> BASE_COLUMNS = List.of(
            "run", "condition", "episode", "index", "seed", "agent", "role", "mind", "status", "end_reason", "turns");

    public static final String EPISODE_PREFIX = "episode_";

    public ResultRow {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    public boolean completed() {
        return "completed".equals(status);
    }

    List<String> fields(List<String> scoreColumns) {
        List<String> f = new ArrayList<>(List.of(run, condition, episode, Integer.toString(index), Long.toString(seed),
                agent, role, mind == null ? "" : mind, status, endReason == null ? "" : endReason, Long.toString(turns)));
        for (String c : scoreColumns) {
            f.add(scores.getOrDefault(c, ""));
        }
        return f;
    }

    /** Reads a row given the header; returns null when the record does not fit it. */
    static ResultRow parse(List<String> header, List<String> fields) {
        if (fields.size() != header.size() || header.size() < BASE_COLUMNS.size()) {
            return null;
        }
        try {
            var scores = new LinkedHashMap<String, String>();
            for (int i = BASE_COLUMNS.size(); i < header.size(); i++) {
                if (!fields.get(i).isEmpty()) {
                    scores.put(header.get(i), fields.get(i));
                }
            }
            return new ResultRow(fields.get(0), fields.get(1), fields.get(2), Integer.parseInt(fields.get(3)),
                    Long.parseLong(fields.get(4)), fields.get(5), fields.get(6), fields.get(7), fields.get(8),
                    fields.get(9), Long.parseLong(fields.get(10)), scores);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
