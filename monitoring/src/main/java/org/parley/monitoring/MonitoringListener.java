package org.parley.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.parley.runtime.environment.Action;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.run.EpisodeListener;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.TranscriptEntry;

/**
 * Turns run events into metrics with bounded labels (scenario, condition, environment, role,
 * model, kind): never an agent id or an episode id.
 *
 * <p>Live series (episodes, actions, latency, backlog, round barriers) move as events arrive,
 * counted in per-thread cells ({@link ThreadCells}). Coordination and communication-barrier figures need
 * a whole episode — whether a question was ever answered, the final scores — so they are added
 * when an episode completes; failed episodes are left out of them. The rules are written down in
 * docs/metrics.md.
 *
 * <p>Thread-safe: episodes call in concurrently. A run keeps thousands of episodes in flight, so
 * what costs is memory an episode's call touches for the first time and atomic adds, not
 * arithmetic. The kernel holds each episode's tally as that episode's listener
 * ({@link #startEpisode}), so a call reaches it without a look-up; the tally finds an action's
 * meters in a small array shared by the condition's episodes (hot in every core's cache) and
 * increments them, without allocating.
 */
public final class MonitoringListener implements RunListener {
    static final String UNKNOWN = "unknown";
    /** The role label of episode-level scores. */
    static final String EPISODE_ROLE = "episode";

    private final PrometheusMeterRegistry registry;
    private final CellMeters cellMeters;
    private final Distributions distributions;
    private final LlmMetrics llm;
    private volatile String scenario = UNKNOWN;
    private volatile String environment = UNKNOWN;
    private final ConcurrentHashMap<String, ConditionMeters> conditions = new ConcurrentHashMap<>();
    /** Conditions in the order first seen (the plan's order), so summaries are stable. */
    private final CopyOnWriteArrayList<String> conditionOrder = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, EpisodeTally> episodes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> models = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> planned = new ConcurrentHashMap<>();
    private volatile Consumer<EpisodeCoordination> completedSink;
    /**
     * The running episodes' tallies of the current run by condition and episode index: finding one
     * reads an array slot instead of hashing the episode id and following a map node (each a cache
     * miss when thousands of episodes run). Episodes outside the run's plan use {@link #episodes}.
     */
    private volatile Map<String, AtomicReferenceArray<EpisodeTally>> slots = Map.of();

    /**
     * @param registry where meters go; one listener per registry
     * @param llm      the LLM metrics of the same registry; a rule-based run keeps its zero
     *                 placeholder series so dashboards render
     */
    public MonitoringListener(PrometheusMeterRegistry registry, LlmMetrics llm) {
        this.registry = registry;
        var cells = new ThreadCells();
        this.cellMeters = new CellMeters(registry, cells);
        this.distributions = new Distributions(registry.getPrometheusRegistry(), cells);
        this.llm = llm;
    }

    public MonitoringListener(PrometheusMeterRegistry registry) {
        this(registry, new LlmMetrics(registry));
    }

    public LlmMetrics llm() {
        return llm;
    }

    /**
     * Also hands each completed episode's coordination tallies to {@code sink} (called from the
     * episode's thread, concurrently for parallel episodes; null stops it).
     */
    public void onEpisodeCompleted(Consumer<EpisodeCoordination> sink) {
        this.completedSink = sink;
    }

    @Override
    public void runStarted(RunPlan plan) {
        var newScenario = plan.scenario() == null ? UNKNOWN : plan.scenario();
        var newEnvironment = plan.environment() == null ? UNKNOWN : plan.environment();
        if (!newScenario.equals(scenario) || !newEnvironment.equals(environment)) {
            // A listener reused for another scenario starts fresh meters under the new labels; the
            // old series stay in the registry with their final values.
            synchronized (this) {
                conditions.clear();
                conditionOrder.clear();
            }
        }
        scenario = newScenario;
        environment = newEnvironment;
        plannedEpisodes(scenario, environment).addAndGet(plan.episodes().size());
        var sizes = new java.util.HashMap<String, Integer>();
        for (var episode : plan.episodes()) {
            sizes.merge(episode.condition(), episode.index() + 1, Math::max);
        }
        var bySlot = new java.util.HashMap<String, AtomicReferenceArray<EpisodeTally>>();
        sizes.forEach((condition, size) -> bySlot.put(condition, new AtomicReferenceArray<>(size)));
        slots = bySlot;
        // Register every condition up front, so a dashboard lists them before their first episode.
        for (var episode : plan.episodes()) {
            if (!conditions.containsKey(episode.condition())) {
                conditionMeters(episode.condition());
            }
        }
    }

