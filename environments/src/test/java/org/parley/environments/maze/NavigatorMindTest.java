package org.parley.environments.maze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.agents.mind.AgentSetup;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Turn;

class NavigatorMindTest {
    private final MazeEnvironmentType type = new MazeEnvironmentType();

    private AgentSetup setup(String id, Map<String, Object> params) {
        return new AgentSetup(id, "navigator", MazeConditions.strong(), "navigator", params, 11);
    }

    @Test
    void skillsComeFromThePersonaAndMindParamsOverrideThem() {
        var skills = NavigatorSkills.of(MazeConditions.weak(), Map.of("trust", 0.9), NavigatorSkills.DEFAULT);
        assertThat(skills).isEqualTo(new NavigatorSkills(0.15, 0.6, 0.9, 0.4));
        assertThat(NavigatorSkills.of(null, Map.of(), NavigatorSkills.DEFAULT)).isEqualTo(NavigatorSkills.DEFAULT);
        assertThatThrownBy(() -> NavigatorSkills.of(null, Map.of("trust", "lots"), NavigatorSkills.DEFAULT))
                .hasMessageContaining("trust must be a number");
        assertThatThrownBy(() -> NavigatorSkills.of(null, Map.of("spatial-skill", 2), NavigatorSkills.DEFAULT))
                .hasMessageContaining("spatial-skill must be between 0 and 1");
    }

    @Test
    void aRelaySwapsSkillsAtTheSetTurnAndKeepsTheRest() {
        var schedule = SkillSchedule.of(MazeConditions.strong(),
                Map.of("relay", Map.of("at-turn", 6, "grounding-skill", 0.1)));
        assertThat(schedule.relays()).isTrue();
        assertThat(schedule.at(5).grounding()).isEqualTo(0.9);
        assertThat(schedule.at(6).grounding()).isEqualTo(0.1);
        assertThat(schedule.at(6).spatial()).isEqualTo(schedule.at(0).spatial());
        assertThatThrownBy(() -> SkillSchedule.of(null, Map.of("relay", Map.of("grounding-skill", 0.1))))
                .hasMessageContaining("relay.at-turn");
        assertThatThrownBy(() -> SkillSchedule.of(null, Map.of("relay", 3))).hasMessageContaining("must be a map");
    }

    @Test
    void conventionHabitsComeFromPersonaParamsOrTheSeed() {
        assertThat(MazeEnvironmentType.convention(setup("a", Map.of("coordinate-convention", "x-y/bottom-left/1"))).label())
                .isEqualTo("x-y/bottom-left/1");
        var seeded = MazeEnvironmentType.convention(setup("a", Map.of()));
        assertThat(MazeEnvironmentType.convention(setup("a", Map.of()))).isEqualTo(seeded);
        assertThatThrownBy(() -> MazeEnvironmentType.convention(setup("a", Map.of("coordinate-convention", "polar"))))
                .hasMessageContaining("coordinate-convention 'polar' is unknown");
    }

    @Test
    void unknownPoliciesAreRefused() {
        var agent = new AgentSetup("a", "navigator", null, "wanderer", Map.of(), 1);
        var episode = new org.parley.runtime.environment.EpisodeContext("e/1", "c", 1, List.of(agent.participant()), null);
        assertThatThrownBy(() -> type.ruleBasedMind(MazeParams.defaults(), agent, episode))
                .hasMessageContaining("no rule-based policy 'wanderer'; use policy: navigator");
    }

