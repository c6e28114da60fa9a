package org.parley.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.parley.runtime.Simulation;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunReport;
import org.parley.scenarios.load.ScenarioException;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.plan.RunOptions;
import org.parley.scenarios.run.PreparedRun;
import org.parley.scenarios.run.RunListenerProvider;
import org.parley.scenarios.run.RunSetupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley run <file>}: runs every condition × episode and writes the run folder. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = ParleyCommand.Version.class, description = "Run a scenario file (or --resume an interrupted run).", sortOptions = false)
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
        try {
            PreparedRun run = prepare(err);
            if (run == null) {
                return ParleyCommand.INVALID_INPUT;
            }
            int toRun = run.plan().episodes().size();
            if (!quiet) {
                out.printf("Run %s: %d episodes (%d conditions), %d to run, %d at a time -> %s%n",
                        run.manifest().runId(), run.plannedTotal(), run.manifest().conditions().size(), toRun,
                        run.plan().parallelism(), run.dir());
                out.flush();
            }
            int failed = 0;
            if (toRun > 0) {
                try (Progress progress = Progress.create(out, run.plannedTotal(), run.alreadyFinished(), quiet)) {
                    List<RunListener> listeners = new ArrayList<>();
                    listeners.add(progress);
                    for (RunListenerProvider provider : ServiceLoader.load(RunListenerProvider.class)) {
                        RunListener l = provider.create(run);
                        if (l != null) {
                            listeners.add(l);
                        }
                    }
                    RunReport report = Simulation.run(run.plan(), run.listener(listeners));
                    failed = report.failed();
                }
            } else if (!quiet) {
                out.println("Every episode of this run has finished already.");
            }
            var summaries = run.finish();
            if (!quiet) {
                out.println();
                SummaryTable.print(out, summaries);
                out.println();
                out.println("Outputs: " + run.dir().resolve(PreparedRun.RESULTS) + ", "
                        + run.dir().resolve(PreparedRun.SUMMARY));
            }
            int failedTotal = summaries.stream().mapToInt(s -> s.failed()).sum();
            if (failed > 0 || failedTotal > 0) {
                err.println("parley: " + failedTotal + " episode(s) failed; see " + run.dir().resolve(PreparedRun.RESULTS));
                return ParleyCommand.RUN_FAILED;
            }
            return ParleyCommand.OK;
        } catch (ScenarioException e) {
            return Reporting.problems(err, e);
        } catch (RunSetupException | IllegalArgumentException e) {
            err.println("parley: " + e.getMessage());
            return ParleyCommand.INVALID_INPUT;
        } catch (IOException e) {
            err.println("parley: cannot write the run folder: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            return ParleyCommand.RUN_FAILED;
        }
    }

    private PreparedRun prepare(PrintWriter err) throws ScenarioException, RunSetupException, IOException {
        ScenarioLoader loader = ScenarioLoader.standard();
        if (resume != null) {
            if (file != null || episodes != null || seed != null || !sets.isEmpty() || out != null) {
                err.println("parley: --resume takes the scenario, --set, --episodes, --seed and the folder from the run's "
                        + "manifest; give only --resume RUN_DIR (and --parallel, --force)");
                return null;
            }
            return PreparedRun.resume(resume, force, parallel, loader, llm.toModelOptions());
        }
        if (file == null) {
            err.println("parley: missing FILE (or --resume RUN_DIR)");
            spec.commandLine().usage(err);
            return null;
        }
        LoadedScenario scenario = loader.load(file, sets);
        return PreparedRun.fresh(scenario, new RunOptions(episodes, seed, parallel), out, Clock.systemDefaultZone(),
                llm.toModelOptions());
    }
}
