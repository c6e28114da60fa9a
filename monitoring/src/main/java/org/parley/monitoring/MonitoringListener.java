package org.parley.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.parley.runtime.environment.Action;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.TranscriptEntry;

/**
 * Turns run events into metrics with bounded labels (scenario, condition, environment, role,
 * model, kind): never an agent id or an episode id.
 *
 * <p>Live counters (episodes, actions, latency, backlog, round barriers) move as events arrive.
 * Coordination and communication-barrier figures need a whole episode — whether a question was
 * ever answered, the final scores — so they are added when an episode completes; failed episodes
 * are left out of them. The rules are written down in docs/metrics.md.
 *
 * <p>Thread-safe: episodes call in concurrently. A run keeps thousands of episodes in flight, so
 * what costs is memory an episode's call touches for the first time, not arithmetic: per call it
 * finds the episode's tally (usually the one its thread used last), and per action it finds the
 * action's meters in a small array shared by the condition's episodes (hot in every core's cache)
 * and increments them, without allocating.
 */
public final class MonitoringListener implements RunListener {
    static final String UNKNOWN = "unknown";

    private final PrometheusMeterRegistry registry;
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
    /** Per thread, the tally it used last (see {@link #tally}). */
    private final ThreadLocal<EpisodeTally> lastTally = new ThreadLocal<>();

