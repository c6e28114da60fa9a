package org.parley.scenarios.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import org.parley.runtime.Simulation;
import org.parley.runtime.environment.Action;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;
import org.parley.scenarios.load.ScenarioException;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.plan.RunOptions;
import org.parley.scenarios.plan.RunPlanner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley bench FILE}: a scale smoke benchmark. Runs many episodes of a scenario at once
 * without writing outputs and prints episodes/s, actions/s and peak heap. A program that prints
 * figures, not a test: it passes or fails only on whether the episodes completed. With
 * {@code --compare-metrics} it measures the same episodes with the metrics endpoint off and on and
 * prints the overhead ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = ParleyCommand.Version.class,
        description = "Run many episodes at once without outputs; print episodes/s, actions/s and peak heap.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML); its first condition is used.")
    Path file;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "10000", description = "Episodes to run (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--parallel", paramLabel = "N", description = "Episodes at once (default: all of them).")
    Integer parallel;

    @Option(names = "--seed", paramLabel = "SEED", description = "Run seed (default: the scenario's).")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a scenario value (repeatable).")
    List<String> sets = new ArrayList<>();

    /** Warm-up runs: at least the first, at most the second, until the JIT has settled. */
    private static final int WARM_UP_RUNS = 6;
    private static final int MAX_WARM_UP_RUNS = 40;
    /** Scrapes after the warm-up runs (in-process, then over HTTP), so the exposition code is compiled. */
    private static final int WARM_UP_SCRAPES = 300;
    private static final int WARM_UP_HTTP_SCRAPES = 20;
    /** The JIT has settled when compiling took less than this share of a run's CPU time, in both modes. */
    private static final double SETTLED_JIT_SHARE = 0.10;

    @Option(names = "--metrics", description = "Run with the metrics endpoint on (127.0.0.1, a free port, scraped every second).")
    boolean metrics;

    @Option(names = "--compare-metrics", description = "Measure with metrics off and on, alternating, after a warm-up; "
            + "print the overhead ratio.")
    boolean compare;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "40", description = "With --compare-metrics: "
            + "measurements per mode (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadedScenario scenario;
        try {
            scenario = ScenarioLoader.standard().load(file, sets);
        } catch (ScenarioException e) {
            return Reporting.problems(spec.commandLine().getErr(), e);
        }
        if (episodes < 1 || repeats < 1) {
            spec.commandLine().getErr().println("parley: --episodes and --repeats must be at least 1");
            return ParleyCommand.INVALID_INPUT;
        }
        String condition = scenario.conditionNames().get(0);
        var options = new RunOptions(episodes, seed, parallel != null ? parallel : episodes);
        RunPlan all = RunPlanner.plan(scenario, options, "bench", Set.of());
        List<EpisodePlan> chosen = all.episodes().stream().filter(e -> e.condition().equals(condition)).toList();
        RunPlan plan = new RunPlan(all.runId(), all.scenario(), all.environment(), chosen, all.parallelism(),
                all.timestamps());
        out.printf("bench: %d episodes of %s (condition %s), %d at once, %d cores, java %s%n", chosen.size(),
                scenario.name(), condition, plan.parallelism(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.flush();
        if (!compare) {
            Measurement m;
            if (metrics) {
                try (var session = new BenchMetrics()) {
                    m = measure(plan, session, true);
                }
            } else {
                m = measure(plan, null, true);
            }
            out.printf(Locale.ROOT, "episodes: %d completed, %d failed in %.2f s (%.2f s CPU)%s%n", m.completed(),
                    m.failed(), m.seconds(), m.cpuSeconds(), metrics ? " (metrics on)" : "");
            out.printf(Locale.ROOT, "episodes/s: %.1f%n", m.episodesPerSecond());
            out.printf(Locale.ROOT, "actions/s: %.1f (%d actions)%n", m.actionsPerSecond(), m.actions());
            out.printf(Locale.ROOT, "peak heap: %.1f MiB (max %.1f MiB)%n", m.peakHeap() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            return m.failed() > 0 ? ParleyCommand.RUN_FAILED : ParleyCommand.OK;
        }
        try (var session = new BenchMetrics()) {
            return compare(plan, chosen.size(), session, out);
        }
    }

    private int compare(RunPlan plan, int episodeCount, BenchMetrics session, PrintWriter out) {
        keepHeapSize(out);
        // Warm up both paths (JIT, class loading, heap sizing, the exporter's first scrape) on the
        // same episodes: the first runs of a JVM are several times slower than the later ones, and
        // on two cores the JIT's compiler threads take a core from whichever mode runs while it works.
        // A run that grows the heap also collects more often than one that does not, so the warm-up
        // lasts until two runs in a row (one per mode) left the heap's size as they found it.
        int warmUps = 0;
        double[] lastJitShare = {1, 1};
        boolean[] grewHeap = {true, true};
        while (warmUps < MAX_WARM_UP_RUNS && (warmUps < WARM_UP_RUNS
                || Math.max(lastJitShare[0], lastJitShare[1]) >= SETTLED_JIT_SHARE || grewHeap[0] || grewHeap[1])) {
            long heapBefore = Runtime.getRuntime().totalMemory();
            Measurement m = measure(plan, warmUps % 2 == 1 ? session : null, false);
            lastJitShare[warmUps % 2] = m.cpuSeconds() > 0 ? m.jitMillis() / 1e3 / m.cpuSeconds() : 0;
            grewHeap[warmUps % 2] = Runtime.getRuntime().totalMemory() > heapBefore;
            warmUps++;
        }
        session.warmUpScrapes(WARM_UP_SCRAPES, WARM_UP_HTTP_SCRAPES);
        out.printf(Locale.ROOT, "warm-up: %d runs of %d episodes, metrics off and on alternating, until the JIT took "
                + "under %.0f%% of a run's CPU (last: %.0f%% off, %.0f%% on) and the heap stopped growing (%.0f MiB%s); "
                + "then %d scrapes, as a long run has had%n",
                warmUps, episodeCount, SETTLED_JIT_SHARE * 100, lastJitShare[0] * 100, lastJitShare[1] * 100,
                Runtime.getRuntime().totalMemory() / 1048576.0, grewHeap[0] || grewHeap[1] ? ", still growing" : "",
                WARM_UP_SCRAPES + WARM_UP_HTTP_SCRAPES);
        out.flush();
        var off = new ArrayList<Measurement>();
        var on = new ArrayList<Measurement>();
        int failed = 0;
        for (int r = 0; r < repeats; r++) {
            // off-on, then on-off: a drift in the machine's load hits both modes alike
            for (boolean withMetrics : r % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                Measurement m = measure(plan, withMetrics ? session : null, false);
                (withMetrics ? on : off).add(m);
                failed += m.failed();
                out.printf(Locale.ROOT, "metrics %-3s #%d: %d completed, %d failed in %.2f s (GC pauses %.0f ms, "
                        + "%.2f s CPU, JIT %d ms, %s allocated): %.1f episodes/s, %.1f actions/s, peak heap %.1f MiB%n",
                        withMetrics ? "on" : "off", r + 1, m.completed(), m.failed(), m.seconds(), m.gcSeconds() * 1e3,
                        m.cpuSeconds(), m.jitMillis(), mebibytes(m.allocated()), m.episodesPerSecond(),
                        m.actionsPerSecond(), m.peakHeap() / 1048576.0);
                out.flush();
            }
        }
        // The headline is the median of the paired ratios: each run with metrics against its
        // neighbouring run without, so drift in the machine's load cancels out. Beside it: the
        // same ratio of the runs' time without the collector's pauses (whether a pause falls in a
        // run, and when, moves it by up to 10% either way; metrics allocate a small share of a
        // run's bytes, printed per mode so that shows), the CPU time, the fastest runs and the
        // spread, so a noisy machine shows as one.
        Measurement bestOff = off.stream().min(java.util.Comparator.comparingDouble(Measurement::seconds)).orElseThrow();
        Measurement bestOn = on.stream().min(java.util.Comparator.comparingDouble(Measurement::seconds)).orElseThrow();
        double[] paired = new double[repeats];
        double[] pairedMutator = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            paired[r] = on.get(r).seconds() / off.get(r).seconds();
            pairedMutator[r] = on.get(r).mutatorSeconds() / off.get(r).mutatorSeconds();
        }
        double[] sortedPairs = paired.clone();
        java.util.Arrays.sort(sortedPairs);
        for (var mode : List.of(java.util.Map.entry("off", off), java.util.Map.entry("on ", on))) {
            List<Measurement> ms = mode.getValue();
            Measurement best = mode.getKey().equals("off") ? bestOff : bestOn;
            double medianSeconds = median(ms.stream().mapToDouble(Measurement::seconds).toArray());
            double medianAllocated = median(ms.stream().mapToDouble(Measurement::allocated).toArray());
            out.printf(Locale.ROOT, "metrics %s: median %.1f episodes/s, %.1f actions/s; best %.1f episodes/s; "
                    + "GC pauses %.0f ms a run; allocated %s a run (%.1f KiB an episode); peak heap %.1f MiB%n",
                    mode.getKey(), episodeCount / medianSeconds, ms.get(0).actions() / medianSeconds,
                    best.episodesPerSecond(), median(ms.stream().mapToDouble(Measurement::gcSeconds).toArray()) * 1e3,
                    mebibytes((long) medianAllocated), medianAllocated / episodeCount / 1024,
                    ms.stream().mapToLong(Measurement::peakHeap).max().orElse(0) / 1048576.0);
        }
        double ratio = median(paired);
        out.printf(Locale.ROOT, "overhead ratio (time with metrics / time without, median of %d pairs): %.3f "
                + "(target <= 1.05%s)%n", repeats, ratio, ratio <= 1.05 ? ", met" : ", NOT met");
        out.printf(Locale.ROOT, "  pairs range %.3f..%.3f; GC pauses left out %.3f; best runs %.3f", sortedPairs[0],
                sortedPairs[sortedPairs.length - 1], median(pairedMutator), bestOn.seconds() / bestOff.seconds());
        double cpuOff = median(off.stream().mapToDouble(Measurement::cpuSeconds).toArray());
        double cpuOn = median(on.stream().mapToDouble(Measurement::cpuSeconds).toArray());
        if (cpuOff > 0) {
            out.printf(Locale.ROOT, "; CPU time %.2f s off, %.2f s on (medians), ratio %.3f", cpuOff, cpuOn, cpuOn / cpuOff);
        }
        out.println();
        return failed > 0 ? ParleyCommand.RUN_FAILED : ParleyCommand.OK;
    }

    /**
     * Keeps the heap at the size the warm-up grows it to. Each run starts after a full collection,
     * and after a full collection the JVM gives back heap it finds more than 70% free; the next
     * run then spends its first part collecting often and growing the heap again, by an amount
     * that differs from run to run. A long run keeps its heap, so the benchmark does too (the
     * setting is changed in this JVM only, while it measures). With a fixed heap
     * ({@code -Xms} equal to {@code -Xmx}) there is nothing to do.
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

    /**
     * One timed run. {@code gcSeconds} is the time the run's threads stood still for the collector;
     * {@code allocated} the bytes the JVM's threads allocated during the run, or -1 when the JVM
     * does not say.
     */
    record Measurement(double seconds, double cpuSeconds, long jitMillis, double gcSeconds, long allocated,
                       int completed, int failed, long actions, long peakHeap) {
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

    private static String mebibytes(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /**
     * Runs the plan once. With metrics, the run records through the session's exporter while its
     * scraper reads {@code /metrics} over HTTP every second, as Prometheus would.
     */
    private static Measurement measure(RunPlan plan, BenchMetrics metrics, boolean collectFirst) {
        var counter = new Counter();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        if (collectFirst) {
            System.gc();
        }
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        // Both modes fan out through the same composite listener, as every real run does (results
        // writer, progress, recorder): the ratio then measures the metrics listener itself.
        RunListener listener = metrics == null ? RunListener.all(List.of(counter))
                : RunListener.all(List.of(counter, metrics.resume()));
        try {
            var jit = ManagementFactory.getCompilationMXBean();
            long jitStart = jit.getTotalCompilationTime();
            long gcStart = gcPauseMillis();
            long allocatedStart = allocatedBytes();
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            RunReport report = Simulation.run(plan, listener);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuNanos() - cpuStart) / 1e9;
            long allocated = allocatedBytes() - allocatedStart;
            double gcSeconds = (gcPauseMillis() - gcStart) / 1e3;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            return new Measurement(seconds, cpu, jit.getTotalCompilationTime() - jitStart, gcSeconds,
                    allocatedStart < 0 ? -1 : allocated, report.completed(), report.failed(), counter.actions.sum(), peak);
        } finally {
            if (metrics != null) {
                metrics.pause();
            }
        }
    }

    /** Counts actions; nothing else, so the benchmark measures the kernel and the minds. */
    static final class Counter implements RunListener {
        final LongAdder actions = new LongAdder();
        final LongAdder finished = new LongAdder();

        @Override
        public void actionDecided(EpisodePlan episode, String role, Action action, Duration latency) {
            actions.increment();
        }

        @Override
        public void episodeFinished(EpisodeResult result, Duration duration) {
            finished.increment();
        }
    }
}
