package org.parley.scenarios.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.runtime.coordination.ConditionCoordination;
import org.parley.runtime.episode.EpisodeResolver;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.output.CoordinationLog;
import org.parley.runtime.output.CoordinationSection;
import org.parley.runtime.output.ResultsTable;
import org.parley.runtime.output.ResultsWriter;
import org.parley.runtime.output.ResumeState;
import org.parley.runtime.output.Summary;
import org.parley.runtime.output.SummaryFile;
import org.parley.runtime.output.TranscriptWriter;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.RunPlan;
import org.parley.scenarios.llm.ModelOptions;
import org.parley.scenarios.load.ScenarioException;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.model.AgentSpec;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.model.ResolvedCondition;
import org.parley.scenarios.plan.RunOptions;
import org.parley.scenarios.plan.RunPlanner;

/**
 * A run folder ready to run: the manifest written, the plan of the episodes still to do, the
 * resolver that builds them, and the writers of the run's outputs. This is the path from a scenario
 * file to {@code Simulation.run}:
 *
 * <pre>{@code
 * LoadedScenario s = ScenarioLoader.standard().load(file, sets);
 * PreparedRun run = PreparedRun.fresh(s, options, outDir, Clock.systemDefaultZone());   // or PreparedRun.resume(dir, force, loader)
 * RunReport report = Simulation.run(run.plan(), run.resolver(), run.sinks(List.of(progress)));
 * List<Summary.ConditionSummary> summary = run.finish();   // summary.json
 * }</pre>
 */
public final class PreparedRun {
    public static final String RESULTS = "results.csv";
    public static final String SUMMARY = "summary.json";

    private final Path dir;
    private final RunManifest manifest;
    private final LoadedScenario scenario;
    private final RunPlan plan;
    private final ResultsWriter results;
    private final int alreadyFinished;
    private final CoordinationLog coordinationLog;
    private final RunModels models;
    private final ScenarioResolver resolver;

    private PreparedRun(Path dir, RunManifest manifest, LoadedScenario scenario, RunPlan plan, ResultsWriter results,
            int alreadyFinished, RunModels models) {
        this.coordinationLog = new CoordinationLog(dir.resolve(CoordinationLog.FILE), manifest.conditionNames());
        this.resolver = new ScenarioResolver(scenario, models);
        this.dir = dir;
        this.manifest = manifest;
        this.scenario = scenario;
        this.plan = plan;
        this.results = results;
        this.alreadyFinished = alreadyFinished;
        this.models = models;
    }

    /**
     * Starts a new run folder.
     *
     * @param out the run folder ({@code --out}), or null for {@code <output.dir>/<scenario>-<yyyyMMdd-HHmmss>}
     */
    public static PreparedRun fresh(LoadedScenario scenario, RunOptions options, Path out, Clock clock)
            throws IOException, RunSetupException {
        return fresh(scenario, options, out, clock, ModelOptions.defaults());
    }

    /**
     * As {@link #fresh(LoadedScenario, RunOptions, Path, Clock)}, with how the run reaches its models.
     * The gateways of the models its agents and judges use are built and checked first: a missing
     * API key variable or an unknown model is a {@link RunSetupException} and no folder is written.
     */
    public static PreparedRun fresh(LoadedScenario scenario, RunOptions options, Path out, Clock clock,
            ModelOptions modelOptions) throws IOException, RunSetupException {
        LocalDateTime now = LocalDateTime.now(clock);
        Path dir = out;
        if (dir == null) {
            Path parent = Path.of(scenario.base().output().dir());
            String name = scenario.name() + "-" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            dir = parent.resolve(name);
            // two runs started in the same second get their own folders
            for (int n = 2; Files.exists(dir); n++) {
                dir = parent.resolve(name + "-" + n);
            }
        }
        if (Files.exists(dir.resolve(RunManifest.FILE))) {
            throw new RunSetupException("run folder " + dir + " already holds a run; use --resume " + dir
                    + " to finish it, or choose another --out");
        }
        String runId = dir.toAbsolutePath().normalize().getFileName().toString();
        RunModels models = RunModels.open(scenario, modelOptions, dir);
        try {
            RunManifest manifest = manifest(scenario, options, runId, now.toString());
            manifest.write(dir);
            RunPlan plan = RunPlanner.plan(scenario, options, runId, Set.of());
            var writer = new ResultsWriter(dir.resolve(RESULTS), runId, manifest.conditionNames(), manifest.agentIds());
            return new PreparedRun(dir, manifest, scenario, plan, writer, 0, models);
        } catch (IOException | RuntimeException e) {
            models.close();
            throw e;
        }
    }

