package org.parley.environments.barrier;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one information unit came out of a speaker's mouth this turn.
 *
 * @param unit         the unit the speaker meant to convey
 * @param omitted      the speaker took it as understood and never said it
 * @param literalness  0..1, how explicitly it was said (1 = stated plainly)
 * @param device       the ambiguity device or style marker used, or {@code plain}
 * @param text         the sentence as words (empty when omitted)
 */
public record Rendering(InfoUnit unit, boolean omitted, double literalness, String device, String text) {

    /** The structured form a rule-based listener reads (never the words). */
    public Map<String, Object> asArgs(boolean answer, double affectNoise) {
        var m = new LinkedHashMap<String, Object>();
        m.put("unit", unit.id());
        m.put("value", unit.value());
        m.put("literalness", Math.round(literalness * 1000) / 1000.0);
        m.put("device", device);
        // The other readings the words admit; a listener who misreads ends up with one of them.
        m.put("readings", unit.distractors());
        if (answer) {
            m.put("answer", true);
        }
        if (affectNoise > 0) {
            m.put("affect-noise", Math.round(affectNoise * 1000) / 1000.0);
        }
        return m;
    }
}
