package org.parley.agents.rules;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.agents.memory.ConversationWindow;
import org.parley.agents.persona.BigFive;
import org.parley.agents.persona.Persona;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;

/**
 * Base of every rule-based mind: a behaviour model driven by a persona, a conversation window and
 * seeded randomness. Subclasses decide synchronously in {@link #choose(Turn)}; this class stores
 * what the agent perceives and does, and labels every action {@code rule-based:<policy>} so
 * transcripts and reports can tell scripted behaviour from model output.
 *
 * <p>All randomness must come from {@link #random()}, seeded from the agent seed: the same seed and
 * the same observations give the same actions.
 */
public abstract class RuleBasedMind implements Mind {

    /** Window size when a policy does not ask for another. */
    public static final int DEFAULT_MEMORY = 32;

    private final String agentId;
    private final Persona persona;
    private final String policy;
    private final String description;
    private final SplittableRandom random;
    private final ConversationWindow memory;

    protected RuleBasedMind(String agentId, Persona persona, String policy, long seed) {
        this(agentId, persona, policy, seed, DEFAULT_MEMORY);
    }

    protected RuleBasedMind(String agentId, Persona persona, String policy, long seed, int memoryCapacity) {
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.persona = Objects.requireNonNull(persona, "persona");
        if (policy == null || policy.isBlank()) {
            throw new IllegalArgumentException("a rule-based mind needs a policy name");
        }
        this.policy = policy;
        this.description = "rule-based:" + policy;
        this.random = new SplittableRandom(seed);
        this.memory = new ConversationWindow(agentId, memoryCapacity);
    }

    @Override
    public final void perceive(Observation observation) {
        if (memory.observe(observation)) {
            onObservation(observation);
        }
    }

    @Override
    public final CompletionStage<Action> decide(Turn turn) {
        Action chosen = choose(turn);
        if (!chosen.agent().equals(agentId)) {
            throw new IllegalStateException("policy " + policy + " chose an action for " + chosen.agent()
                    + " while deciding for " + agentId);
        }
        Action labelled = chosen.producedBy(describe());
        memory.recordOwn(labelled, turn.number());
        return CompletableFuture.completedFuture(labelled);
    }

    @Override
    public String describe() {
        return description;
    }

    /** Reacts to a new observation (already stored in memory). The default does nothing. */
    protected void onObservation(Observation observation) {}

    /** Chooses this turn's action, synchronously. */
    protected abstract Action choose(Turn turn);

    public String agentId() {
        return agentId;
    }

    public Persona persona() {
        return persona;
    }

    public String policy() {
        return policy;
    }

    public ConversationWindow memory() {
        return memory;
    }

    protected SplittableRandom random() {
        return random;
    }

    protected BigFive traits() {
        return persona.bigFive();
    }

    // ---- persona-driven probabilities -------------------------------------------------------

    /** True with probability {@code p} (clamped to 0..1). */
    protected boolean chance(double p) {
        return random.nextDouble() < clamp01(p);
    }

    /**
     * True with a probability that moves with a trait: {@code base} for a trait at the population
     * middle (0.5), {@code base + weight/2} at 1 and {@code base - weight/2} at 0, clamped to 0..1.
     * A negative weight makes the trait lower the chance.
     */
    protected boolean traitChance(double base, double trait, double weight) {
        return chance(traitProbability(base, trait, weight));
    }

    /** The probability {@link #traitChance} uses. */
    public static double traitProbability(double base, double trait, double weight) {
        return clamp01(base + weight * (trait - 0.5));
    }

    /** Linear interpolation by a 0..1 trait: {@code atZero} for 0, {@code atOne} for 1. */
    public static double byTrait(double trait, double atZero, double atOne) {
        return atZero + (atOne - atZero) * trait;
    }

    /** {@code value} scaled by a uniform factor in {@code [1 - spread, 1 + spread]}. */
    protected double jitter(double value, double spread) {
        if (spread <= 0) {
            return value;
        }
        return value * (1 - spread + 2 * spread * random.nextDouble());
    }

    /** A uniform integer in {@code [low, high]}. */
    protected int between(int low, int high) {
        if (high < low) {
            throw new IllegalArgumentException("empty range [" + low + ", " + high + "]");
        }
        return low + random.nextInt(high - low + 1);
    }

    /** One of {@code options}, uniformly. */
    protected <T> T pick(List<T> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("nothing to pick from");
        }
        return options.get(random.nextInt(options.size()));
    }

    /** One of {@code options} with the given non-negative weights (same length). */
    protected <T> T pickWeighted(List<T> options, double[] weights) {
        if (options.size() != weights.length || options.isEmpty()) {
            throw new IllegalArgumentException("need one weight per option, got " + weights.length + " for "
                    + options.size());
        }
        double total = 0;
        for (double w : weights) {
            total += Math.max(0, w);
        }
        if (total <= 0) {
            return pick(options);
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= Math.max(0, weights[i]);
            if (r < 0) {
                return options.get(i);
            }
        }
        return options.get(options.size() - 1);
    }

    public static double clamp01(double p) {
        return p < 0 ? 0 : p > 1 ? 1 : p;
    }

    // ---- action helpers ---------------------------------------------------------------------

    protected Action speak(String text) {
        return Action.speak(agentId, text);
    }

    protected Action act(String kind, String text) {
        return Action.of(agentId, kind, text);
    }

    protected Action nothing() {
        return Action.none(agentId);
    }

    protected Action leave(String text) {
        return Action.leave(agentId, text);
    }
}