    /** Episodes planned per (scenario, environment): the denominator of the progress panel. */
    private AtomicLong plannedEpisodes(String scenario, String environment) {
        return planned.computeIfAbsent(scenario + '\u0000' + environment, key -> {
            var count = new AtomicLong();
            Gauge.builder(MetricNames.RUN_EPISODES_PLANNED, count, AtomicLong::get)
                    .description("Episodes planned for the run (progress = completed + failed over planned)")
                    .tags(MetricNames.SCENARIO, scenario, MetricNames.ENVIRONMENT, environment)
                    .strongReference(true).register(registry);
            return count;
        });
    }

    private ConditionMeters conditionMeters(String condition) {
        var meters = conditions.get(condition);
        return meters != null ? meters
                : conditions.computeIfAbsent(condition, c -> {
                    conditionOrder.add(c);
                    return new ConditionMeters(this, cellMeters, distributions, scenario, c, environment);
                });
    }

    /**
     * The kernel's way in: the episode's tally is its listener, so its calls reach the tally
     * without a look-up. It is also filed by condition and index, for calls that name the episode
     * by its plan and for an episode whose actor crashed before it could report.
     */
    @Override
    public EpisodeListener startEpisode(EpisodePlan episode) {
        return tally(episode);
    }

    @Override
    public void episodeStarted(EpisodePlan episode) {
        tally(episode);
    }

    /** The episode's tally, creating and filing it on the first call. */
    private EpisodeTally tally(EpisodePlan episode) {
        var tally = filed(episode.condition(), episode.index(), episode.id());
        if (tally != null && !tally.finished) {
            return tally;
        }
        var slot = slots.get(episode.condition());
        int index = episode.index();
        if (slot != null && index >= 0 && index < slot.length()) {
            tally = newTally(episode);
            // A release store, not a volatile one (which on x86 waits for every pending store of
            // the thread): only this episode's own calls write its slot, and whoever looks it up
            // later (the run's supervisor, for an episode whose actor died) learns of the episode
            // through a message sent after this.
            slot.setRelease(index, tally);
            return tally;
        }
        return episodes.computeIfAbsent(episode.id(), id -> newTally(episode));
    }

    /**
     * The running episode's tally filed under this condition, index and id, or null. An index the
     * run's slots cover is filed only there, so the map of other episodes is not consulted.
     */
    private EpisodeTally filed(String condition, int index, String id) {
        var slot = slots.get(condition);
        if (slot != null && index >= 0 && index < slot.length()) {
            var tally = slot.getAcquire(index);
            return tally != null && tally.plan.id().equals(id) ? tally : null;
        }
        return episodes.get(id);
    }

    private EpisodeTally newTally(EpisodePlan episode) {
        var meters = conditionMeters(episode.condition());
        var tally = new EpisodeTally(episode, meters);
        var shard = tally.shard();
        meters.started.add(shard, 1);
        meters.running.add(shard, 1);
        for (var agent : episode.agents()) {
            meters.role(agent.role()).alive.add(shard, 1);
        }
        return tally;
    }

    @Override
    public void transcript(EpisodePlan episode, TranscriptEntry entry) {
        var tally = filed(episode.condition(), episode.index(), episode.id());
        if (tally == null) {
            if (TranscriptEntry.EPISODE_END.equals(entry.type())) {
                return; // written after episodeFinished: the episode is already counted
            }
            tally = tally(episode);
        }
        tally.transcript(entry);
    }

    @Override
    public void actionDecided(EpisodePlan episode, String role, Action action, Duration latency) {
        tally(episode).actionDecided(role, action, latency);
    }

    /** Creates and caches the meters of an action of a (role, mind description, kind) not seen before. */
    ConditionMeters.ActionMeters actionMeters(ConditionMeters meters, String role, String producedBy, String kind) {
        var model = meters.role(role).model(model(producedBy));
        return meters.addAction(role, producedBy, kind, model.actions(kind), model.latency,
                Communication.isMessage(kind) ? meters.messagesRouted(kind) : null);
    }

    /** The model label of a mind description: {@code llm:gpt-4o} → gpt-4o, rule-based → rule-based. */
    private String model(String producedBy) {
        if (producedBy == null) {
            return UNKNOWN;
        }
        var m = models.get(producedBy);
        return m != null ? m : models.computeIfAbsent(producedBy, MonitoringListener::modelLabel);
    }

