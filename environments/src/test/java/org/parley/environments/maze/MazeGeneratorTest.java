package org.parley.environments.maze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MazeGeneratorTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234567, -99})
    void defaultMazesMatchThePaperSetting(long seed) {
        var maze = MazeGenerator.from(MazeParams.defaults()).generate(seed);
        assertThat(maze.rows()).isEqualTo(6);
        assertThat(maze.cols()).isEqualTo(6);
        assertThat(maze.wallCount()).isEqualTo(11);   // round(0.3 * 36)
        assertThat(maze.shortestSolution()).isBetween(7, 9);
        assertThat(maze.shortestPath(maze.start())).hasSize(maze.shortestSolution());
    }

    @Test
    void sameSeedSameMazeOtherSeedOtherMaze() {
        var gen = MazeGenerator.from(MazeParams.defaults());
        assertThat(gen.generate(7).lines()).isEqualTo(gen.generate(7).lines());
        assertThat(gen.generate(7).lines()).isNotEqualTo(gen.generate(8).lines());
    }

    @Test
    void shortestPathWalksToTheGoalAroundWalls() {
        var maze = Maze.parse(
                "S#..",
                ".#.#",
                "...G");
        assertThat(maze.shortestSolution()).isEqualTo(5);
        var here = maze.start();
        for (var d : maze.shortestPath(here)) {
            here = here.step(d);
            assertThat(maze.isOpen(here)).isTrue();
        }
        assertThat(here).isEqualTo(maze.goal());
    }

    @Test
    void impossibleRequestsFailWithAHint() {
        var gen = new MazeGenerator(3, 3, 0.3, 7, 9, 50);
        assertThatThrownBy(() -> gen.generate(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lower wall-density or widen min-solution/max-solution");
    }

    @Test
    void paramProblemsNameTheFieldAndTheFix() {
        var bad = new MazeParams(6, 6, 0.9, 9, 7, null, "diagonal", null, "trio", null, "telepathy", 0, null);
        assertThat(bad.problems()).anySatisfy(p -> assertThat(p).startsWith("wall-density:"))
                .anySatisfy(p -> assertThat(p).startsWith("max-solution: 7 is below min-solution 9"))
                .anySatisfy(p -> assertThat(p).startsWith("split: 'diagonal' is unknown"))
                .anySatisfy(p -> assertThat(p).startsWith("team: 'trio'"))
                .anySatisfy(p -> assertThat(p).startsWith("moves: 'telepathy'"))
                .anySatisfy(p -> assertThat(p).startsWith("turn-cap:"));
        assertThat(MazeParams.defaults().problems()).isEmpty();
    }
}
