package org.parley.scenarios.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.parley.runtime.output.Comparison;
import org.parley.runtime.output.ScoreStats;
import org.parley.runtime.output.Summary;

/**
 * Prints the per-condition summary as text tables: one row per score, one column per condition.
 * Scenarios have many scores and few conditions, so scores go down the page; conditions that do
 * not fit the width are printed in further blocks rather than wrapped.
 */
final class SummaryTable {
    /** Width used when the terminal does not say ({@code COLUMNS}). */
    static final int DEFAULT_WIDTH = 120;

    private SummaryTable() {}

    static void print(PrintWriter out, List<Summary.ConditionSummary> summaries) {
        print(out, summaries, terminalWidth());
    }

    /** Each cell is the mean ± half-width of the 95% interval. */
    static void print(PrintWriter out, List<Summary.ConditionSummary> summaries, int width) {
        var scores = new LinkedHashSet<String>();
        summaries.forEach(s -> scores.addAll(s.scores().keySet()));
        List<String> labels = new ArrayList<>(List.of("episodes", "failed", "turns"));
        labels.addAll(scores);
        List<List<String>> columns = new ArrayList<>();
        for (Summary.ConditionSummary s : summaries) {
            List<String> cells = new ArrayList<>(List.of(s.condition(), Integer.toString(s.episodes()),
                    Integer.toString(s.failed()), s.turns().display()));
            for (String score : scores) {
                ScoreStats st = s.scores().get(score);
                cells.add(st == null ? "–" : st.display());
            }
            columns.add(cells);
        }
        printColumns(out, "condition", labels, columns, width);
        out.println("(mean ± half-width of the 95% confidence interval, Student's t)");
    }

    /**
     * Each condition against the baseline: the relative change of the mean with its 95% interval
     * (or the difference where the baseline mean is 0). Prints nothing without comparisons.
     */
    static void printComparisons(PrintWriter out, String baseline, List<Comparison> comparisons, int width) {
        if (comparisons.isEmpty()) {
            return;
        }
        var scores = new LinkedHashSet<String>();
        var byCondition = new LinkedHashMap<String, Map<String, Comparison>>();
        for (Comparison c : comparisons) {
            scores.add(c.score());
            byCondition.computeIfAbsent(c.condition(), k -> new LinkedHashMap<>()).put(c.score(), c);
        }
        List<List<String>> columns = new ArrayList<>();
        byCondition.forEach((condition, cells) -> {
            List<String> column = new ArrayList<>(List.of(condition));
            for (String score : scores) {
                Comparison c = cells.get(score);
                column.add(c == null ? "–" : c.display() + (c.clear() ? " *" : ""));
            }
            columns.add(column);
        });
        out.println();
        out.println("Compared with '" + baseline + "':");
        printColumns(out, "condition", List.copyOf(scores), columns, width);
        out.println("(change of the mean, relative to the baseline's, with its 95% interval (Welch);"
                + " absolute where the baseline mean is 0; * the interval excludes no change)");
    }

    static void printComparisons(PrintWriter out, String baseline, List<Comparison> comparisons) {
        printComparisons(out, baseline, comparisons, terminalWidth());
    }

    /** Columns of cells (first cell the header) beside row labels, in blocks that fit the width. */
    private static void printColumns(PrintWriter out, String corner, List<String> labels, List<List<String>> columns,
            int width) {
        int labelWidth = Math.max(corner.length(), labels.stream().mapToInt(String::length).max().orElse(0));
        int from = 0;
        while (from < columns.size()) {
            int used = labelWidth;
            int to = from;
            while (to < columns.size() && (to == from || used + 2 + columnWidth(columns.get(to)) <= width)) {
                used += 2 + columnWidth(columns.get(to));
                to++;
            }
            if (from > 0) {
                out.println();
            }
            printBlock(out, corner, labels, labelWidth, columns.subList(from, to));
            from = to;
        }
    }

    private static void printBlock(PrintWriter out, String corner, List<String> labels, int labelWidth,
            List<List<String>> columns) {
        var header = new StringBuilder(String.format("%-" + labelWidth + "s", corner));
        columns.forEach(c -> header.append("  ").append(pad(c.get(0), columnWidth(c))));
        out.println(header.toString().stripTrailing());
        out.println("-".repeat(header.toString().stripTrailing().length()));
        for (int row = 0; row < labels.size(); row++) {
            var line = new StringBuilder(String.format("%-" + labelWidth + "s", labels.get(row)));
            for (List<String> c : columns) {
                line.append("  ").append(pad(c.get(row + 1), columnWidth(c)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static int columnWidth(List<String> cells) {
        return cells.stream().mapToInt(String::length).max().orElse(0);
    }

    private static String pad(String cell, int width) {
        return " ".repeat(Math.max(0, width - cell.length())) + cell;
    }

    private static int terminalWidth() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
            return columns >= 40 ? columns : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }
}
