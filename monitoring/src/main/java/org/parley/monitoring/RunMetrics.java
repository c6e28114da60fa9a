package org.parley.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.run.RunPlan;

/**
 * A run's metrics: an {@link EventSink} that turns the episodes' events into Micrometer meters with
 * bounded labels (scenario, condition, environment, role, model, kind, …; never an agent or an
 * episode id). Bind it to a registry, then hand it to the run with the other sinks:
 *
 * <pre>{@code
 * var metrics = new RunMetrics();
 * metrics.bindTo(prometheusRegistry);                   // MetricsExporter does this for its own
 * Simulation.run(plan, resolver, transcripts, results, metrics);
 * }</pre>
 *
 * <p>A run calls its sinks from one thread, one event at a time, so this keeps plain maps and
 * fields; the meters themselves are Micrometer's, which a scrape reads from its own thread. Live
 * series (episodes, actions, latency, backlog, round barriers) move as events arrive. Coordination
 * and communication-barrier figures need a whole episode, so they are added once, when an episode
 * completes; failed episodes are left out of them. The rules are written down in docs/metrics.md.
 *
 * <p>Bind one RunMetrics per registry: Micrometer keeps the first gauge registered under a name and
 * tags, so a second sink's gauges of the same labels would never be read. One RunMetrics may serve
 * several runs in turn; each run's plan adds to the planned-episodes gauge of its scenario.
 */
public final class RunMetrics implements EventSink, MeterBinder {
    /** The label value of a scenario, environment, model or role nobody named. */
    static final String UNKNOWN = MetricNames.UNKNOWN;

    private final LongSupplier nanoClock;
    private MeterRegistry registry;
    private EnvironmentMetrics environmentMetrics;
    private String scenario = UNKNOWN;
    private String environment = UNKNOWN;
    private final Map<ConditionKey, ConditionMeters> conditions = new HashMap<>();
    private final Map<PlanKey, AtomicLong> planned = new HashMap<>();
    private final Map<String, RunningEpisode> running = new HashMap<>();

    private record ConditionKey(String scenario, String condition, String environment) {}

    private record PlanKey(String scenario, String environment) {}

    public RunMetrics() {
        this(System::nanoTime);
    }

    /** With another clock, for tests that time turns. */
    RunMetrics(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Records into {@code registry} from now on; once. */
    @Override
    public void bindTo(MeterRegistry registry) {
        if (this.registry != null) {
            throw new IllegalStateException("this RunMetrics is already bound to a registry");
        }
        this.registry = registry;
        this.environmentMetrics = new EnvironmentMetrics(registry);
    }

    /**
     * Takes the run's scenario and environment labels, adds its episodes to the planned-episodes
     * gauge, and registers every condition's series, so dashboards list the conditions at zero
     * before their first episode.
     */
    @Override
    public void runStarted(RunPlan plan) {
        requireBound();
        scenario = plan.scenario() == null || plan.scenario().isBlank() ? UNKNOWN : plan.scenario();
        environment = plan.environment() == null || plan.environment().isBlank() ? UNKNOWN : plan.environment();
        planned.computeIfAbsent(new PlanKey(scenario, environment), this::plannedGauge).addAndGet(plan.episodes().size());
        for (var episode : plan.episodes()) {
            condition(episode.condition());
        }
    }

    private AtomicLong plannedGauge(PlanKey key) {
        var count = new AtomicLong();
        Gauge.builder(MetricNames.RUN_EPISODES_PLANNED, count, AtomicLong::get)
                .description("Episodes planned for the run (progress = completed + failed over planned)")
                .tags(MetricNames.SCENARIO, key.scenario(), MetricNames.ENVIRONMENT, key.environment())
                .strongReference(true).register(registry);
        return count;
    }

    private ConditionMeters condition(String condition) {
        return conditions.computeIfAbsent(new ConditionKey(scenario, condition, environment),
                key -> new ConditionMeters(registry, key.scenario(), key.condition(), key.environment()));
    }

    @Override
    public void accept(EpisodeEvent event) {
        requireBound();
        switch (event) {
            case EpisodeEvent.Started started ->
                    running.put(started.episode(), new RunningEpisode(started, condition(started.condition())));
            case EpisodeEvent.Finished finished -> finished(finished);
            default -> {
                // An episode's events follow its Started event, so one not running here is ignored.
                var episode = running.get(event.episode());
                if (episode != null) {
                    episode.record(event, nanoClock.getAsLong(), environmentMetrics);
                }
            }
        }
    }

    private void finished(EpisodeEvent.Finished finished) {
        var result = finished.result();
        var episode = running.remove(finished.episode());
        ConditionMeters meters;
        if (episode != null) {
            episode.end(nanoClock.getAsLong());
            meters = episode.meters();
        } else {
            // Its actor died before the episode could start: the run reports it as failed anyway.
            meters = condition(result.condition());
            meters.started.increment();
        }
        meters.finished(result, finished.durationNanos());
        if (episode != null && !result.failed()) {
            meters.coordination(episode.coordination());
        }
    }

    private void requireBound() {
        if (registry == null) {
            throw new IllegalStateException("bind RunMetrics to a registry (bindTo) before the run starts");
        }
    }
}
