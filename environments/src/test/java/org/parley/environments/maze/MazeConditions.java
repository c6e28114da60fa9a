package org.parley.environments.maze;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.agents.persona.Persona;

/**
 * The conditions of scenarios/maze/collaboration-gap.yaml, built in code for the lockstep driver:
 * the same personas, skills, relay turn and first speakers.
 */
final class MazeConditions {

    record Condition(String name, MazeParams params, List<MazeLockstep.Agent> agents, String firstSpeaker) {}

    static final int MAX_TURNS = 120;
    static final int RELAY_AT_TURN = 4;

    static Persona strong() {
        return persona("Ada Strong", 0.9, 0.95, 0.7, 0.7);
    }

    static Persona weak() {
        return persona("Wes Weak", 0.15, 0.6, 0.4, 0.4);
    }

    static Persona persona(String name, double grounding, double spatial, double trust, double verbosity) {
        var ext = new LinkedHashMap<String, Object>();
        ext.put("grounding-skill", grounding);
        ext.put("spatial-skill", spatial);
        ext.put("trust", trust);
        ext.put("verbosity", verbosity);
        return new Persona(name, null, null, null, null, null, null, null, null, null, ext);
    }

    static Map<String, Object> relayToWeak() {
        var relay = new LinkedHashMap<String, Object>();
        relay.put("at-turn", RELAY_AT_TURN);
        var w = weak();
        w.extensions().forEach(relay::put);
        return Map.of("relay", relay);
    }

    static List<Condition> all(MazeParams base) {
        var solo = base.withTeam("solo");
        return List.of(
                new Condition("solo", solo, List.of(agent("a", strong()), agent("b", weak())), "a"),
                new Condition("solo-weak", solo, List.of(agent("a", weak()), agent("b", strong())), "a"),
                new Condition("pair-strong", base, List.of(agent("a", strong()), agent("b", strong())), "a"),
                new Condition("pair-weak", base, List.of(agent("a", weak()), agent("b", weak())), "a"),
                new Condition("heterogeneous", base, List.of(agent("a", strong()), agent("b", weak())), "a"),
                new Condition("who-speaks-first", base, List.of(agent("a", strong()), agent("b", weak())), "b"),
                new Condition("relay", base, List.of(
                        new MazeLockstep.Agent("a", strong(), relayToWeak()), agent("b", weak())), "a"));
    }

    static MazeLockstep.Agent agent(String id, Persona persona) {
        return new MazeLockstep.Agent(id, persona, Map.of());
    }

    private MazeConditions() {}
}
