package org.parley.environments.barrier;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * A barrier as a scenario file declares it ({@code environment.params.barrier}). Only the cue
 * parameters of the chosen type matter; the others keep their defaults.
 *
 * @param type               none, semantic-vagueness, sociocultural-mismatch or emotional-interference
 * @param severity           0..1, how strongly the barrier shapes the speaker's messages
 * @param dynamicSeverity    whether the severity eases when the listener repairs well
 * @param ambiguityDevices   vagueness: devices the speaker draws from (subordinate-clause,
 *                           fragment, self-contradiction, referent-shift, ellipsis)
 * @param minDevicesPerTurn  vagueness: ambiguity devices used at least per turn
 * @param contextStyle       mismatch: high (implicit, indirect) or low (explicit, blunt)
 * @param hedgeRate          mismatch: probability a statement is hedged
 * @param imperativeRate     mismatch: probability a request comes as a bare imperative
 * @param affectLexicon      emotion: words the speaker's feelings colour messages with
 * @param exclamationBias    emotion: probability a sentence ends in an exclamation
 * @param escalationRate     emotion: how much the emotional intensity rises each turn
 */
public record BarrierSpec(
        String type,
        Double severity,
        @JsonProperty("dynamic-severity") Boolean dynamicSeverity,
        @JsonProperty("ambiguity-devices") List<String> ambiguityDevices,
        @JsonProperty("min-devices-per-turn") Integer minDevicesPerTurn,
        @JsonProperty("context-style") String contextStyle,
        @JsonProperty("hedge-rate") Double hedgeRate,
        @JsonProperty("imperative-rate") Double imperativeRate,
        @JsonProperty("affect-lexicon") List<String> affectLexicon,
        @JsonProperty("exclamation-bias") Double exclamationBias,
        @JsonProperty("escalation-rate") Double escalationRate) {

    public static final List<String> ALL_DEVICES =
            List.of("subordinate-clause", "fragment", "self-contradiction", "referent-shift", "ellipsis");
    public static final List<String> DEFAULT_AFFECT =
            List.of("frustrated", "upset", "worried", "exhausted", "hurt", "angry", "overwhelmed");

    public BarrierSpec {
        type = BarrierType.parse(type).key();
        severity = severity == null ? 0.7 : severity;
        dynamicSeverity = dynamicSeverity == null ? Boolean.TRUE : dynamicSeverity;
        ambiguityDevices = ambiguityDevices == null || ambiguityDevices.isEmpty()
                ? ALL_DEVICES : List.copyOf(ambiguityDevices);
        minDevicesPerTurn = minDevicesPerTurn == null ? 2 : minDevicesPerTurn;
        contextStyle = contextStyle == null ? "high" : contextStyle;
        hedgeRate = hedgeRate == null ? 0.6 : hedgeRate;
        imperativeRate = imperativeRate == null ? 0.25 : imperativeRate;
        affectLexicon = affectLexicon == null || affectLexicon.isEmpty() ? DEFAULT_AFFECT : List.copyOf(affectLexicon);
        exclamationBias = exclamationBias == null ? 0.5 : exclamationBias;
        escalationRate = escalationRate == null ? 0.08 : escalationRate;
    }

    public static BarrierSpec none() {
        return of(BarrierType.NONE, 0);
    }

    public static BarrierSpec of(BarrierType type, double severity) {
        return new BarrierSpec(type.key(), severity, null, null, null, null, null, null, null, null, null);
    }

    public BarrierType barrierType() {
        return BarrierType.parse(type);
    }

    /** Problems as {@code "field: what is wrong; how to fix"}. */
    public List<String> problems(String prefix) {
        var out = new ArrayList<String>();
        unit(out, prefix + "severity", severity);
        unit(out, prefix + "hedge-rate", hedgeRate);
        unit(out, prefix + "imperative-rate", imperativeRate);
        unit(out, prefix + "exclamation-bias", exclamationBias);
        unit(out, prefix + "escalation-rate", escalationRate);
        if (minDevicesPerTurn < 0 || minDevicesPerTurn > 5) {
            out.add(prefix + "min-devices-per-turn: must be 0..5, was " + minDevicesPerTurn + "; lower it");
        }
        for (String d : ambiguityDevices) {
            if (!ALL_DEVICES.contains(d)) {
                out.add(prefix + "ambiguity-devices: unknown device '" + d + "'; use any of " + ALL_DEVICES);
            }
        }
        if (!contextStyle.equals("high") && !contextStyle.equals("low")) {
            out.add(prefix + "context-style: must be high or low, was '" + contextStyle + "'");
        }
        return out;
    }

    private static void unit(List<String> out, String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            out.add(field + ": must be between 0 and 1, was " + v + "; use a fraction such as 0.5");
        }
    }
}
