package org.parley.environments.maze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.runtime.seed.Seeds;

/**
 * The acceptance check of the maze family on fixed seeds: the bundled conditions, played by
 * rule-based navigators, show the Collaboration Gap's pattern.
 */
class MazeCollaborationGapTest {
    static final int EPISODES = 150;
    static final long RUN_SEED = 42;
    static final Map<String, Rates> RATES = new LinkedHashMap<>();

    record Rates(double solved, double disputed, double grounded, double turnsToSolve, int graderDisagreements) {}

    @BeforeAll
    static void play() {
        var runner = new MazeLockstep();
        for (var c : MazeConditions.all(MazeParams.defaults())) {
            double solved = 0, disputed = 0, grounded = 0, turns = 0;
            int disagreements = 0;
            for (int i = 0; i < EPISODES; i++) {
                // The same episode seeds in every condition: each condition plays the same mazes.
                long seed = Seeds.episode(RUN_SEED, "maze", i);
                var e = runner.play(c.params(), c.agents(), c.firstSpeaker(), c.name(), c.name() + "/" + i, seed,
                        MazeConditions.MAX_TURNS, false);
                solved += e.score("solved");
                disputed += e.score("disputed_moves");
                grounded += e.outcome().episodeScores().getOrDefault("grounding_achieved", 0.0);
                if (e.score("solved") > 0) {
                    turns += e.score("turns_to_solve");
                }
                if (e.score("solved") != e.score("transcript_solved")) {
                    disagreements++;
                }
            }
            RATES.put(c.name(), new Rates(solved / EPISODES, disputed / EPISODES, grounded / EPISODES,
                    turns / Math.max(1, solved), disagreements));
        }
        RATES.forEach((name, r) -> System.out.printf("%-18s %s%n", name, r));
    }

    private static double solved(String condition) {
        return RATES.get(condition).solved();
    }

    @Test
    void soloNavigatorsSolveAlmostEveryMaze() {
        assertThat(solved("solo")).isGreaterThanOrEqualTo(0.97);
        assertThat(solved("solo-weak")).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void pairsFallBelowSolo() {
        assertThat(solved("pair-strong")).isLessThan(solved("solo"));
        assertThat(solved("pair-weak")).isLessThan(solved("solo"));
        // The collaboration gap of the weak model: it solves alone but collapses when paired.
        assertThat(solved("solo-weak") - solved("pair-weak")).isGreaterThan(0.2);
        assertThat(solved("pair-weak")).isLessThan(solved("heterogeneous"));
        assertThat(solved("heterogeneous")).isLessThanOrEqualTo(solved("pair-strong"));
    }

    @Test
    void relayRecoversPartOfTheGap() {
        double gap = solved("solo-weak") - solved("pair-weak");
        double recovered = solved("relay") - solved("pair-weak");
        assertThat(recovered).isGreaterThan(0.3 * gap);
        assertThat(solved("relay")).isLessThan(solved("solo-weak"));
    }

    @Test
    void weakPairsFailAtGroundingAndDisputeMoves() {
        assertThat(RATES.get("pair-strong").grounded()).isGreaterThan(0.9);
        assertThat(RATES.get("pair-weak").grounded()).isLessThan(0.4);
        assertThat(RATES.get("pair-weak").disputed()).isGreaterThan(3 * RATES.get("pair-strong").disputed());
        assertThat(RATES.get("relay").grounded()).isGreaterThan(RATES.get("pair-weak").grounded());
    }

    @Test
    void pairsNeedMoreTurnsThanSolo() {
        assertThat(RATES.get("pair-strong").turnsToSolve()).isGreaterThan(2 * RATES.get("solo").turnsToSolve());
    }

    @Test
    void theTranscriptGraderAgreesWithTheEnvironmentOnEveryEpisode() {
        RATES.forEach((name, r) -> assertThat(r.graderDisagreements()).as(name).isZero());
    }

    @Test
    void inTranscriptModeTheGraderSeesTheSameGap() {
        var runner = new MazeLockstep();
        var solvedBy = new LinkedHashMap<String, Double>();
        for (var c : MazeConditions.all(MazeParams.defaults().withMoves("transcript"))) {
            if (!c.name().equals("solo-weak") && !c.name().equals("pair-weak") && !c.name().equals("relay")) {
                continue;
            }
            double solved = 0;
            for (int i = 0; i < 100; i++) {
                var e = runner.play(c.params(), c.agents(), c.firstSpeaker(), c.name(), c.name() + "/" + i,
                        Seeds.episode(RUN_SEED, "maze", i), MazeConditions.MAX_TURNS, false);
                // Agreed moves that reach the goal solve even when the cap comes before the final statement.
                assertThat(e.endReason()).isIn("path-stated", "turn-cap");
                solved += e.score("solved");
            }
            solvedBy.put(c.name(), solved / 100);
        }
        assertThat(solvedBy.get("solo-weak")).isGreaterThan(0.9);
        assertThat(solvedBy.get("pair-weak")).isLessThan(solvedBy.get("solo-weak") - 0.2);
        assertThat(solvedBy.get("relay")).isGreaterThan(solvedBy.get("pair-weak"));
    }

    @Test
    void theSameSeedReplaysTheSameEpisode() {
        var c = MazeConditions.all(MazeParams.defaults()).get(6);   // relay
        var runner = new MazeLockstep();
        long seed = Seeds.episode(RUN_SEED, "maze", 3);
        var first = runner.play(c.params(), c.agents(), c.firstSpeaker(), c.name(), "relay/3", seed, 120, true);
        var again = runner.play(c.params(), c.agents(), c.firstSpeaker(), c.name(), "relay/3", seed, 120, true);
        assertThat(again.log()).isEqualTo(first.log()).isNotEmpty();
        assertThat(again.outcome()).isEqualTo(first.outcome());
        var other = runner.play(c.params(), c.agents(), c.firstSpeaker(), c.name(), "relay/4",
                Seeds.episode(RUN_SEED, "maze", 4), 120, true);
        assertThat(other.log()).isNotEqualTo(first.log());
    }
}
