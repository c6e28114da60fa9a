package org.parley.environments.maze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;

class MazeEnvironmentTest {
    // S (0,0) → G (2,3); the wall at (0,2) is in the right half, seen only by b under a column split.
    private final Maze maze = Maze.parse(
            "S.#.",
            "....",
            "#..G");

    private final List<String> counted = new ArrayList<>();
    private final SimulationMetrics metrics = new SimulationMetrics() {
        @Override
        public void count(String name, double amount, Map<String, String> tags) {
            counted.add(name + tags);
        }

        @Override
        public void observe(String name, double value, Map<String, String> tags) {
            counted.add(name + "=" + value);
        }
    };

    private MazeEnvironment env(MazeParams params) {
        return new MazeEnvironment(params.withTurnCap(20), maze);
    }

    private Step start(MazeEnvironment env, String... agents) {
        var participants = new ArrayList<EpisodeContext.Participant>();
        for (var a : agents) {
            participants.add(new EpisodeContext.Participant(a, "navigator", 0, null));
        }
        return env.start(new EpisodeContext("test/0001", "test", 5, participants, metrics));
    }

    private static Action propose(String agent, String direction) {
        return new Action(agent, MazeActions.PROPOSE, "", null, Map.of("direction", direction), 0, null);
    }

    private static Action accept(String agent) {
        return Action.of(agent, MazeActions.ACCEPT, "");
    }

    private static List<String> events(Step step) {
        return step.events().stream().map(Event::type).toList();
    }

    @Test
    void briefingsSplitTheMapByColumns() {
        var step = start(env(MazeParams.defaults()), "a", "b");
        var a = step.observations().get(0);
        var b = step.observations().get(1);
        assertThat(a.kind()).isEqualTo(MazeActions.BRIEFING);
        assertThat(a.text()).contains("@.??\n..??\n#.?G").contains("propose");
        assertThat(b.text()).contains("@?#.\n??..\n??.G");
        assertThat(b.data().get("walls")).isEqualTo(List.of(List.of(0, 2)));
        assertThat(a.data().get("walls")).isEqualTo(List.of(List.of(2, 0)));
        assertThat(a.data()).containsEntry("partner", "b").containsEntry("goal", List.of(2, 3));
        assertThat(events(step)).containsExactly("maze-generated");
    }

    @Test
    void aMoveNeedsTheOtherAgentsAcceptance() {
        var env = env(MazeParams.defaults());
        start(env, "a", "b");
        assertThat(env.actionSpace("a").allows(MazeActions.ACCEPT)).isFalse();
        var proposed = env.act(propose("a", "east"));
        assertThat(events(proposed)).containsExactly("move-proposed");
        assertThat(proposed.observations()).extracting(Observation::agent).containsExactly("a", "b");
        assertThat(env.actionSpace("b").allows(MazeActions.ACCEPT)).isTrue();
        assertThat(env.actionSpace("a").allows(MazeActions.ACCEPT)).isFalse();

        var moved = env.act(accept("b"));
        assertThat(events(moved)).containsExactly("move-accepted", "moved");
        assertThat(moved.observations()).filteredOn(o -> o.kind().equals(MazeActions.MOVED))
                .allSatisfy(o -> assertThat(o.data()).containsEntry("position", List.of(0, 1)));
        assertThat(env.outcome().episodeScores()).containsEntry("moves", 1.0).containsEntry("solved", 0.0);
    }

    @Test
    void aMoveIntoAWallFailsVisiblyAndLeavesTheToken() {
        var env = env(MazeParams.defaults());
        start(env, "a", "b");
        env.act(propose("a", "east"));
        env.act(accept("b"));
        env.act(propose("b", "east"));
        var bumped = env.act(accept("a"));
        assertThat(events(bumped)).containsExactly("move-accepted", "move-blocked");
        var seenByA = bumped.observations().stream().filter(o -> o.agent().equals("a") && o.kind().equals(MazeActions.BLOCKED))
                .findFirst().orElseThrow();
        assertThat(seenByA.data()).containsEntry("wall", List.of(0, 2)).containsEntry("position", List.of(0, 1));
        assertThat(seenByA.text()).contains("hit a wall");
        assertThat(env.outcome().episodeScores()).containsEntry("failed_moves", 1.0).containsEntry("moves", 1.0);
        assertThat(counted).contains("maze_moves{result=wall}");
    }

    @Test
    void rejectionsAndCounterProposalsAreDisputes() {
        var env = env(MazeParams.defaults());
        start(env, "a", "b");
        env.act(propose("a", "north"));
        var rejected = env.act(new Action("b", MazeActions.REJECT, "No, that leaves the map.", null, Map.of("reason", "edge"), 0, null));
        assertThat(events(rejected)).containsExactly("move-rejected");
        assertThat(rejected.observations().getFirst().data()).containsEntry("reason", "edge").containsEntry("direction", "north");
        env.act(propose("a", "east"));
        var counter = env.act(propose("b", "south"));
        assertThat(events(counter)).containsExactly("move-rejected", "move-proposed");
        assertThat(env.outcome().episodeScores()).containsEntry("disputed_moves", 2.0).containsEntry("proposals", 3.0);
        assertThat(env.outcome().agentScores().get("b")).containsEntry("rejected", 2.0);
    }

