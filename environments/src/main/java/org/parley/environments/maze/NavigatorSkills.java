package org.parley.environments.maze;

import java.util.Map;
import org.parley.agents.persona.Persona;

/**
 * What makes a maze partner good or bad at the joint task, each on 0..1.
 *
 * @param grounding how readily the agent settles a coordinate convention: proposes one, adopts the
 *                  partner's, names its frame in reports, notices a stated frame, suspects a
 *                  misunderstanding when reports contradict what it sees
 * @param spatial   how accurately it plans and reports cells (low: wrong turns, off-by-one slips)
 * @param trust     how readily it accepts a partner's proposal that its own map disagrees with
 * @param verbosity how much it says per report (cells per message, whether open cells are listed)
 */
public record NavigatorSkills(double grounding, double spatial, double trust, double verbosity) {

    public static final NavigatorSkills DEFAULT = new NavigatorSkills(0.5, 0.7, 0.5, 0.5);

    public NavigatorSkills {
        check("grounding-skill", grounding);
        check("spatial-skill", spatial);
        check("trust", trust);
        check("verbosity", verbosity);
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("navigator " + name + " must be between 0 and 1, was " + value);
        }
    }

    /** Skills from persona extensions, then overridden by mind params, falling back to {@code base}. */
    public static NavigatorSkills of(Persona persona, Map<String, Object> params, NavigatorSkills base) {
        return new NavigatorSkills(
                pick("grounding-skill", persona, params, base.grounding),
                pick("spatial-skill", persona, params, base.spatial),
                pick("trust", persona, params, base.trust),
                pick("verbosity", persona, params, base.verbosity));
    }

    private static double pick(String key, Persona persona, Map<String, Object> params, double fallback) {
        var fromParams = params.get(key);
        if (fromParams instanceof Number n) {
            return n.doubleValue();
        }
        if (fromParams != null) {
            throw new IllegalArgumentException("navigator mind param " + key + " must be a number between 0 and 1, was '"
                    + fromParams + "'");
        }
        return persona == null ? fallback : persona.number(key, fallback);
    }
}