    /**
     * @param registry where meters go; one listener per registry
     * @param llm      the LLM metrics of the same registry; a rule-based run keeps its zero
     *                 placeholder series so dashboards render
     */
    public MonitoringListener(PrometheusMeterRegistry registry, LlmMetrics llm) {
        this.registry = registry;
        this.distributions = new Distributions(registry.getPrometheusRegistry());
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
                    return new ConditionMeters(registry, distributions, scenario, c, environment);
                });
    }

    /**
     * The episode's tally, creating it on the first call. The tally this thread used last is tried
     * first: the kernel makes several calls for one episode in a row (an action, its transcript
     * lines, the next turn's backlog), and that skips a look-up in a map of every running episode.
     */
    private EpisodeTally tally(EpisodePlan episode) {
        var tally = recent(episode);
        if (tally != null) {
            return tally;
        }
        var slot = slots.get(episode.condition());
        int index = episode.index();
        if (slot != null && index >= 0 && index < slot.length()) {
            tally = slot.get(index);
            if (tally != null && tally.plan == episode) {
                lastTally.set(tally);
                return tally;
            }
        }
        tally = episodes.get(episode.id());
        if (tally == null) {
            tally = episodes.computeIfAbsent(episode.id(), id -> newTally(episode));
            if (slot != null && index >= 0 && index < slot.length()) {
                slot.set(index, tally);
            }
        }
        lastTally.set(tally);
        return tally;
    }

    /**
     * The episode's tally if this thread used it last and the episode still runs, else null. Calls
     * for one episode are ordered by its actor, so a tally seen here is up to date.
     */
    private EpisodeTally recent(EpisodePlan episode) {
        var last = lastTally.get();
        return last != null && last.plan == episode && !last.finished ? last : null;
    }

    private EpisodeTally newTally(EpisodePlan episode) {
        var meters = conditionMeters(episode.condition());
        var roles = new LinkedHashMap<String, Integer>();
        for (var agent : episode.agents()) {
            roles.merge(agent.role(), 1, Integer::sum);
        }
        var tally = new EpisodeTally(episode, meters, roles);
        meters.started.increment();
        meters.running.increment();
        roles.forEach((role, n) -> meters.role(role).alive.add(n));
        tally.turnStartedNanos = System.nanoTime();
        return tally;
    }

    @Override
    public void episodeStarted(EpisodePlan episode) {
        tally(episode);
    }

    @Override
    public void transcript(EpisodePlan episode, TranscriptEntry entry) {
        var tally = recent(episode);
        if (tally == null) {
            if (TranscriptEntry.EPISODE_END.equals(entry.type()) && !episodes.containsKey(episode.id())) {
                return; // written after episodeFinished: the episode is already counted
            }
            tally = tally(episode);
        }
        if (entry.turn() != tally.turn) {
            long now = System.nanoTime();
            if (tally.turn != Long.MIN_VALUE) {
                tally.meters.turnDuration.observe((now - tally.turnStartedNanos) / 1e9);
            }
            tally.turn = entry.turn();
            tally.turnStartedNanos = now;
        }
        switch (entry.type()) {
            case TranscriptEntry.OBSERVATION -> tally.meters.observations.increment();
            case TranscriptEntry.EVENT -> {
                var name = CoordinationEvents.eventName(entry.data());
                if (name != null) {
                    tally.meters.event(name).increment();
                    tally.event(name, entry.data());
                }
            }
            default -> { }
        }
    }

    @Override
    public void actionDecided(EpisodePlan episode, String role, Action action, Duration latency) {
        var tally = tally(episode);
        var kind = action.kind();
        var meters = tally.meters.action(role, action.producedBy(), kind);
        if (meters == null) {
            var producedBy = action.producedBy();
            var model = tally.meters.role(role).model(model(producedBy));
            meters = tally.meters.addAction(new ConditionMeters.ActionMeters(role, producedBy, kind, model.actions(kind),
                    model.latency, Communication.isMessage(kind) ? tally.meters.messagesRouted(kind) : null));
        }
        meters.actions.increment();
        if (latency != null) {
            meters.latency.observe(seconds(latency));
        }
        if (meters.routed != null) {
            meters.routed.increment();
        }
        tally.action(action, meters.routed != null, meters.effort);
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
        var meters = tally(episode).meters;
        meters.barrierRounds.increment();
        meters.barrierWait.observe(seconds(wait));
        if (stragglers > 0) {
            meters.barrierStragglers.increment(stragglers);
        }
    }

    @Override
    public void backlog(EpisodePlan episode, int pendingMessages) {
        var tally = tally(episode);
        int change = pendingMessages - tally.lastBacklog;
        if (change != 0) {
            tally.meters.backlog.add(change);
            tally.lastBacklog = pendingMessages;
        }
    }

    @Override
    public SimulationMetrics metrics(EpisodePlan episode) {
        return conditionMeters(episode.condition()).environmentMetrics;
    }

    @Override
    public void episodeFinished(EpisodeResult result, Duration duration) {
        var tally = episodes.remove(result.episodeId());
        var meters = tally != null ? tally.meters : conditionMeters(result.condition());
        if (tally != null) {
            tally.finished = true;
            var slot = slots.get(tally.plan.condition());
            int index = tally.plan.index();
            if (slot != null && index >= 0 && index < slot.length()) {
                slot.compareAndSet(index, tally, null);
            }
            meters.running.decrement();
            tally.roles.forEach((role, n) -> meters.role(role).alive.add(-n));
            meters.backlog.add(-tally.lastBacklog);
            if (tally.turn != Long.MIN_VALUE) {
                meters.turnDuration.observe((System.nanoTime() - tally.turnStartedNanos) / 1e9);
            }
        } else {
            meters.started.increment();
        }
        if (result.failed()) {
            meters.failed.increment();
            meters.durationFailed.observe(seconds(duration));
            return;
        }
        meters.completed.increment();
        meters.durationCompleted.observe(seconds(duration));
        meters.turns.observe(result.turns());
        recordScores(result, meters);
        if (tally != null) {
            var figures = recordCoordination(result, tally, meters);
            var sink = completedSink;
            if (sink != null) {
                sink.accept(figures);
            }
        }
    }

    private static void recordScores(EpisodeResult result, ConditionMeters meters) {
        var outcome = result.outcome();
        if (outcome == null) {
            return;
        }
        outcome.episodeScores().forEach((name, value) -> {
            if (value != null && !value.isNaN()) {
                meters.score("episode", name).observe(value);
            }
        });
        outcome.agentScores().forEach((agent, scores) -> {
            var info = result.agents().get(agent);
            var role = info == null ? UNKNOWN : info.role();
            scores.forEach((name, value) -> {
                if (value != null && !value.isNaN()) {
                    meters.score(role, name).observe(value);
                }
            });
        });
    }

    private static EpisodeCoordination recordCoordination(EpisodeResult result, EpisodeTally tally,
                                                          ConditionMeters meters) {
        meters.coordinationEpisodes.increment();
        var scores = result.outcome() == null ? Map.<String, Double>of() : result.outcome().episodeScores();
        var success = score(scores, CoordinationEvents.SUCCESS_SCORE);
        if (success != null) {
            meters.successScored.increment();
            if (success >= 0.5) {
                meters.successes.increment();
            }
        }
        meters.coordinationActions.increment(tally.actions);
        meters.coordinationMessages.increment(tally.messages);
        meters.questions.increment(tally.questions);
        meters.unansweredQuestions.increment(tally.unansweredAtEnd());
        meters.commitmentsMade.increment(tally.commitmentsMade);
        meters.commitmentsKept.increment(tally.commitmentsKept);
        meters.commitmentsBroken.increment(tally.commitmentsBroken);
        meters.conflicts.increment(tally.conflicts);

        var barrier = meters.barrier(tally.barrierOrNone());
        var understanding = score(scores, CoordinationEvents.MUTUAL_UNDERSTANDING_SCORE);
        if (understanding != null) {
            barrier.mutualUnderstanding.observe(understanding);
        }
        var confusion = score(scores, CoordinationEvents.UNRESOLVED_CONFUSION_SCORE);
        if (confusion != null) {
            barrier.unresolvedConfusion.observe(confusion);
        }
        barrier.repairAttempts.increment(tally.repairAttempts);
        return new EpisodeCoordination(result.episodeId(), result.condition(), tally.plan.index(), tally.actions,
                tally.messages, tally.questions, tally.unansweredAtEnd(), tally.commitmentsMade, tally.commitmentsKept,
                tally.commitmentsBroken, tally.conflicts, tally.repairAttempts, tally.barrierOrNone(), success,
                understanding, confusion);
    }

    private static double seconds(Duration d) {
        return d == null ? 0 : d.toNanos() / 1e9;
    }

    /** A score by its snake_case name, also accepting the kebab-case spelling. */
    private static Double score(Map<String, Double> scores, String name) {
        var v = scores.get(name);
        if (v == null) {
            v = scores.get(name.replace('_', '-'));
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
        return episodes.size();
    }
}
