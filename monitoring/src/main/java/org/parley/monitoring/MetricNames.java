package org.parley.monitoring;

/**
 * Micrometer names of every Parley metric. The Prometheus registry turns dots into underscores,
 * appends {@code _total} to counters and the base unit ({@code _seconds}) to timers, so
 * {@code parley.episodes.completed} is scraped as {@code parley_episodes_completed_total} and the
 * timer {@code parley.action.latency} as {@code parley_action_latency_seconds}. docs/metrics.md
 * lists the scraped names; a test keeps the two in step.
 */
public final class MetricNames {
    private MetricNames() {}

    // Run progress and runtime
    public static final String RUN_EPISODES_PLANNED = "parley.run.episodes.planned";
    public static final String EPISODES_STARTED = "parley.episodes.started";
    public static final String EPISODES_COMPLETED = "parley.episodes.completed";
    public static final String EPISODES_FAILED = "parley.episodes.failed";
    public static final String EPISODES_RUNNING = "parley.episodes.running";
    public static final String AGENTS_ALIVE = "parley.agents.alive";
    public static final String ACTIONS = "parley.actions";
    public static final String MESSAGES_ROUTED = "parley.messages.routed";
    public static final String OBSERVATIONS_DELIVERED = "parley.observations.delivered";
    public static final String EVENTS = "parley.events";
    public static final String MAILBOX_BACKLOG = "parley.mailbox.backlog";
    public static final String ROUND_BARRIER_ROUNDS = "parley.round.barrier.rounds";
    public static final String ROUND_BARRIER_STRAGGLERS = "parley.round.barrier.stragglers";
    public static final String ROUND_BARRIER_WAIT = "parley.round.barrier.wait";
    public static final String ACTION_LATENCY = "parley.action.latency";
    public static final String TURN_DURATION = "parley.turn.duration";
    public static final String EPISODE_DURATION = "parley.episode.duration";
    public static final String EPISODE_TURNS = "parley.episode.turns";
    public static final String OUTCOME_SCORE = "parley.outcome.score";

    // Coordination (updated when an episode completes)
    public static final String COORDINATION_EPISODES = "parley.coordination.episodes";
    public static final String COORDINATION_SUCCESS_SCORED = "parley.coordination.success.scored";
    public static final String COORDINATION_SUCCESSES = "parley.coordination.successes";
    public static final String COORDINATION_ACTIONS = "parley.coordination.actions";
    public static final String COORDINATION_MESSAGES = "parley.coordination.messages";
    public static final String COORDINATION_QUESTIONS = "parley.coordination.questions";
    public static final String COORDINATION_UNANSWERED_QUESTIONS = "parley.coordination.unanswered.questions";
    public static final String COORDINATION_COMMITMENTS_MADE = "parley.coordination.commitments.made";
    public static final String COORDINATION_COMMITMENTS_KEPT = "parley.coordination.commitments.kept";
    public static final String COORDINATION_COMMITMENTS_BROKEN = "parley.coordination.commitments.broken";
    public static final String COORDINATION_CONFLICTS = "parley.coordination.conflicts";

    // Communication barriers (updated when an episode completes)
    public static final String COMMUNICATION_REPAIR_ATTEMPTS = "parley.communication.repair.attempts";
    public static final String COMMUNICATION_MUTUAL_UNDERSTANDING = "parley.communication.mutual.understanding";
    public static final String COMMUNICATION_UNRESOLVED_CONFUSION = "parley.communication.unresolved.confusion";

    // LLM gateway
    public static final String LLM_REQUESTS = "parley.llm.requests";
    public static final String LLM_INPUT_TOKENS = "parley.llm.input.tokens";
    public static final String LLM_OUTPUT_TOKENS = "parley.llm.output.tokens";
    public static final String LLM_REQUEST_LATENCY = "parley.llm.request.latency";
    public static final String LLM_RETRIES = "parley.llm.retries";
    public static final String LLM_ERRORS = "parley.llm.errors";
    public static final String LLM_IN_FLIGHT = "parley.llm.requests.in.flight";
    public static final String LLM_QUEUED = "parley.llm.requests.queued";
    public static final String LLM_CIRCUIT_STATE = "parley.llm.circuit.state";
    public static final String LLM_COST = "parley.llm.cost.usd";

    /** Prefix of metrics an environment reports by name through SimulationMetrics. */
    public static final String ENVIRONMENT_PREFIX = "parley.env.";

    /** The label value of a scenario, environment, role or model that is not known. */
    public static final String UNKNOWN = "unknown";

    // Label names
    public static final String SCENARIO = "scenario";
    public static final String CONDITION = "condition";
    public static final String ENVIRONMENT = "environment";
    public static final String ROLE = "role";
    public static final String MODEL = "model";
    public static final String KIND = "kind";
    public static final String TYPE = "type";
    public static final String STATUS = "status";
    public static final String SCORE = "score";
    public static final String BARRIER = "barrier";
    public static final String CAUSE = "cause";
}
