package org.parley.runtime.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * results.csv as a whole: its header and the rows that were written completely. Used to resume,
 * to sort at the end of a run and to compute summary.json.
 *
 * @param scoreColumns score columns in header order
 * @param rows         complete rows in file order
 */
public record ResultsTable(List<String> scoreColumns, List<ResultRow> rows) {

    public ResultsTable {
        scoreColumns = List.copyOf(scoreColumns);
        rows = List.copyOf(rows);
    }

    /** Reads results.csv; a missing file is an empty table, a line cut off by a crash is ignored. */
    public static ResultsTable read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new ResultsTable(List.of(), List.of());
        }
        List<List<String>> records = Csv.records(Files.readString(file, StandardCharsets.UTF_8));
        if (records.isEmpty() || !records.get(0).subList(0, Math.min(records.get(0).size(), ResultRow.BASE_COLUMNS.size()))
                .equals(ResultRow.BASE_COLUMNS)) {
            return new ResultsTable(List.of(), List.of());
        }
        List<String> header = records.get(0);
        List<ResultRow> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            ResultRow row = ResultRow.parse(header, record);
            if (row != null) {
                rows.add(row);
            }
        }
        return new ResultsTable(header.subList(ResultRow.BASE_COLUMNS.size(), header.size()), rows);
    }

    public List<String> header() {
        List<String> h = new ArrayList<>(ResultRow.BASE_COLUMNS);
        h.addAll(scoreColumns);
        return h;
    }

    /**
     * The same rows in a stable order: by condition (in the given order, unknown ones after, by
     * name), episode index, then agent (in the given order); score columns in order of first
     * appearance in that order, agent scores before episode scores.
     */
    public ResultsTable sorted(List<String> conditionOrder, List<String> agentOrder) {
        Comparator<ResultRow> order = Comparator
                .comparingInt((ResultRow r) -> rank(conditionOrder, r.condition()))
                .thenComparing(ResultRow::condition)
                .thenComparingInt(ResultRow::index)
                .thenComparingInt(r -> rank(agentOrder, r.agent()))
                .thenComparing(ResultRow::agent);
        List<ResultRow> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        return new ResultsTable(columnsOf(sorted), sorted);
    }

    static List<String> columnsOf(List<ResultRow> rows) {
        var agentColumns = new LinkedHashSet<String>();
        var episodeColumns = new LinkedHashSet<String>();
        for (ResultRow r : rows) {
            for (String c : r.scores().keySet()) {
                (c.startsWith(ResultRow.EPISODE_PREFIX) ? episodeColumns : agentColumns).add(c);
            }
        }
        List<String> all = new ArrayList<>(agentColumns);
        all.addAll(episodeColumns);
        return all;
    }

    private static int rank(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** Writes the table to a temporary file and moves it over {@code file} in one step. */
    public void writeAtomically(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        var sb = new StringBuilder(Csv.line(header()));
        for (ResultRow r : rows) {
            sb.append(Csv.line(r.fields(scoreColumns)));
        }
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
