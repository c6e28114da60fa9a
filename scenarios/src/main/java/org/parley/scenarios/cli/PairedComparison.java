package org.parley.scenarios.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Measures two ways of running the same episodes against each other in one JVM: a warm-up until
 * the JIT has settled and the heap stopped growing, then {@code pairs} measurements of each,
 * alternating (A then B, then B then A, so a drift in the machine's load hits both alike). The
 * figure is the median of the paired ratios B/A of run time: each run against its neighbour of
 * the other kind.
 */
final class PairedComparison {
    /** Warm-up runs: at least the first, at most the second, until the JIT has settled. */
    private static final int WARM_UP_RUNS = 4;
    private static final int MAX_WARM_UP_RUNS = 30;
    /** The JIT has settled when compiling took less than this share of a run's CPU time, in both modes. */
    private static final double SETTLED_JIT_SHARE = 0.10;

    /** A way of running the episodes, named for the console. */
    record Mode(String name, Supplier<BenchRun> run) {}

    /** The measurements of both modes and the paired ratios B/A of their run times. */
    record Result(List<BenchRun> a, List<BenchRun> b, double[] ratios) {
        double medianRatio() {
            return median(ratios);
        }

        int failed() {
            return a.stream().mapToInt(BenchRun::failed).sum() + b.stream().mapToInt(BenchRun::failed).sum();
        }
    }

    private PairedComparison() {}

    static Result run(Mode a, Mode b, int pairs, int episodes, PrintWriter out) {
        keepHeapSize(out);
        int warmUps = 0;
        double[] jit = {1, 1};
        boolean[] grew = {true, true};
        while (warmUps < MAX_WARM_UP_RUNS && (warmUps < WARM_UP_RUNS
                || Math.max(jit[0], jit[1]) >= SETTLED_JIT_SHARE || grew[0] || grew[1])) {
            long heapBefore = Runtime.getRuntime().totalMemory();
            BenchRun m = (warmUps % 2 == 0 ? a : b).run().get();
            jit[warmUps % 2] = m.jitShare();
            grew[warmUps % 2] = Runtime.getRuntime().totalMemory() > heapBefore;
            warmUps++;
        }
        out.printf(Locale.ROOT, "warm-up: %d runs of %d episodes, %s and %s alternating, until the JIT took under %.0f%% "
                + "of a run's CPU (last: %.0f%%, %.0f%%) and the heap stopped growing (%.0f MiB%s)%n", warmUps, episodes,
                a.name(), b.name(), SETTLED_JIT_SHARE * 100, jit[0] * 100, jit[1] * 100,
                Runtime.getRuntime().totalMemory() / 1048576.0, grew[0] || grew[1] ? ", still growing" : "");
        out.flush();
        var as = new ArrayList<BenchRun>();
        var bs = new ArrayList<BenchRun>();
        for (int r = 0; r < pairs; r++) {
            for (Mode mode : r % 2 == 0 ? List.of(a, b) : List.of(b, a)) {
                BenchRun m = mode.run().get();
                (mode == a ? as : bs).add(m);
                out.printf(Locale.ROOT, "%-14s #%d: %s%n", mode.name(), r + 1, m.describe());
                out.flush();
            }
        }
        double[] ratios = new double[pairs];
        for (int r = 0; r < pairs; r++) {
            ratios[r] = bs.get(r).seconds() / as.get(r).seconds();
        }
        for (Mode mode : List.of(a, b)) {
            List<BenchRun> ms = mode == a ? as : bs;
            BenchRun best = ms.stream().min(Comparator.comparingDouble(BenchRun::seconds)).orElseThrow();
            double medianSeconds = median(ms.stream().mapToDouble(BenchRun::seconds).toArray());
            double medianAllocated = median(ms.stream().mapToDouble(BenchRun::allocated).toArray());
            out.printf(Locale.ROOT, "%-14s median %.1f episodes/s, %.1f actions/s; best %.1f episodes/s; GC pauses %.0f ms "
                    + "a run; allocated %s a run (%.1f KiB an episode)%n", mode.name() + ":", episodes / medianSeconds,
                    ms.get(0).actions() / medianSeconds, best.episodesPerSecond(),
                    median(ms.stream().mapToDouble(BenchRun::gcSeconds).toArray()) * 1e3,
                    BenchRun.mebibytes((long) medianAllocated), medianAllocated / episodes / 1024);
        }
        return new Result(as, bs, ratios);
    }

    /** The spread of the paired ratios and the CPU-time ratio, after the headline. */
    static String spread(Result result) {
        double[] sorted = result.ratios().clone();
        Arrays.sort(sorted);
        double cpuA = median(result.a().stream().mapToDouble(BenchRun::cpuSeconds).toArray());
        double cpuB = median(result.b().stream().mapToDouble(BenchRun::cpuSeconds).toArray());
        double[] mutator = new double[sorted.length];
        for (int i = 0; i < mutator.length; i++) {
            mutator[i] = result.b().get(i).mutatorSeconds() / result.a().get(i).mutatorSeconds();
        }
        return String.format(Locale.ROOT, "  pairs range %.3f..%.3f; GC pauses left out %.3f; CPU time %.2f s and %.2f s "
                + "(medians), ratio %.3f", sorted[0], sorted[sorted.length - 1], median(mutator), cpuA, cpuB, cpuB / cpuA);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /**
     * Keeps the heap at the size the warm-up grows it to. After a full collection the JVM gives back
     * heap it finds more than 70% free; the next run then spends its first part growing it again, by
     * an amount that differs from run to run. A long run keeps its heap, so the benchmark does too
     * (changed in this JVM only). With a fixed heap ({@code -Xms} equal to {@code -Xmx}) there is
     * nothing to do.
     */
    private static void keepHeapSize(PrintWriter out) {
        try {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .setVMOption("MaxHeapFreeRatio", "100");
        } catch (RuntimeException e) {
            out.println("bench: cannot keep the heap from shrinking between runs (" + e.getMessage()
                    + "); for steadier figures fix its size, e.g. PARLEY_JAVA_OPTS=\"-Xms2g -Xmx2g\"");
        }
    }
}
