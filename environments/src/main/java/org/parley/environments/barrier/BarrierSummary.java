package org.parley.environments.barrier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The socialveil family's summary: per barrier type and adaptation, the mean mutual understanding
 * (higher is better), unresolved confusion (higher is worse) and repair attempts with 95% intervals,
 * and each barrier's relative change in understanding and confusion against the barrier-free
 * condition with the same adaptation (falling back to barrier-free without adaptation).
 */
public final class BarrierSummary {

    /** One episode's scores, labelled with its barrier type and adaptation. */
    public record Episode(String barrierType, String adaptation, double mutualUnderstanding, double unresolvedConfusion,
            double repairAttempts) {}

    /** One condition's line of the summary; the changes are null for the barrier-free rows. */
    public record Row(String barrierType, String adaptation, int episodes, BarrierComparison.Estimate mutualUnderstanding,
            BarrierComparison.Estimate unresolvedConfusion, BarrierComparison.Estimate repairAttempts,
            BarrierComparison.Change understandingChange, BarrierComparison.Change confusionChange) {}

    private BarrierSummary() {}

    public static List<Row> summarise(List<Episode> episodes) {
        var groups = new LinkedHashMap<String, List<Episode>>();
        for (Episode e : episodes) {
            groups.computeIfAbsent(e.barrierType() + "|" + e.adaptation(), k -> new ArrayList<>()).add(e);
        }
        var rows = new ArrayList<Row>();
        for (var g : groups.values()) {
            Episode first = g.get(0);
            List<Episode> baseline = first.barrierType().equals(BarrierType.NONE.key()) ? null
                    : groups.getOrDefault(BarrierType.NONE.key() + "|" + first.adaptation(),
                            groups.get(BarrierType.NONE.key() + "|" + Adaptation.NONE.key()));
            rows.add(new Row(first.barrierType(), first.adaptation(), g.size(),
                    BarrierComparison.estimate(values(g, "mu")), BarrierComparison.estimate(values(g, "uc")),
                    BarrierComparison.estimate(values(g, "repairs")),
                    baseline == null ? null : BarrierComparison.compare(values(baseline, "mu"), values(g, "mu")),
                    baseline == null ? null : BarrierComparison.compare(values(baseline, "uc"), values(g, "uc"))));
        }
        return rows;
    }

    /** The summary as a Markdown table. */
    public static String markdown(List<Row> rows) {
        var sb = new StringBuilder();
        sb.append("| barrier | adaptation | n | mutual understanding (1–5, ↑ better) | unresolved confusion (1–5, ↑ worse) "
                + "| repair attempts | Δ understanding vs no barrier | Δ confusion vs no barrier |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.barrierType()).append(" | ").append(r.adaptation()).append(" | ").append(r.episodes())
                    .append(" | ").append(estimate(r.mutualUnderstanding())).append(" | ").append(estimate(r.unresolvedConfusion()))
                    .append(" | ").append(estimate(r.repairAttempts())).append(" | ").append(change(r.understandingChange()))
                    .append(" | ").append(change(r.confusionChange())).append(" |\n");
        }
        return sb.toString();
    }

    /** Flat name → value pairs for a results summary (e.g. summary.json). */
    public static Map<String, Double> flatten(List<Row> rows) {
        var out = new LinkedHashMap<String, Double>();
        for (Row r : rows) {
            String p = r.barrierType() + "." + r.adaptation() + ".";
            out.put(p + "mutual_understanding", r.mutualUnderstanding().mean());
            out.put(p + "unresolved_confusion", r.unresolvedConfusion().mean());
            out.put(p + "repair_attempts", r.repairAttempts().mean());
            if (r.understandingChange() != null) {
                out.put(p + "mutual_understanding_relative_change", r.understandingChange().relativeChange());
                out.put(p + "mutual_understanding_relative_change_low", r.understandingChange().low());
                out.put(p + "mutual_understanding_relative_change_high", r.understandingChange().high());
                out.put(p + "unresolved_confusion_relative_change", r.confusionChange().relativeChange());
                out.put(p + "unresolved_confusion_relative_change_low", r.confusionChange().low());
                out.put(p + "unresolved_confusion_relative_change_high", r.confusionChange().high());
            }
        }
        return out;
    }

    private static List<Double> values(List<Episode> g, String which) {
        return g.stream().map(e -> switch (which) {
            case "mu" -> e.mutualUnderstanding();
            case "uc" -> e.unresolvedConfusion();
            default -> e.repairAttempts();
        }).toList();
    }

    private static String estimate(BarrierComparison.Estimate e) {
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", e.mean(), e.low(), e.high());
    }

    private static String change(BarrierComparison.Change c) {
        return c == null ? "—" : String.format(Locale.ROOT, "%+.1f%% [%+.1f, %+.1f]%s", 100 * c.relativeChange(),
                100 * c.low(), 100 * c.high(), c.separated() ? "" : " (CIs overlap)");
    }
}
