package org.parley.scenarios.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.parley.monitoring.ConditionSummary;

/**
 * Prints, after the per-condition table, the figures the dashboards show: coordination and
 * communication-barrier figures per condition (also in summary.json), then the timing figures
 * (throughput, action latency) that only the console gets, since summary.json must not depend on
 * timing.
 */
final class LiveFigures {
    private LiveFigures() {}

    /**
     * @param coordination the figures over every finished episode of the run (summary.json's)
     * @param live         this session's meters: timing figures (stragglers, latency)
     */
    static void print(PrintWriter out, List<ConditionSummary> coordination, List<ConditionSummary> live, int ran,
            double seconds, long actions) {
        Map<String, ConditionSummary> liveByCondition = new LinkedHashMap<>();
        live.forEach(s -> liveByCondition.put(s.condition(), s));
        if (!coordination.isEmpty()) {
            out.println();
            out.println("Coordination and barriers (as on the dashboards; in summary.json under \"coordination\"):");
            for (ConditionSummary s : coordination) {
                ConditionSummary l = liveByCondition.get(s.condition());
                out.println("  " + (l == null ? s : s.withTiming(l.stragglersPerRound(), null)).format());
            }
        }
        if (seconds > 0) {
            out.printf(Locale.ROOT, "Timing (console only): %d episodes in %.1f s, %.1f episodes/s, %.0f actions/s%n",
                    ran, seconds, ran / seconds, actions / seconds);
            var sb = new StringBuilder();
            for (ConditionSummary s : live) {
                if (s.meanActionLatencySeconds() != null) {
                    sb.append(sb.isEmpty() ? "  mean action latency: " : ", ").append(s.condition()).append(' ')
                            .append(latency(s.meanActionLatencySeconds()));
                }
            }
            if (!sb.isEmpty()) {
                out.println(sb);
            }
        }
    }

    private static String latency(double seconds) {
        return seconds < 1 ? String.format(Locale.ROOT, "%.2f ms", seconds * 1000) : String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
