package org.parley.scenarios.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.parley.runtime.output.ScoreStats;
import org.parley.runtime.output.Summary;

/** Prints the per-condition summary as a text table: mean ± half-width of the 95% interval. */
final class SummaryTable {
    private SummaryTable() {}

    static void print(PrintWriter out, List<Summary.ConditionSummary> summaries) {
        var scores = new LinkedHashSet<String>();
        summaries.forEach(s -> scores.addAll(s.scores().keySet()));
        List<String> header = new ArrayList<>(List.of("condition", "episodes", "failed", "turns"));
        header.addAll(scores);
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (Summary.ConditionSummary s : summaries) {
            List<String> row = new ArrayList<>(List.of(s.condition(), Integer.toString(s.episodes()),
                    Integer.toString(s.failed()), s.turns().display()));
            for (String score : scores) {
                ScoreStats st = s.scores().get(score);
                row.add(st == null ? "–" : st.display());
            }
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            var sb = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = rows.get(r).get(i);
                sb.append(i == 0 ? String.format("%-" + widths[i] + "s", cell) : "  " + String.format("%" + widths[i] + "s", cell));
            }
            out.println(sb.toString().stripTrailing());
            if (r == 0) {
                out.println("-".repeat(sb.toString().stripTrailing().length()));
            }
        }
        out.println("(mean ± half-width of the 95% confidence interval, Student's t)");
    }
}