    static String modelLabel(String producedBy) {
        if (producedBy.startsWith("llm:")) {
            return producedBy.substring(4);
        }
        int colon = producedBy.indexOf(':');
        return colon < 0 ? producedBy : producedBy.substring(0, colon);
    }

    @Override
    public void barrierClosed(EpisodePlan episode, long round, Duration wait, int stragglers) {
        tally(episode).barrierClosed(round, wait, stragglers);
    }

    @Override
    public void backlog(EpisodePlan episode, int pendingMessages) {
        tally(episode).backlog(pendingMessages);
    }

    @Override
    public SimulationMetrics metrics(EpisodePlan episode) {
        return conditionMeters(episode.condition()).environmentMetrics;
    }

    @Override
    public void episodeFinished(EpisodeResult result, Duration duration) {
        var tally = filed(result.condition(), result.index(), result.episodeId());
        if (tally != null && !tally.finished) {
            episodeFinished(tally, result, duration);
            return;
        }
        // An episode never started here (e.g. its actor died before it began): count it as well.
        var meters = conditionMeters(result.condition());
        meters.started.increment();
        recordEnd(result, duration, meters, meters.cells.local());
    }

    /** Counts a finished episode once: its live series, its outcome and, if it completed, its coordination. */
    void episodeFinished(EpisodeTally tally, EpisodeResult result, Duration duration) {
        if (tally.finished) {
            return;
        }
        var meters = tally.meters;
        var shard = tally.shard();
        long now = System.nanoTime();
        tally.finished = true;
        unfile(tally, result);
        meters.running.add(shard, -1);
        // The kernel's result names every agent with its role: reading it (just made, so in cache)
        // spares reading the plan's agents again, long out of cache by the episode's end.
        var agents = result.agents();
        if (agents.size() == tally.agentCount) {
            for (var agent : agents.values()) {
                meters.role(agent.role()).alive.add(shard, -1);
            }
        } else {
            for (var agent : tally.plan.agents()) {
                meters.role(agent.role()).alive.add(shard, -1);
            }
        }
        meters.backlog.add(shard, -tally.lastBacklog);
        if (tally.turn != Long.MIN_VALUE) {
            meters.turnDuration.observe(shard, (now - tally.turnStartedNanos) / 1e9);
        }
        if (!recordEnd(result, duration, meters, shard)) {
            return;
        }
        var sink = completedSink;
        var figures = recordCoordination(result, tally, meters, shard, sink != null);
        if (sink != null) {
            sink.accept(figures);
        }
    }

    /** Counts how the episode ended and, if it completed, its scores; true when it completed. */
    private static boolean recordEnd(EpisodeResult result, Duration duration, ConditionMeters meters,
                                     ThreadCells.Shard shard) {
        if (result.failed()) {
            meters.failed.add(shard, 1);
            meters.durationFailed.observe(shard, seconds(duration));
            return false;
        }
        meters.completed.add(shard, 1);
        meters.durationCompleted.observe(shard, seconds(duration));
        meters.turns.observe(shard, result.turns());
        recordScores(result, meters, shard);
        return true;
    }

    /** Takes a finished episode's tally out of its slot (named by the result, so the plan is not read again). */
    private void unfile(EpisodeTally tally, EpisodeResult result) {
        var slot = slots.get(result.condition());
        int index = result.index();
        if (slot != null && index >= 0 && index < slot.length()) {
            // Only this episode's own calls write its slot (see tally()), so a check and a release
            // store do what a compare-and-set would, without an atomic instruction.
            if (slot.getAcquire(index) == tally) {
                slot.setRelease(index, null);
            }
            return;
        }
        episodes.remove(tally.plan.id(), tally);
    }

    private static void recordScores(EpisodeResult result, ConditionMeters meters, ThreadCells.Shard shard) {
        var outcome = result.outcome();
        if (outcome == null) {
            return;
        }
        // forEach, not entrySet(): the outcome's maps are unmodifiable views, whose entry iterators
        // wrap every entry in a new object; forEach reaches the backing map's own loop.
        var scores = new ScoreRecorder(meters, shard);
        scores.role = EPISODE_ROLE;
        outcome.episodeScores().forEach(scores);
        outcome.agentScores().forEach((agent, agentScores) -> {
            var info = result.agents().get(agent);
            scores.role = info == null ? UNKNOWN : info.role();
            agentScores.forEach(scores);
        });
    }