    /**
     * Continues an interrupted run: the same scenario, overrides, seed and episode count as its
     * manifest says; only episodes without complete results run.
     *
     * @param force run even though the scenario or a persona file changed since the run started
     */
    public static PreparedRun resume(Path dir, boolean force, ScenarioLoader loader)
            throws IOException, RunSetupException, ScenarioException {
        return resume(dir, force, null, loader);
    }

    /**
     * As {@link #resume(Path, boolean, ScenarioLoader)}, with another number of episodes at once
     * ({@code --parallel}; null keeps the run's). Parallelism does not change any result.
     */
    public static PreparedRun resume(Path dir, boolean force, Integer parallel, ScenarioLoader loader)
            throws IOException, RunSetupException, ScenarioException {
        return resume(dir, force, parallel, loader, ModelOptions.defaults());
    }

    /** As {@link #resume(Path, boolean, Integer, ScenarioLoader)}, with how the run reaches its models. */
    public static PreparedRun resume(Path dir, boolean force, Integer parallel, ScenarioLoader loader,
            ModelOptions modelOptions) throws IOException, RunSetupException, ScenarioException {
        RunManifest m = manifestOf(dir);
        LoadedScenario scenario = scenarioForResume(dir, loader);
        List<String> changed = new ArrayList<>();
        m.fileHashes().forEach((path, hash) -> {
            String now = scenario.fileHashes().get(path);
            if (now == null || !now.equals(hash)) {
                changed.add(path);
            }
        });
        scenario.fileHashes().keySet().stream().filter(p -> !m.fileHashes().containsKey(p)).forEach(changed::add);
        if (!changed.isEmpty() && !force) {
            throw new RunSetupException("the scenario changed since this run started (" + String.join(", ", changed)
                    + "); resuming would mix results of two scenarios. Start a new run, or add --force to resume anyway");
        }
        var options = new RunOptions(m.episodesOption(), m.seedOption(), parallel != null ? parallel : m.parallel());
        Path resultsFile = dir.resolve(RESULTS);
        int agents = scenario.base().agents().size();
        Set<String> finished = ResumeState.finishedEpisodes(resultsFile, agents);
        // An episode's results rows are written before its coordination line; a kill between the
        // two leaves an episode the summary's coordination figures would miss, so it runs again.
        Path coordination = dir.resolve(CoordinationLog.FILE);
        finished.retainAll(CoordinationLog.read(coordination, finished).keySet());
        ResumeState.cleanUp(resultsFile, finished);
        CoordinationLog.cleanUp(coordination, finished);
        RunModels models = RunModels.open(scenario, modelOptions, dir);
        RunPlan plan = RunPlanner.plan(scenario, options, m.runId(), finished);
        ResumeState.removeUnfinishedTranscripts(dir, plan.episodes().stream().map(EpisodeSpec::id).toList());
        var writer = new ResultsWriter(resultsFile, m.runId(), m.conditionNames(), m.agentIds());
        return new PreparedRun(dir, m, scenario, plan, writer, finished.size(), models);
    }

    /** The scenario of a run folder as its manifest loaded it (file and --set overrides), to resume it. */
    public static LoadedScenario scenarioForResume(Path dir, ScenarioLoader loader)
            throws IOException, RunSetupException, ScenarioException {
        RunManifest m = manifestOf(dir);
        Path file = Path.of(m.fileAbsolute());
        if (!Files.exists(file)) {
            throw new RunSetupException("the run's scenario file " + file + " no longer exists");
        }
        return loader.load(file, m.sets());
    }

    private static RunManifest manifestOf(Path dir) throws IOException, RunSetupException {
        if (!Files.exists(dir.resolve(RunManifest.FILE))) {
            throw new RunSetupException(dir + " is not a run folder (no " + RunManifest.FILE + ")");
        }
        return RunManifest.read(dir);
    }

