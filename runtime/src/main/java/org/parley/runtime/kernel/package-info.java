/**
 * The actor kernel: how a {@link org.parley.runtime.run.RunPlan} becomes running episodes.
 *
 * <h2>Actors</h2>
 * <ul>
 *   <li>{@link org.parley.runtime.kernel.RunSupervisor} starts episodes in plan order with at most
 *       {@code parallelism} alive, starts the next when one stops, counts completed and failed
 *       episodes and actions, and completes the {@link org.parley.runtime.run.RunReport}.</li>
 *   <li>{@link org.parley.runtime.kernel.EpisodeActor} hosts the plain-Java environment (only it
 *       calls the environment, one message at a time), asks agents to act according to the turn
 *       protocol, applies actions, routes observations, records the transcript and decides when the
 *       episode ends.</li>
 *   <li>{@link org.parley.runtime.kernel.AgentActor} hosts one mind and calls it one call at a time;
 *       asynchronous decisions are piped back to the actor, nothing blocks.</li>
 * </ul>
 * Messages are records in a sealed {@code Command} interface per actor, all marked
 * {@link org.parley.runtime.kernel.KernelMessage} and bound to Jackson in {@code reference.conf}.
 *
 * <h2>Turns</h2>
 * A turn is one agent's action under {@code alternating}, {@code round-robin} and {@code random};
 * one round under {@code simultaneous}; one applied action under {@code free}. Turn numbers start
 * at 0; the episode's {@code turns} is the number of turns played.
 *
 * <h2>Protocols</h2>
 * The ordering rules live in {@link org.parley.runtime.kernel.protocol}. Under
 * {@code simultaneous} the actions of a round are applied in declared agent order, never arrival
 * order; agents that miss the barrier are stragglers, listed in the {@code barrier} entry, and
 * their late answers are recorded as a {@code late-action} event and never applied. Under
 * {@code free} an agent decides whenever it is idle and has observed something new (its own
 * actions echoed back do not count); a send-and-wait ends with an observation from the addressee
 * or, after the wait (capped by {@code max-wait}), with an observation of kind {@code timeout}
 * from the environment. Answers of minds that decide synchronously (rule-based minds) are applied
 * in the order they were requested, so free runs of rule-based minds replay exactly; answers of
 * asynchronous minds are applied as they arrive.
 *
 * <h2>Endings</h2>
 * In order of precedence after each turn: the environment's own end reason; {@code agent-left}
 * (when the limits end on leave); {@code stale} (that many consecutive turns in which every applied
 * action was {@code none}); {@code max-turns}; under {@code free} also {@code quiescent} (every
 * agent idle with nothing new). At any time: {@code episode-timeout} (status failed) and a failure
 * (status failed, reason {@code failed: <message>}): a mind throwing, failing its stage or not
 * answering within the action timeout, the environment throwing, or an agent actor crashing. For
 * endings of the runtime's own the environment's {@code end(reason)} is called and its final
 * observations and events are recorded (not delivered). Completed episodes carry the
 * environment's outcome; failed ones an empty outcome.
 *
 * <h2>Transcript</h2>
 * Entry types and their {@code data}: {@code episode-start} (condition, seed, protocol, agents
 * with id, role and mind); {@code observation} (source, kind, text, data); {@code action} (kind,
 * text, to, args, wait-ms, produced-by, the last filled with the mind's description when the
 * mind left it empty); {@code event} (event, data); {@code barrier} (round, answered, stragglers,
 * and wait-ms with wall-clock timestamps only); {@code failure} (phase, message);
 * {@code episode-end} (status, reason, turns, outcome with agents and episode scores). Logical
 * time is described in {@code EpisodeTranscript}: turn {@code t} starts at {@code t * 1000} and
 * each entry advances the clock by one.
 */
package org.parley.runtime.kernel;
