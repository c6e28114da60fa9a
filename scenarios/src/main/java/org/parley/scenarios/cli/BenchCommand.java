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
 * figures, not a test: it passes or fails only on whether the episodes completed.
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadedScenario scenario;
        try {
            scenario = ScenarioLoader.standard().load(file, sets);
        } catch (ScenarioException e) {
            return Reporting.problems(spec.commandLine().getErr(), e);
        }
        String condition = scenario.conditionNames().get(0);
        var options = new RunOptions(episodes, seed, parallel != null ? parallel : episodes);
        RunPlan all = RunPlanner.plan(scenario, options, "bench", Set.of());
        List<EpisodePlan> chosen = all.episodes().stream().filter(e -> e.condition().equals(condition)).toList();
        RunPlan plan = new RunPlan(all.runId(), all.scenario(), all.environment(), chosen, all.parallelism(),
                all.timestamps());
        var counter = new Counter();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        out.printf("bench: %d episodes of %s (condition %s), %d at once, %d cores, java %s%n", chosen.size(),
                scenario.name(), condition, plan.parallelism(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.flush();
        long start = System.nanoTime();
        RunReport report = Simulation.run(plan, counter);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        out.printf(Locale.ROOT, "episodes: %d completed, %d failed in %.2f s%n", report.completed(), report.failed(), seconds);
        out.printf(Locale.ROOT, "episodes/s: %.1f%n", chosen.size() / seconds);
        out.printf(Locale.ROOT, "actions/s: %.1f (%d actions)%n", counter.actions.sum() / seconds, counter.actions.sum());
        out.printf(Locale.ROOT, "peak heap: %.1f MiB (max %.1f MiB)%n", peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        return report.failed() > 0 ? ParleyCommand.RUN_FAILED : ParleyCommand.OK;
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