    static RunManifest manifest(LoadedScenario s, RunOptions options, String runId, String started) {
        List<RunManifest.ConditionEntry> conditions = new ArrayList<>();
        for (ResolvedCondition c : s.conditions()) {
            Map<String, String> minds = new LinkedHashMap<>();
            for (AgentSpec a : c.scenario().agents()) {
                minds.put(a.id(), a.mind().describe());
            }
            conditions.add(new RunManifest.ConditionEntry(c.name(), c.condition().description(), c.tree(), minds));
        }
        List<EpisodeSpec> planned = RunPlanner.episodes(s, options);
        List<RunManifest.EpisodeEntry> episodes = null;
        if (planned.size() <= RunManifest.MAX_LISTED) {
            episodes = new ArrayList<>();
            for (EpisodeSpec e : planned) {
                episodes.add(new RunManifest.EpisodeEntry(e.id(), e.condition(), e.index(), e.seed()));
            }
        }
        return new RunManifest(runId, s.name(), s.file().toString(), s.file().toAbsolutePath().normalize().toString(),
                s.fileHashes(), s.sets(), options.episodes(), options.seed(), RunPlanner.parallel(s, options),
                RunPlanner.seed(s, options), Versions.parley(), Versions.java(), started, RunManifest.SEED_DERIVATION,
                s.resolved(), conditions, planned.size(), episodes);
    }

    public Path dir() {
        return dir;
    }

    public RunManifest manifest() {
        return manifest;
    }

    public LoadedScenario scenario() {
        return scenario;
    }

    /** The episodes still to run. */
    public RunPlan plan() {
        return plan;
    }

    /** Episodes finished before this session (resume). */
    public int alreadyFinished() {
        return alreadyFinished;
    }

    public int plannedTotal() {
        return manifest.planned();
    }

    public ResultsWriter results() {
        return results;
    }

    /** Builds this run's episodes from their specs (environment, minds, judges). */
    public EpisodeResolver resolver() {
        return resolver;
    }

    /**
     * The sinks of a run, in the order they hear every event: the transcript writer, the results
     * writer and the coordination log (the run folder's outputs), then {@code others} (progress,
     * metrics, an embedder's own) in their order.
     */
    public List<EventSink> sinks(List<? extends EventSink> others) {
        List<EventSink> all = new ArrayList<>();
        all.add(new TranscriptWriter(dir));
        all.add(results);
        all.add(coordinationLog);
        all.addAll(others);
        return all;
    }

    /** This session's timing figures by condition (round-barrier stragglers, action latency), for the console. */
    public Map<String, CoordinationLog.SessionTiming> timing() {
        return coordinationLog.timing();
    }

    /** The run's model gateways ({@link RunModels#NONE} without models). */
    public RunModels models() {
        return models;
    }

    /**
     * Writes summary.json from all of results.csv (sorted by the results writer when the run
     * finished) and coordination.jsonl; returns the per-condition figures. With models, appends
     * their usage to {@code llm-usage.csv} and closes the gateways. After a run that stopped early
     * it also puts both files in order.
     */
    public List<Summary.ConditionSummary> finish() throws IOException {
        try {
            models.writeUsage(dir.resolve(RunModels.USAGE));
        } finally {
            models.close();
        }
        results.finish();
        coordinationLog.runFinished(null);
        return writeSummary(dir, manifest);
    }

    /**
     * (Re)writes summary.json of a run folder from its results.csv, with each condition's
     * {@code coordination} section from coordination.jsonl when the run logged one.
     */
    public static List<Summary.ConditionSummary> writeSummary(Path dir, RunManifest manifest) throws IOException {
        ResultsTable table = ResultsTable.read(dir.resolve(RESULTS));
        var summaries = Summary.compute(table, manifest.conditionNames());
        Path file = dir.resolve(SUMMARY);
        SummaryFile.write(file, manifest.runId(), summaries, baseline(manifest));
        CoordinationSection.write(file, coordination(dir, manifest, summaries));
        return summaries;
    }

    /**
     * The dashboards' coordination and barrier figures per condition over every finished episode
     * of the run folder, in condition and index order; empty when the run logged none.
     */
    public static List<ConditionCoordination> coordination(Path dir, RunManifest manifest,
            List<Summary.ConditionSummary> summaries) throws IOException {
        Set<String> finished = ResumeState.finishedEpisodes(dir.resolve(RESULTS), manifest.agentIds().size());
        return CoordinationSection.compute(CoordinationLog.read(dir.resolve(CoordinationLog.FILE), finished), summaries);
    }

    /** The condition every other one is compared with in summary.json and on the console: the first declared. */
    public static String baseline(RunManifest manifest) {
        return manifest.conditionNames().size() > 1 ? manifest.conditionNames().get(0) : null;
    }

    /** Ids of finished episodes in a run folder, for tests and {@code show}. */
    public static Set<String> finishedEpisodes(Path dir, int agents) throws IOException {
        return new LinkedHashSet<>(ResumeState.finishedEpisodes(dir.resolve(RESULTS), agents));
    }
}
