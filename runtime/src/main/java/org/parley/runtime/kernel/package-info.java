/**
 * The actor kernel: how a {@link org.parley.runtime.run.RunPlan} of episode specs becomes running
 * episodes and one stream of events. The only package of Parley that uses Pekko.
 *
 * <h2>Actors</h2>
 * <ul>
 *   <li>{@link org.parley.runtime.kernel.RunSupervisor} starts episodes in plan order with at most
 *       {@code parallelism} in flight; an episode counts as done when its actor has stopped and its
 *       last event has reached every sink, so a slow disk holds the run back instead of filling
 *       memory. It completes the {@link org.parley.runtime.run.RunReport}.</li>
 *   <li>{@link org.parley.runtime.kernel.RunRecorder} is the run's single writer: every episode's
 *       {@link org.parley.runtime.event.EpisodeEvent}s go to it, and it hands each to every
 *       {@link org.parley.runtime.event.EventSink} in order, on a dispatcher meant for blocking I/O.</li>
 *   <li>{@link org.parley.runtime.kernel.EpisodeActor} resolves its spec on this node, hosts the
 *       plain-Java environment (only it calls the environment, one message at a time), and goes
 *       through one behaviour per stage: setting up, running, evaluating, stopped. A
 *       {@link org.parley.runtime.kernel.TurnDriver} plays the turns of its protocol.</li>
 *   <li>{@link org.parley.runtime.kernel.RoundCollector} is a short-lived actor per round of the
 *       {@code simultaneous} protocol: it collects the round's answers and closes the round when
 *       everyone has answered or its barrier times out.</li>
 *   <li>{@link org.parley.runtime.kernel.AgentActor} hosts one mind and calls it one call at a time;
 *       asynchronous decisions are piped back to the actor, nothing blocks.</li>
 * </ul>
 * Messages are records in sealed interfaces ({@code AgentCommand}, {@code DecisionReply},
 * {@code EpisodeCommand}, {@code SupervisorCommand}, {@code RecorderCommand}), all marked
 * {@link org.parley.runtime.kernel.KernelMessage} and bound to Jackson in {@code reference.conf}; they
 * carry data only, and the kernel's tests send every one through the serializer.
 *
 * <h2>Turns</h2>
 * A turn is one agent's action under {@code alternating}, {@code round-robin} and {@code random};
 * one round under {@code simultaneous}; one applied action under {@code free}. Turn numbers start
 * at 0; the episode's {@code turns} is the number of turns played. The ordering rules are plain
 * classes in {@link org.parley.runtime.kernel.turn}. Under {@code simultaneous} the actions of a
 * round are applied in declared agent order, never arrival order; agents that miss the barrier are
 * stragglers, listed in the round's {@code RoundClosed} event, and their late answers are recorded
 * as {@code LateAction} and never applied. Under {@code free} an agent decides whenever it is idle
 * and has observed something new (its own actions echoed back do not count); a send-and-wait ends
 * with an observation from the addressee or, after the wait (capped by {@code max-wait}), with an
 * observation of kind {@code timeout} from the environment. Answers of minds that decide
 * synchronously (rule-based minds) are applied in the order they were requested, so free runs of
 * rule-based minds replay exactly; answers of asynchronous minds are applied as they arrive.
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
 * environment's outcome (with an evaluator's scores added); failed ones an empty outcome.
 */
package org.parley.runtime.kernel;
