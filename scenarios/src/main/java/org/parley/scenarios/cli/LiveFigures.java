package org.parley.scenarios.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.parley.runtime.coordination.ConditionCoordination;
import org.parley.runtime.output.CoordinationLog;

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
     * @param timing       this session's timing figures by condition (stragglers, latency)
     */
    static void print(PrintWriter out, List<ConditionCoordination> coordination, Map<String, CoordinationLog.SessionTiming> timing,
            int ran, double seconds, long actions) {
        if (!coordination.isEmpty()) {
            out.println();
            out.println("Coordination and barriers (as on the dashboards; in summary.json under \"coordination\"):");
            for (ConditionCoordination s : coordination) {
                var t = timing.get(s.condition());
                out.println("  " + (t == null ? s : s.withTiming(t.stragglersPerRound(), null)).format());
            }
        }
        if (seconds > 0) {
            out.printf(Locale.ROOT, "Timing (console only): %d episodes in %.1f s, %.1f episodes/s, %.0f actions/s%n",
                    ran, seconds, ran / seconds, actions / seconds);
            var sb = new StringBuilder();
            timing.forEach((condition, t) -> {
                if (t.meanActionLatencySeconds() != null) {
                    sb.append(sb.isEmpty() ? "  mean action latency: " : ", ").append(condition).append(' ')
                            .append(latency(t.meanActionLatencySeconds()));
                }
            });
            if (!sb.isEmpty()) {
                out.println(sb);
            }
        }
    }

    private static String latency(double seconds) {
        return seconds < 1 ? String.format(Locale.ROOT, "%.2f ms", seconds * 1000) : String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
