package org.parley.scenarios.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.parley.runtime.run.RunReport;

/**
 * One timed run of {@code parley bench}: wall-clock and CPU time, the time the collector stood the
 * run's threads still, the JIT's compile time, the bytes allocated and the peak heap.
 *
 * @param gcSeconds time the run's threads stood still for the collector
 * @param allocated bytes the JVM's threads allocated during the run, or -1 when the JVM does not say
 */
record BenchRun(double seconds, double cpuSeconds, long jitMillis, double gcSeconds, long allocated, int completed,
        int failed, long actions, long peakHeap) {

    /** Times {@code run}; with {@code collectFirst}, after a full collection (for a lone run's peak heap). */
    static BenchRun measure(Supplier<RunReport> run, boolean collectFirst) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        if (collectFirst) {
            System.gc();
        }
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        var jit = ManagementFactory.getCompilationMXBean();
        long jitStart = jit.getTotalCompilationTime();
        long gcStart = gcPauseMillis();
        long allocatedStart = allocatedBytes();
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        RunReport report = run.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        long allocated = allocatedBytes() - allocatedStart;
        double gcSeconds = (gcPauseMillis() - gcStart) / 1e3;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new BenchRun(seconds, cpu, jit.getTotalCompilationTime() - jitStart, gcSeconds,
                allocatedStart < 0 ? -1 : allocated, report.completed(), report.failed(), report.actions(), peak);
    }

    /** The run's time without the collector's pauses: what its own threads took. */
    double mutatorSeconds() {
        return seconds - gcSeconds;
    }

    double episodesPerSecond() {
        return (completed + failed) / seconds;
    }

    double actionsPerSecond() {
        return actions / seconds;
    }

    /** The share of the run's CPU time the JIT spent compiling. */
    double jitShare() {
        return cpuSeconds > 0 ? jitMillis / 1e3 / cpuSeconds : 0;
    }

    /** One line for the console. */
    String describe() {
        return String.format(Locale.ROOT, "%d completed, %d failed in %.2f s (GC pauses %.0f ms, %.2f s CPU, JIT %d ms, "
                + "%s allocated): %.1f episodes/s, %.1f actions/s, peak heap %.1f MiB", completed, failed, seconds,
                gcSeconds * 1e3, cpuSeconds, jitMillis, mebibytes(allocated), episodesPerSecond(), actionsPerSecond(),
                peakHeap / 1048576.0);
    }

    static String mebibytes(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    /** CPU time of the whole process (all threads, GC included), or -1 when the JVM does not say. */
    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Milliseconds the collectors have stopped the application so far. Collectors that report
     * concurrent cycles beside their pauses (ZGC's and Shenandoah's "Cycles") are left out: their
     * time overlaps the application's.
     */
    private static long gcPauseMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long t = gc.getCollectionTime();
            if (t > 0 && !gc.getName().contains("Cycles")) {
                total += t;
            }
        }
        return total;
    }

    /** Bytes all threads have allocated so far, or -1 when the JVM does not say. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            return threads.getTotalThreadAllocatedBytes();
        }
        return -1;
    }
}
