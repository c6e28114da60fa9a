package org.parley.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.kernel.Simulation;
import org.parley.runtime.output.Comparison;
import org.parley.runtime.run.RunReport;
import org.parley.monitoring.MetricsExporter;
import org.parley.scenarios.load.Durations;
import org.parley.scenarios.load.ScenarioException;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.plan.RunOptions;
import org.parley.scenarios.run.PreparedRun;
import org.parley.scenarios.run.RunMonitoring;
import org.parley.scenarios.llm.GatewayMetrics;
import org.parley.scenarios.llm.ModelOptions;
import org.parley.scenarios.run.RunSetupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley run <file>}: runs every condition × episode and writes the run folder. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Run a scenario file (or --resume an interrupted run).", sortOptions = false)
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The scenario file (YAML).")
    Path file;

    @Option(names = "--episodes", paramLabel = "N", description = "Episodes per condition (default: the scenario's).")
    Integer episodes;

    @Option(names = "--parallel", paramLabel = "N", description = "Episodes run at once (default: the scenario's, else the number of cores).")
    Integer parallel;

    @Option(names = "--seed", paramLabel = "SEED", description = "Run seed (default: the scenario's).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: <output.dir>/<scenario>-<yyyyMMdd-HHmmss>).")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Finish an interrupted run: only episodes without results run.")
    Path resume;

    @Option(names = "--force", description = "With --resume: resume even though the scenario file changed.")
    boolean force;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a scenario value before conditions apply, e.g. --set limits.max-turns=10 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--metrics-port", paramLabel = "N", description = "Serve Prometheus metrics on 127.0.0.1:N "
            + "(default: the scenario's monitoring.port, else " + MetricsExporter.DEFAULT_PORT + "; 0 = any free port).")
    Integer metricsPort;

    @Option(names = "--no-metrics", description = "Do not serve /metrics (the summary still has every figure).")
    boolean noMetrics;

    @Option(names = "--linger", paramLabel = "DURATION", description = "Keep /metrics up this long after the run, "
            + "e.g. 30s, so Prometheus takes a final scrape (default: the scenario's monitoring.linger, else 0s).")
    String linger;

    @CommandLine.Mixin
    LlmRunOptions llm = new LlmRunOptions();

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Option(names = "--verbose", description = "Stack traces on internal errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration lingerFlag = null;
        if (linger != null) {
            lingerFlag = Durations.parse(linger);
            if (lingerFlag == null) {
                err.println("parley: --linger " + linger + ": " + Durations.HINT);
                return ExitCodes.INVALID_INPUT;
            }
        }
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            err.println("parley: --metrics-port " + metricsPort + ": a port is 0..65535 (0 picks a free one)");
            return ExitCodes.INVALID_INPUT;
        }
        if (noMetrics && (metricsPort != null || lingerFlag != null)) {
            err.println("parley: --no-metrics turns the endpoint off; drop --metrics-port and --linger, or --no-metrics");
            return ExitCodes.INVALID_INPUT;
        }
        RunMonitoring monitoring = null;
        try {
            PreparedRun run;
            ScenarioLoader loader = ScenarioLoader.standard();
            if (resume != null) {
                if (file != null || episodes != null || seed != null || !sets.isEmpty() || this.out != null) {
                    err.println("parley: --resume takes the scenario, --set, --episodes, --seed and the folder from the run's "
                            + "manifest; give only --resume RUN_DIR (and --parallel, --force, the metrics flags)");
                    return ExitCodes.INVALID_INPUT;
                }
                monitoring = startMonitoring(PreparedRun.scenarioForResume(resume, loader), lingerFlag);
                run = PreparedRun.resume(resume, force, parallel, loader, modelOptions(monitoring));
            } else {
                if (file == null) {
                    err.println("parley: missing FILE (or --resume RUN_DIR)");
                    spec.commandLine().usage(err);
                    return ExitCodes.INVALID_INPUT;
                }
                LoadedScenario scenario = loader.load(file, sets);
                // before the run folder exists, so a taken port leaves nothing behind
                monitoring = startMonitoring(scenario, lingerFlag);
                run = PreparedRun.fresh(scenario, new RunOptions(episodes, seed, parallel), this.out, Clock.systemDefaultZone(),
                        modelOptions(monitoring));
            }
            return execute(run, monitoring, out, err);
        } catch (ScenarioException e) {
            return Reporting.problems(err, e);
        } catch (RunSetupException | IllegalArgumentException e) {
            err.println("parley: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (IOException e) {
            err.println("parley: cannot write the run folder: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            return ExitCodes.RUN_FAILED;
        } finally {
            if (monitoring != null) {
                monitoring.close();
            }
        }
    }

    /** The run's model settings; with metrics served, the gateways report to the LLM meters. */
    private ModelOptions modelOptions(RunMonitoring monitoring) {
        ModelOptions options = llm.toModelOptions();
        return monitoring.exporter().map(e -> options.withObserver(new GatewayMetrics(e.llm()))).orElse(options);
    }

    private RunMonitoring startMonitoring(LoadedScenario scenario, Duration lingerFlag) throws RunSetupException {
        var settings = RunMonitoring.Settings.resolve(scenario.base().monitoring(), noMetrics, metricsPort, lingerFlag);
        return RunMonitoring.start(settings);
    }

    private int execute(PreparedRun run, RunMonitoring monitoring, PrintWriter out, PrintWriter err) throws IOException {
        int toRun = run.plan().episodes().size();
        monitoring.notice().ifPresent(n -> err.println("parley: " + n));
        if (!quiet) {
            out.printf("Run %s: %d episodes (%d conditions), %d to run, %d at a time -> %s%n",
                    run.manifest().runId(), run.plannedTotal(), run.manifest().conditions().size(), toRun,
                    run.plan().parallelism(), run.dir());
        }
        monitoring.url().ifPresent(url -> out.println("  metrics: " + url));
        out.flush();
        err.flush();
        int failed = 0;
        long actions = 0;
        double seconds = 0;
        if (toRun > 0) {
            try (Progress progress = Progress.create(out, run.plannedTotal(), run.alreadyFinished(), quiet)) {
                List<EventSink> sinks = new ArrayList<>();
                sinks.add(progress);
                monitoring.sink().ifPresent(sinks::add);
                long start = System.nanoTime();
                RunReport report;
                try {
                    report = Simulation.run(run.plan(), run.resolver(), run.sinks(sinks));
                } catch (IllegalStateException e) {
                    // A sink failed (a full disk, say): what was written stays, and --resume finishes the run.
                    err.println("parley: the run stopped: " + e.getMessage());
                    err.println("        what was written is kept; after fixing the cause, finish it with: parley run --resume "
                            + run.dir());
                    return ExitCodes.RUN_FAILED;
                }
                seconds = (System.nanoTime() - start) / 1e9;
                failed = report.failed();
                actions = report.actions();
            }
        } else if (!quiet) {
            out.println("Every episode of this run has finished already.");
        }
        var summaries = run.finish();
        if (!quiet) {
            out.println();
            SummaryTable.print(out, summaries);
            String baseline = PreparedRun.baseline(run.manifest());
            if (baseline != null) {
                SummaryTable.printComparisons(out, baseline, Comparison.against(baseline, summaries));
            }
            LiveFigures.print(out, PreparedRun.coordination(run.dir(), run.manifest(), summaries), run.timing(),
                    toRun, seconds, actions);
            out.println();
            out.println("Outputs: " + run.dir().resolve(PreparedRun.RESULTS) + ", "
                    + run.dir().resolve(PreparedRun.SUMMARY));
        }
        out.flush();
        Duration lingerFor = monitoring.settings().linger();
        if (monitoring.url().isPresent() && !lingerFor.isZero()) {
            if (!quiet) {
                out.println("  metrics: still serving " + monitoring.url().get() + " for " + Durations.format(lingerFor)
                        + " (Ctrl-C stops it; the outputs are written)");
                out.flush();
            }
            monitoring.linger();
        }
        int failedTotal = summaries.stream().mapToInt(s -> s.failed()).sum();
        if (failed > 0 || failedTotal > 0) {
            err.println("parley: " + failedTotal + " episode(s) failed; see " + run.dir().resolve(PreparedRun.RESULTS));
            return ExitCodes.RUN_FAILED;
        }
        return ExitCodes.OK;
    }
}
