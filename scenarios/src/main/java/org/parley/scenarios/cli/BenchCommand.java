package org.parley.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.kernel.KernelBenchmark;
import org.parley.runtime.kernel.Simulation;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.RunPlan;
import org.parley.scenarios.load.ScenarioException;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.plan.RunOptions;
import org.parley.scenarios.plan.RunPlanner;
import org.parley.scenarios.run.ScenarioResolver;
import org.parley.scenarios.run.PreparedRun;
import org.parley.scenarios.run.RunSetupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley bench FILE}: benchmarks that print figures (never a timed test). By default a scale
 * smoke run: many episodes of the scenario's first condition at once, without outputs, printing
 * episodes/s, actions/s and peak heap. With a comparison flag it measures, in one JVM after a
 * warm-up, alternating runs of two kinds and prints their ratio against a target:
 * {@code --with-outputs} (runs that write a run folder against runs that write nothing),
 * {@code --compare-metrics} (runs that write a run folder, with and without the metrics endpoint),
 * {@code --kernel-vs-pekko} (messages through the kernel against messages between bare Pekko actors).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Benchmarks: episodes/s of a scenario, and the costs of outputs, metrics and the kernel as ratios.")
final class BenchCommand implements Callable<Integer> {
    static final double OUTPUTS_TARGET = 0.7;
    static final double METRICS_TARGET = 1.05;
    static final double KERNEL_TARGET = 0.5;
    /** Warm-up rounds of --kernel-vs-pekko before it measures. */
    static final int KERNEL_WARM_UPS = 8;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The scenario file (YAML); its first condition is used.")
    Path file;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "10000", description = "Episodes per run (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--parallel", paramLabel = "N", description = "Episodes at once (default: all of them for the smoke run; "
            + "the scenario's parallel, as parley run uses, for the comparisons).")
    Integer parallel;

    @Option(names = "--seed", paramLabel = "SEED", description = "Run seed (default: the scenario's).")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a scenario value (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--metrics", description = "Smoke run with the metrics endpoint on (127.0.0.1, a free port, scraped every second).")
    boolean metrics;

    @Option(names = "--with-outputs", description = "Compare runs that write a run folder (transcripts, results, summary) "
            + "with runs that write nothing; print both episodes/s and the ratio (target >= " + OUTPUTS_TARGET + ").")
    boolean withOutputs;

    @Option(names = "--compare-metrics", description = "Compare runs that write a run folder with and without the metrics "
            + "endpoint; print the overhead ratio (target <= " + METRICS_TARGET + ").")
    boolean compareMetrics;

    @Option(names = "--kernel-vs-pekko", description = "Pass the same number of messages through the kernel (two agents, a "
            + "trivial environment and mind) and between two bare Pekko actors; print the ratio (target >= "
            + KERNEL_TARGET + "). FILE is not needed.")
    boolean kernelVsPekko;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "10", description = "Measurements per kind in a comparison "
            + "(default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--turns", paramLabel = "N", defaultValue = "20", description = "With --kernel-vs-pekko: turns per episode "
            + "(default: ${DEFAULT-VALUE}).")
    int turns;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (episodes < 1 || repeats < 1 || turns < 1 || (parallel != null && parallel < 1)) {
            err.println("parley: --episodes, --repeats, --turns and --parallel must be at least 1");
            return ExitCodes.INVALID_INPUT;
        }
        int modes = (withOutputs ? 1 : 0) + (compareMetrics ? 1 : 0) + (kernelVsPekko ? 1 : 0) + (metrics ? 1 : 0);
        if (modes > 1) {
            err.println("parley: choose one of --metrics, --with-outputs, --compare-metrics and --kernel-vs-pekko");
            return ExitCodes.INVALID_INPUT;
        }
        if (kernelVsPekko) {
            return kernelVsPekko(out);
        }
        if (file == null) {
            err.println("parley: missing FILE (a scenario to benchmark)");
            return ExitCodes.INVALID_INPUT;
        }
        LoadedScenario scenario;
        try {
            scenario = ScenarioLoader.standard().load(file, sets);
        } catch (ScenarioException e) {
            return Reporting.problems(err, e);
        }
        boolean comparison = withOutputs || compareMetrics;
        int atOnce = parallel != null ? parallel : comparison ? RunPlanner.parallel(scenario, RunOptions.none()) : episodes;
        var options = new RunOptions(episodes, seed, atOnce);
        String condition = scenario.conditionNames().get(0);
        RunPlan plan = firstCondition(RunPlanner.plan(scenario, options, "bench", Set.of()), condition);
        out.printf("bench: %d episodes of %s (condition %s), %d at once, %d cores, java %s%n", plan.episodes().size(),
                scenario.name(), condition, plan.parallelism(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.flush();
        var resolver = new ScenarioResolver(scenario);
        if (!comparison) {
            BenchRun m;
            if (metrics) {
                try (var session = new BenchMetrics()) {
                    m = BenchRun.measure(() -> Simulation.run(plan, resolver, List.of(session.resume())), true);
                    session.pause();
                }
            } else {
                m = BenchRun.measure(() -> Simulation.run(plan, resolver, List.of()), true);
            }
            out.printf(Locale.ROOT, "episodes: %d completed, %d failed in %.2f s (%.2f s CPU)%s%n", m.completed(),
                    m.failed(), m.seconds(), m.cpuSeconds(), metrics ? " (metrics on)" : "");
            out.printf(Locale.ROOT, "episodes/s: %.1f%n", m.episodesPerSecond());
            out.printf(Locale.ROOT, "actions/s: %.1f (%d actions)%n", m.actionsPerSecond(), m.actions());
            out.printf(Locale.ROOT, "peak heap: %.1f MiB (max %.1f MiB)%n", m.peakHeap() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            return m.failed() > 0 ? ExitCodes.RUN_FAILED : ExitCodes.OK;
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("parley-bench");
        } catch (IOException e) {
            err.println("parley: cannot create a folder for the benchmark's run folders: " + e.getMessage());
            return ExitCodes.RUN_FAILED;
        }
        try (var session = compareMetrics ? new BenchMetrics() : null) {
            var folders = new RunFolders(scenario, options, condition, scratch);
            PairedComparison.Mode bare = new PairedComparison.Mode("no outputs",
                    () -> BenchRun.measure(() -> Simulation.run(plan, resolver, List.of()), false));
            PairedComparison.Mode written = new PairedComparison.Mode("outputs", () -> folders.measure(List.of()));
            if (withOutputs) {
                var result = PairedComparison.run(bare, written, repeats, plan.episodes().size(), out);
                double[] throughput = new double[repeats];
                for (int i = 0; i < repeats; i++) {
                    throughput[i] = 1 / result.ratios()[i];
                }
                double ratio = PairedComparison.median(throughput);
                out.printf(Locale.ROOT, "outputs ratio (episodes/s writing a run folder / episodes/s writing nothing, "
                        + "median of %d pairs): %.3f (target >= %.2f%s)%n", repeats, ratio, OUTPUTS_TARGET,
                        ratio >= OUTPUTS_TARGET ? ", met" : ", NOT met");
                out.println(PairedComparison.spread(result));
                return result.failed() > 0 ? ExitCodes.RUN_FAILED : ExitCodes.OK;
            }
            PairedComparison.Mode watched = new PairedComparison.Mode("outputs+metrics", () -> {
                try {
                    return folders.measure(List.of(session.resume()));
                } finally {
                    session.pause();
                }
            });
            session.warmUpScrapes(300, 20);
            var result = PairedComparison.run(written, watched, repeats, plan.episodes().size(), out);
            double ratio = result.medianRatio();
            out.printf(Locale.ROOT, "metrics overhead ratio (time with metrics / time without, both writing a run folder, "
                    + "median of %d pairs): %.3f (target <= %.2f%s)%n", repeats, ratio, METRICS_TARGET,
                    ratio <= METRICS_TARGET ? ", met" : ", NOT met");
            out.println(PairedComparison.spread(result));
            return result.failed() > 0 ? ExitCodes.RUN_FAILED : ExitCodes.OK;
        } finally {
            delete(scratch);
        }
    }

    private int kernelVsPekko(PrintWriter out) {
        int atOnce = parallel != null ? parallel : 64;
        int runs = Math.min(episodes, 20_000);
        out.printf(Locale.ROOT, "bench: kernel vs bare Pekko, %d episodes of %d turns (%d messages a side), %d at once, "
                + "%d cores, java %s%n", runs, turns, KernelBenchmark.messages(runs, turns), atOnce,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        // Both sides are several times slower in their first rounds, while the JIT compiles them.
        for (int w = 0; w < KERNEL_WARM_UPS; w++) {
            KernelBenchmark.kernelVsPekko(runs, turns, atOnce, w % 2 == 0);
        }
        out.printf("warm-up: %d rounds of both%n", KERNEL_WARM_UPS);
        double[] ratios = new double[repeats];
        double[] kernel = new double[repeats];
        double[] pekko = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            var f = KernelBenchmark.kernelVsPekko(runs, turns, atOnce, r % 2 == 0);
            ratios[r] = f.ratio();
            kernel[r] = f.kernelMessagesPerSecond();
            pekko[r] = f.pekkoMessagesPerSecond();
            out.printf(Locale.ROOT, "#%d: kernel %.0f messages/s, bare Pekko %.0f messages/s, ratio %.3f%n", r + 1,
                    kernel[r], pekko[r], ratios[r]);
            out.flush();
        }
        double ratio = PairedComparison.median(ratios);
        out.printf(Locale.ROOT, "kernel ratio (kernel messages/s / bare Pekko messages/s, median of %d): %.3f "
                + "(target >= %.2f%s); medians %.0f and %.0f messages/s%n", repeats, ratio, KERNEL_TARGET,
                ratio >= KERNEL_TARGET ? ", met" : ", NOT met", PairedComparison.median(kernel), PairedComparison.median(pekko));
        return ExitCodes.OK;
    }

    private static RunPlan firstCondition(RunPlan all, String condition) {
        List<EpisodeSpec> chosen = all.episodes().stream().filter(e -> e.condition().equals(condition)).toList();
        return new RunPlan(all.runId(), all.scenario(), all.environment(), chosen, all.parallelism(), all.timestamps());
    }

    /** Runs that write a real run folder (a fresh one each time, deleted after it is measured). */
    private record RunFolders(LoadedScenario scenario, RunOptions options, String condition, Path scratch) {
        BenchRun measure(List<EventSink> extra) {
            Path dir = scratch.resolve("run-" + System.nanoTime());
            try {
                PreparedRun run = PreparedRun.fresh(scenario, options, dir, Clock.systemUTC());
                RunPlan plan = firstCondition(run.plan(), condition);
                return BenchRun.measure(() -> {
                    var report = Simulation.run(plan, run.resolver(), run.sinks(extra));
                    try {
                        run.finish();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return report;
                }, false);
            } catch (IOException | RunSetupException e) {
                throw new IllegalStateException("cannot write the benchmark's run folder " + dir + ": " + e.getMessage(), e);
            } finally {
                delete(dir);
            }
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is not worth failing the benchmark
        }
    }
}
