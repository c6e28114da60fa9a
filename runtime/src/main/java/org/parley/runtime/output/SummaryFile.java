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
import java.util.List;
import java.util.Map;

/**
 * Writes summary.json: per condition its {@link Summary} figures and, with a baseline, every other
 * condition's {@link Comparison} with it. Numbers are rounded to 12 significant digits, so the file
 * is the same bytes on every platform for the same results.
 */
public final class SummaryFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryFile() {}

    /** Writes summary.json (atomically) for a run, without comparisons. */
    public static void write(Path file, String runId, List<Summary.ConditionSummary> summaries) throws IOException {
        write(file, runId, summaries, null);
    }

    /**
     * Writes summary.json (atomically) for a run; with a baseline condition it also holds every
     * other condition's {@link Comparison} with it.
     */
    public static void write(Path file, String runId, List<Summary.ConditionSummary> summaries, String baseline)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("run", runId);
        root.put("confidence", 0.95);
        ObjectNode conditions = root.putObject("conditions");
        for (Summary.ConditionSummary s : summaries) {
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

    private static void comparisons(ObjectNode node, String baseline, List<Summary.ConditionSummary> summaries) {
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