    /** Observes each score of one role into its series. */
    private static final class ScoreRecorder implements java.util.function.BiConsumer<String, Double> {
        private final ConditionMeters meters;
        private final ThreadCells.Shard shard;
        String role;

        ScoreRecorder(ConditionMeters meters, ThreadCells.Shard shard) {
            this.meters = meters;
            this.shard = shard;
        }

        @Override
        public void accept(String name, Double value) {
            if (value != null && !value.isNaN()) {
                meters.score(role, name).observe(shard, value);
            }
        }
    }

    /** Counts a completed episode's coordination; returns its figures if {@code wanted}, else null. */
    private static EpisodeCoordination recordCoordination(EpisodeResult result, EpisodeTally tally,
                                                          ConditionMeters meters, ThreadCells.Shard shard,
                                                          boolean wanted) {
        meters.coordinationEpisodes.add(shard, 1);
        var scores = result.outcome() == null ? Map.<String, Double>of() : result.outcome().episodeScores();
        var success = score(scores, CoordinationEvents.SUCCESS_SCORE, CoordinationEvents.SUCCESS_SCORE);
        if (success != null) {
            meters.successScored.add(shard, 1);
            if (success >= 0.5) {
                meters.successes.add(shard, 1);
            }
        }
        add(shard, meters.coordinationActions, tally.actions);
        add(shard, meters.coordinationMessages, tally.messages);
        add(shard, meters.questions, tally.questions);
        add(shard, meters.unansweredQuestions, tally.unansweredAtEnd());
        var events = tally.events();
        add(shard, meters.commitmentsMade, events.commitmentsMade);
        add(shard, meters.commitmentsKept, events.commitmentsKept);
        add(shard, meters.commitmentsBroken, events.commitmentsBroken);
        add(shard, meters.conflicts, events.conflicts);

        var barrier = meters.barrier(events.barrierOrNone());
        var understanding = score(scores, CoordinationEvents.MUTUAL_UNDERSTANDING_SCORE, MUTUAL_UNDERSTANDING_KEBAB);
        if (understanding != null) {
            barrier.mutualUnderstanding.observe(shard, understanding);
        }
        var confusion = score(scores, CoordinationEvents.UNRESOLVED_CONFUSION_SCORE, UNRESOLVED_CONFUSION_KEBAB);
        if (confusion != null) {
            barrier.unresolvedConfusion.observe(shard, confusion);
        }
        add(shard, barrier.repairAttempts, events.repairAttempts);
        if (!wanted) {
            return null;
        }
        return new EpisodeCoordination(result.episodeId(), result.condition(), tally.plan.index(), tally.actions,
                tally.messages, tally.questions, tally.unansweredAtEnd(), events.commitmentsMade, events.commitmentsKept,
                events.commitmentsBroken, events.conflicts, events.repairAttempts, events.barrierOrNone(), success,
                understanding, confusion);
    }

    /** Adds to a counter, skipping zeros (most coordination counts of most episodes). */
    private static void add(ThreadCells.Shard shard, CellCount counter, int amount) {
        if (amount != 0) {
            counter.add(shard, amount);
        }
    }

    private static double seconds(Duration d) {
        return d == null ? 0 : d.toNanos() / 1e9;
    }

    private static final String MUTUAL_UNDERSTANDING_KEBAB =
            CoordinationEvents.MUTUAL_UNDERSTANDING_SCORE.replace('_', '-');
    private static final String UNRESOLVED_CONFUSION_KEBAB =
            CoordinationEvents.UNRESOLVED_CONFUSION_SCORE.replace('_', '-');

    /** A score by its snake_case name, also accepting the kebab-case spelling. */
    private static Double score(Map<String, Double> scores, String name, String kebabName) {
        var v = scores.get(name);
        if (v == null) {
            v = scores.get(kebabName);
        }
        return v == null || v.isNaN() ? null : v;
    }

    /**
     * Key figures per condition, in the plan's order, from the same meters Prometheus scrapes: for
     * the summary printed at the end of a run and written to summary.json.
     */
    public List<ConditionSummary> summary() {
        var out = new ArrayList<ConditionSummary>();
        for (var condition : conditionOrder) {
            out.add(conditions.get(condition).summary());
        }
        return out;
    }

    /** Episodes started but not yet finished (for tests and the end-of-run summary). */
    public int episodesInFlight() {
        long running = 0;
        for (var meters : conditions.values()) {
            running += meters.running.sum();
        }
        return (int) running;
    }
}