    @Test
    void acceptingWithoutAProposalIsRefusedWithAReason() {
        var env = env(MazeParams.defaults());
        start(env, "a", "b");
        var step = env.act(accept("a"));
        assertThat(events(step)).containsExactly("invalid-action");
        assertThat(step.observations().getFirst().text()).contains("'accept' is not possible now");
        var noDirection = env.act(new Action("a", MazeActions.PROPOSE, "", null, Map.of("direction", "sideways"), 0, null));
        assertThat(noDirection.observations().getFirst().text()).contains("needs args.direction");
    }

    @Test
    void reachingTheGoalSolvesAndScores() {
        var env = env(MazeParams.defaults());
        start(env, "a", "b");
        Step last = null;
        for (var d : List.of("south", "east", "east", "east", "south")) {
            env.act(propose("a", d));
            last = env.act(accept("b"));
        }
        assertThat(last.endReason()).isEqualTo("goal-reached");
        assertThat(events(last)).contains("goal-reached");
        var scores = env.outcome().episodeScores();
        assertThat(scores).containsEntry("solved", 1.0).containsEntry("turns_to_solve", 10.0).containsEntry("moves", 5.0)
                .containsEntry("path_efficiency", 1.0).containsEntry("grounding_achieved", 0.0)
                .containsEntry("transcript_solved", 1.0);
        assertThat(counted).contains("maze_solved=1.0", "maze_turns_to_solve=10.0");
        assertThat(env.executedPath()).hasSize(5);
    }

    @Test
    void groundingIsAchievedWhenBothDeclareTheSameConvention() {
        var env = env(MazeParams.defaults());
        start(env, "a", "b");
        var offer = env.act(Action.speak("a", "Let's use (row, col) from the top-left, from 0.")
                .withArgs(Map.of("convention", "row-col/top-left/0")));
        assertThat(events(offer)).containsExactly("convention-declared");
        assertThat(offer.observations()).extracting(Observation::agent).containsExactly("b");
        var agree = env.act(Action.speak("b", "Agreed.").withArgs(Map.of("convention", "row-col/top-left/0")));
        assertThat(events(agree)).containsExactly("convention-declared", "grounding-achieved");
        assertThat(env.outcome().episodeScores()).containsEntry("grounding_achieved", 1.0);
    }

    @Test
    void theTurnCapEndsTheEpisode() {
        var env = new MazeEnvironment(MazeParams.defaults().withTurnCap(3), maze);
        start(env, "a", "b");
        env.act(Action.speak("a", "hi"));
        env.act(Action.speak("b", "hi"));
        var last = env.act(Action.speak("a", "hmm"));
        assertThat(last.endReason()).isEqualTo("turn-cap");
        assertThat(env.actionSpace("b").kinds()).containsExactly(ActionKinds.NONE);
        assertThat(env.outcome().episodeScores()).containsEntry("solved", 0.0).doesNotContainKey("turns_to_solve");
    }

    @Test
    void soloSeesEverythingMovesAloneAndTheOtherAgentSitsOut() {
        var env = env(MazeParams.defaults().withTeam("solo"));
        var step = start(env, "a", "b");
        assertThat(step.observations().getFirst().text()).endsWith("token):\n@.#.\n....\n#..G\n");
        assertThat(step.observations().get(1).data()).containsEntry("team", "absent");
        assertThat(env.actionSpace("b").kinds()).containsExactly(ActionKinds.NONE);
        assertThat(env.actionSpace("a").allows(MazeActions.MOVE)).isTrue();
        assertThat(env.actionSpace("a").allows(MazeActions.PROPOSE)).isFalse();
        env.act(Action.none("b"));
        var moved = env.act(new Action("a", MazeActions.MOVE, "", null, Map.of("direction", "down"), 0, null));
        assertThat(events(moved)).containsExactly("moved");
        assertThat(env.outcome().episodeScores()).containsEntry("turns", 1.0).doesNotContainKey("grounding_achieved");
        assertThat(env.outcome().agentScores()).containsOnlyKeys("a");
    }

    @Test
    void transcriptModeGradesTheStatedPath() {
        var env = env(MazeParams.defaults().withMoves("transcript"));
        start(env, "a", "b");
        assertThat(env.actionSpace("a").tools()).isEmpty();
        env.act(Action.speak("a", "There is a wall right of S, two cells over? I cannot see it."));
        env.act(Action.speak("b", "Yes, at the top. Final path: down, right x3, down"));
        var last = env.act(Action.speak("a", "Final path: down, right, right, right, down"));
        assertThat(last.endReason()).isEqualTo("path-stated");
        assertThat(env.outcome().episodeScores()).containsEntry("solved", 1.0).containsEntry("transcript_path_length", 5.0);
    }

    @Test
    void otherSplitsGiveEveryCellToSomeone() {
        for (var split : List.of("rows", "checkerboard", "random", "none")) {
            var env = env(MazeParams.defaults().withSplit(split));
            var step = start(env, "a", "b");
            int a = ((List<?>) step.observations().get(0).data().get("walls")).size()
                    + ((List<?>) step.observations().get(0).data().get("open")).size();
            int b = ((List<?>) step.observations().get(1).data().get("walls")).size()
                    + ((List<?>) step.observations().get(1).data().get("open")).size();
            assertThat(a + b).as(split).isGreaterThanOrEqualTo(maze.size() + 2);
            if (!split.equals("none")) {
                assertThat(a).as(split).isLessThan(maze.size());
            }
        }
    }

    @Test
    void aPairNeedsTwoAgents() {
        var env = env(MazeParams.defaults());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(env, "a", "b", "c"))
                .hasMessageContaining("team 'pair' needs exactly two agents");
    }
}
