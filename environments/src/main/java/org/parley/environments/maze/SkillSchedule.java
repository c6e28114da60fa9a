package org.parley.environments.maze;

import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.agents.persona.Persona;

/**
 * Which skills drive a navigator at which turn. A relay swaps the policy behind an agent mid-
 * episode (a strong leader sets up the coordinates, then a weaker one takes over) while its memory
 * of the dialogue stays: the rule-based counterpart of changing the model behind an LLM agent.
 *
 * <p>Mind params: {@code relay: { at-turn: 6, grounding-skill: 0.2, spatial-skill: 0.5 }} — keys
 * left out keep the agent's earlier value. {@code at-turn} is the episode's turn counter.
 */
public record SkillSchedule(NavigatorSkills before, long relayAtTurn, NavigatorSkills after) {

    public static SkillSchedule constant(NavigatorSkills skills) {
        return new SkillSchedule(skills, Long.MAX_VALUE, skills);
    }

    public NavigatorSkills at(long turn) {
        return turn >= relayAtTurn ? after : before;
    }

    public boolean relays() {
        return relayAtTurn != Long.MAX_VALUE;
    }

    public static SkillSchedule of(Persona persona, Map<String, Object> params) {
        var before = NavigatorSkills.of(persona, params, NavigatorSkills.DEFAULT);
        var relay = params.get("relay");
        if (relay == null) {
            return constant(before);
        }
        if (!(relay instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("navigator mind param relay must be a map such as "
                    + "{ at-turn: 6, grounding-skill: 0.2 }, was '" + relay + "'");
        }
        var relayParams = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> relayParams.put(String.valueOf(k), v));
        if (!(relayParams.remove("at-turn") instanceof Number at) || at.longValue() < 0) {
            throw new IllegalArgumentException("navigator mind param relay.at-turn must be a turn number >= 0");
        }
        var after = NavigatorSkills.of(null, relayParams, before);
        return new SkillSchedule(before, at.longValue(), after);
    }
}
