package org.parley.environments.barrier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A communication barrier carried by one speaker, with its current severity.
 *
 * <p>For LLM minds the barrier is only a prompt overlay ({@link #promptOverlay()}) given to the
 * barriered agent; messages are never rewritten. For rule-based minds it is a behaviour model
 * ({@link #render}): the barriered speaker leaves some information units implicit and states the
 * others less literally, in a way that depends on the type and its cue parameters.
 *
 * <p>Severity may ease over the episode: when the listener's repair attempt scores s ≥ 2.5 on
 * 1–5, {@code severity ← severity·(1 − 0.1·(s−1)/4)} (SocialVeil's dynamic severity).
 */
public final class CommunicationBarrier {
    public static final double REPAIR_THRESHOLD = 2.5;

    private final BarrierSpec spec;
    private final BarrierType type;
    private double severity;
    /** Emotional interference: the speaker's current emotional intensity, 0..1. */
    private double intensity;

    public CommunicationBarrier(BarrierSpec spec) {
        this.spec = spec;
        this.type = spec.barrierType();
        this.severity = type == BarrierType.NONE ? 0 : spec.severity();
        this.intensity = severity;
    }

    public BarrierType type() {
        return type;
    }

    public BarrierSpec spec() {
        return spec;
    }

    public double severity() {
        return severity;
    }

    public double intensity() {
        return type == BarrierType.EMOTIONAL_INTERFERENCE ? intensity : 0;
    }

    /** Sets the severity the environment reports (it owns the dynamic update). */
    public void severity(double value) {
        double drop = severity - value;
        severity = clamp(value);
        if (drop > 0) {
            intensity = clamp(intensity - drop);
        }
    }

    /**
     * Applies one repair score (1–5) and returns the new severity. Below the threshold, or when the
     * spec turns dynamic severity off, nothing changes.
     */
    public double applyRepair(double score) {
        if (spec.dynamicSeverity() && score >= REPAIR_THRESHOLD && type != BarrierType.NONE) {
            severity(nextSeverity(severity, score));
        }
        return severity;
    }

    /** SocialVeil's update rule on its own, for graders and docs. */
    public static double nextSeverity(double severity, double repairScore) {
        if (repairScore < REPAIR_THRESHOLD) {
            return severity;
        }
        return severity * (1 - 0.1 * (repairScore - 1) / 4);
    }

    /** The listener acknowledged the speaker's feelings: emotional intensity drops. */
    public void calm(double amount) {
        intensity = clamp(intensity - amount);
    }

    /** A new turn of the barriered speaker: emotion escalates unless calmed. */
    public void beginTurn() {
        if (type == BarrierType.EMOTIONAL_INTERFERENCE) {
            intensity = clamp(intensity + spec.escalationRate() * Math.max(severity, 0.2));
        }
    }

    /** Noise the speaker's emotion adds to the listener's reading of this turn, 0..0.3. */
    public double affectNoise() {
        return type == BarrierType.EMOTIONAL_INTERFERENCE ? 0.3 * intensity : 0;
    }

    /** Whether this turn's wording threatens the listener's face (blunt low-context imperatives). */
    public boolean faceThreat(RandomGenerator rng) {
        return type == BarrierType.SOCIOCULTURAL_MISMATCH && spec.contextStyle().equals("low")
                && rng.nextDouble() < spec.imperativeRate() * Math.max(severity, 0.2);
    }

    /**
     * How the speaker says one unit this turn.
     *
     * @param answer the listener asked for it explicitly: the speaker never omits it and is
     *               somewhat clearer, though still under the barrier
     */
    public Rendering render(InfoUnit unit, boolean answer, RandomGenerator rng) {
        double r = rng.nextDouble();
        return switch (type) {
            case NONE -> plain(unit, 1 - 0.08 * r);
            case SEMANTIC_VAGUENESS -> vague(unit, answer, r, rng);
            case SOCIOCULTURAL_MISMATCH -> mismatch(unit, answer, r, rng);
            case EMOTIONAL_INTERFERENCE -> emotional(unit, answer, r, rng);
        };
    }

    /**
     * Renders a turn's units; for vagueness it makes sure at least {@code min-devices-per-turn}
     * ambiguity devices appear by adding filler devices when the units alone did not use enough.
     */
    public List<String> extraAmbiguity(List<Rendering> turn, RandomGenerator rng) {
        var extra = new ArrayList<String>();
        if (type != BarrierType.SEMANTIC_VAGUENESS || severity <= 0) {
            return extra;
        }
        long used = turn.stream().filter(t -> !t.omitted() && !t.device().equals("plain")).count();
        for (long i = used; i < spec.minDevicesPerTurn(); i++) {
            String device = pick(spec.ambiguityDevices(), rng);
            extra.add(switch (device) {
                case "subordinate-clause" -> "Which, as you know, given how things went the last time, matters.";
                case "fragment" -> "Anyway. The thing.";
                case "self-contradiction" -> "It is urgent, though not really urgent.";
                case "referent-shift" -> "And that one, the other one, too.";
                default -> "So... yes.";
            });
        }
        return extra;
    }

    /** A filler sentence for emotional venting, or empty. */
    public String venting(RandomGenerator rng) {
        if (type != BarrierType.EMOTIONAL_INTERFERENCE || rng.nextDouble() > intensity) {
            return "";
        }
        String word = pick(spec.affectLexicon(), rng);
        return "Honestly I am so " + word + " about all of this" + (rng.nextDouble() < spec.exclamationBias() ? "!" : ".");
    }

    private Rendering plain(InfoUnit unit, double literalness) {
        return new Rendering(unit, false, literalness, "plain", cap(unit.topic()) + " is " + unit.value() + ".");
    }

    private Rendering vague(InfoUnit unit, boolean answer, double r, RandomGenerator rng) {
        double s = severity;
        if (!answer && rng.nextDouble() < 0.3 * s) {
            return new Rendering(unit, true, 0, "omitted", "");
        }
        double literalness = answer ? 1 - s * (0.2 + 0.3 * r) : 1 - s * (0.4 + 0.45 * r);
        if (literalness > 0.85) {
            return plain(unit, literalness);
        }
        String device = pick(spec.ambiguityDevices(), rng);
        String blur = blur(unit.value());
        String text = switch (device) {
            case "subordinate-clause" -> cap(unit.topic()) + ", which, given what we said before and everything around it, is more or less "
                    + blur + ", if that makes sense.";
            case "fragment" -> cap(unit.topic()) + ". " + cap(blur) + ". Or so.";
            case "self-contradiction" -> cap(unit.topic()) + " is " + blur + " — well, not exactly, but also yes.";
            case "referent-shift" -> "That other thing, the one from before, it is " + blur + ".";
            default -> "And " + unit.topic() + "... you know.";
        };
        return new Rendering(unit, false, literalness, device, text);
    }

    private Rendering mismatch(InfoUnit unit, boolean answer, double r, RandomGenerator rng) {
        double s = severity;
        if (spec.contextStyle().equals("low")) {
            // Blunt, explicit style: the content is mostly literal but the tone reads as a demand.
            double literalness = 1 - s * (0.15 + 0.25 * r);
            boolean imperative = rng.nextDouble() < spec.imperativeRate();
            String text = imperative
                    ? cap(unit.topic()) + ": " + unit.value() + ". Take it or leave it."
                    : cap(unit.topic()) + " is " + unit.value() + ". Obviously.";
            return new Rendering(unit, false, literalness, imperative ? "imperative" : "blunt", text);
        }
        if (!answer && rng.nextDouble() < 0.25 * s) {
            // High-context speakers leave what they consider shared background unsaid.
            return new Rendering(unit, true, 0, "omitted", "");
        }
        boolean hedged = rng.nextDouble() < spec.hedgeRate();
        double literalness = hedged ? 1 - s * (0.4 + 0.4 * r) : 1 - s * (0.15 + 0.25 * r);
        if (answer) {
            literalness = Math.min(1, literalness + 0.15);
        }
        String text = hedged
                ? "I was wondering whether perhaps " + unit.topic() + " might be, in a way, something like "
                        + blur(unit.value()) + ", if it is not too much trouble."
                : "You know how it is with " + unit.topic() + "; " + unit.value() + ", I suppose.";
        return new Rendering(unit, false, literalness, hedged ? "hedge" : "indirect", text);
    }

    private Rendering emotional(InfoUnit unit, boolean answer, double r, RandomGenerator rng) {
        double i = intensity;
        if (!answer && rng.nextDouble() < 0.25 * i) {
            // Carried away by the feeling, the speaker vents instead of saying it.
            return new Rendering(unit, true, 0, "omitted", "");
        }
        double literalness = 1 - i * (0.25 + 0.4 * r);
        String word = pick(spec.affectLexicon(), rng);
        String end = rng.nextDouble() < spec.exclamationBias() ? "!" : ".";
        String value = literalness > 0.7 ? unit.value() : blur(unit.value());
        return new Rendering(unit, false, literalness, "affect",
                "I'm " + word + ", and " + unit.topic() + " is " + value + end);
    }

    /**
     * The prompt overlay for an LLM playing the barriered agent; empty without a barrier. Only the
     * barriered agent's prompt may contain it.
     */
    public String promptOverlay() {
        String level = severity >= 0.75 ? "strongly" : severity >= 0.4 ? "noticeably" : "slightly";
        return switch (type) {
            case NONE -> "";
            case SEMANTIC_VAGUENESS -> "Communication style (keep it up for the whole conversation, never mention it): you "
                    + "speak " + level + " vaguely. Use at least " + spec.minDevicesPerTurn() + " of these ambiguity devices "
                    + "in every message: " + String.join(", ", spec.ambiguityDevices()) + ". Avoid exact numbers, "
                    + "names and dates; refer to things indirectly; leave some points implied.";
            case SOCIOCULTURAL_MISMATCH -> spec.contextStyle().equals("high")
                    ? "Communication style (keep it up, never mention it): you come from a " + level + " high-context "
                            + "culture. State important points indirectly and let the listener infer them; hedge about "
                            + Math.round(spec.hedgeRate() * 100) + "% of your statements (perhaps, I wonder, it might be); "
                            + "leave shared background unsaid; avoid direct refusals and direct requests."
                    : "Communication style (keep it up, never mention it): you come from a " + level + " low-context "
                            + "culture. Be blunt and explicit; phrase about " + Math.round(spec.imperativeRate() * 100)
                            + "% of your requests as bare imperatives; skip politeness and small talk.";
            case EMOTIONAL_INTERFERENCE -> "Emotional state (keep it up, never mention it as an instruction): you are "
                    + level + " emotionally overwhelmed. Let feelings such as " + String.join(", ", spec.affectLexicon())
                    + " colour what you say; end about " + Math.round(spec.exclamationBias() * 100) + "% of sentences with "
                    + "an exclamation mark; become more agitated as the conversation goes on (escalation "
                    + spec.escalationRate() + " per turn) unless the other person genuinely calms you down; you "
                    + "sometimes vent instead of giving the information asked for.";
        };
    }

    /** Keeps the first word of a value and blurs the rest: "at most 400 dollars" → "at... something". */
    static String blur(String value) {
        String[] words = value.split(" ");
        return words.length <= 1 ? "something like that" : words[0] + "... something";
    }

    private static String pick(List<String> from, RandomGenerator rng) {
        return from.get(rng.nextInt(from.size()));
    }

    static String cap(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