    @Test
    void aSkilledNavigatorOpensWithACoordinateConventionAndAdoptsAnOffer() {
        var mind = new NavigatorMind("a", 3, SkillSchedule.constant(new NavigatorSkills(1, 1, 1, 1)),
                Convention.MATRIX);
        mind.perceive(briefing("a", "b"));
        var first = decide(mind, 0);
        assertThat(first.kind()).isEqualTo("speak");
        assertThat(first.args()).containsEntry("intent", "convention").containsEntry("convention", "row-col/top-left/0");
        assertThat(first.text()).contains("(row, column) counting from 0 at the top-left corner");

        var other = new NavigatorMind("b", 4, SkillSchedule.constant(new NavigatorSkills(1, 1, 1, 1)),
                Convention.parse("x-y/bottom-left/1").orElseThrow());
        other.perceive(briefing("b", "a"));
        other.perceive(Observation.of("b", 1, first));
        var reply = decide(other, 1);
        assertThat(reply.args()).containsEntry("intent", "convention-agree").containsEntry("convention", "row-col/top-left/0");
        assertThat(other.agreedConvention()).isEqualTo(Convention.MATRIX);
    }

    @Test
    void aNavigatorRejectsAProposalIntoAWallItSeesAndSaysWhy() {
        var mind = new NavigatorMind("b", 3, SkillSchedule.constant(new NavigatorSkills(1, 1, 0, 0.5)), Convention.MATRIX);
        mind.perceive(briefing("b", "a"));
        mind.perceive(new Observation("b", 1, "a", MazeActions.PROPOSE, "I propose we move west.",
                Map.of("direction", "west", "position", List.of(0, 1))));
        // the token is at the start (0,0): west leaves the map
        var answer = decide(mind, 1);
        assertThat(answer.kind()).isIn(MazeActions.REJECT, MazeActions.PROPOSE);
        assertThat(answer.args()).containsEntry("reason", "edge").containsEntry("rejected", "west");
        assertThat(answer.text()).startsWith("No, going west would leave the map.");
    }

    @Test
    void soloNavigatorWalksTheShortestPathWhenSkilled() {
        var maze = Maze.parse("S#..", ".#.#", "...G");
        var env = new MazeEnvironment(MazeParams.defaults().withTeam("solo"), maze);
        var step = env.start(new org.parley.runtime.environment.EpisodeContext("e/1", "c", 1,
                List.of(new org.parley.runtime.environment.EpisodeContext.Participant("a", "navigator", 1, null)),
                org.parley.runtime.metrics.SimulationMetrics.NONE));
        var mind = new NavigatorMind("a", 3, SkillSchedule.constant(new NavigatorSkills(1, 1, 1, 1)), Convention.MATRIX);
        step.observations().forEach(mind::perceive);
        for (int t = 0; t < 10 && !step.isDone(); t++) {
            step = env.act(decide(mind, t, env.actionSpace("a")));
            step.observations().forEach(mind::perceive);
        }
        assertThat(step.endReason()).isEqualTo("goal-reached");
        assertThat(env.executedPath()).isEqualTo(maze.shortestPath(maze.start()));
    }

    private static Action decide(NavigatorMind mind, long turn) {
        return decide(mind, turn, new ActionSpace(List.of("speak", "leave"),
                List.of(MazeActions.PROPOSE_TOOL, MazeActions.ACCEPT_TOOL, MazeActions.REJECT_TOOL)));
    }

    private static Action decide(NavigatorMind mind, long turn, ActionSpace space) {
        return mind.decide(new Turn("x", turn, space)).toCompletableFuture().join();
    }

    /** A 3x4 pair briefing: the token at (0,0), goal (2,3); this agent sees the left half. */
    private static Observation briefing(String self, String partner) {
        var data = new java.util.LinkedHashMap<String, Object>();
        data.put("team", "pair");
        data.put("moves", "joint");
        data.put("partner", partner);
        data.put("rows", 3);
        data.put("cols", 4);
        data.put("start", List.of(0, 0));
        data.put("goal", List.of(2, 3));
        data.put("position", List.of(0, 0));
        data.put("walls", List.of(List.of(2, 0)));
        data.put("open", List.of(List.of(0, 0), List.of(0, 1), List.of(1, 0), List.of(1, 1), List.of(2, 1)));
        return new Observation(self, 0, Observation.ENVIRONMENT, MazeActions.BRIEFING, "", data);
    }
}
