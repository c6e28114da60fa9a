package org.parley.environments.maze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.environments.maze.Direction.EAST;
import static org.parley.environments.maze.Direction.NORTH;
import static org.parley.environments.maze.Direction.SOUTH;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.environments.maze.TranscriptPathGrader.Message;

class TranscriptPathGraderTest {
    private final TranscriptPathGrader grader = new TranscriptPathGrader();
    // S at (0,0), G at (2,3): right x3 is blocked at (0,2)... the path goes down first.
    private final Maze maze = Maze.parse(
            "S.#.",
            "....",
            "#..G");

    @Test
    void readsDirectionsWithCounts() {
        assertThat(TranscriptPathGrader.parseDirections("right, right, down x2, 2 left, up 3 times, N"))
                .containsExactly(EAST, EAST, SOUTH, SOUTH, Direction.WEST, Direction.WEST, NORTH, NORTH, NORTH, NORTH);
        assertThat(TranscriptPathGrader.parseDirections("it's R R D")).containsExactly(EAST, EAST, SOUTH);
    }

    @Test
    void agreedStatedPathThatReachesTheGoalSolves() {
        var grade = grader.grade(maze, List.of(
                new Message("a", "I see a wall two cells right of S."),
                new Message("b", "Then go down first. Final path: down, right, right, right, down"),
                new Message("a", "Final path: down, right x3, down")));
        assertThat(grade.source()).isEqualTo("stated-path");
        assertThat(grade.agreed()).isTrue();
        assertThat(grade.path()).containsExactly(SOUTH, EAST, EAST, EAST, SOUTH);
        assertThat(grade.bumps()).isZero();
        assertThat(grade.solved()).isTrue();
    }

    @Test
    void differingStatedPathsAreNotAgreed() {
        var grade = grader.grade(maze, List.of(
                new Message("a", "Path: down, right, right, right, down"),
                new Message("b", "Path: right, right, right, down, down")));
        assertThat(grade.agreed()).isFalse();
        assertThat(grade.solved()).isFalse();
    }

    @Test
    void affirmedStatedPathCountsAsAgreed() {
        var grade = grader.grade(maze, List.of(
                new Message("a", "Path: down, right, right, right, down"),
                new Message("b", "OK, that matches my half.")));
        assertThat(grade.solved()).isTrue();
    }

    @Test
    void stepsIntoWallsAreBumpsAndCanMissTheGoal() {
        var grade = grader.grade(maze, List.of(
                new Message("a", "Path: right, right, down, down, right"),
                new Message("b", "Agreed.")));
        assertThat(grade.bumps()).isEqualTo(1);          // the second "right" hits the wall at (0,2)
        assertThat(grade.end()).isEqualTo(new Cell(2, 2));
        assertThat(grade.reachedGoal()).isFalse();
    }

    @Test
    void agreedMovesAreProposalsFollowedByAnAffirmation() {
        var grade = grader.grade(maze, List.of(
                new Message("a", "Let's move down."),
                new Message("b", "Agreed, let's move down."),
                new Message("a", "I propose we move east."),
                new Message("b", "No, let's not."),          // rejected: not a move
                new Message("b", "Go right."),
                new Message("a", "Sure."),
                new Message("a", "Move right."),
                new Message("b", "Yes"),
                new Message("a", "Move right"),
                new Message("b", "ok"),
                new Message("a", "Move down please"),
                new Message("b", "Confirmed.")));
        assertThat(grade.source()).isEqualTo("agreed-moves");
        assertThat(grade.path()).containsExactly(SOUTH, EAST, EAST, EAST, SOUTH);
        assertThat(grade.solved()).isTrue();
    }

    @Test
    void aDialogueWithoutMovesGradesAsUnsolved() {
        var grade = grader.grade(maze, List.of(new Message("a", "Hello"), new Message("b", "Hi, I see walls at (2, 0).")));
        assertThat(grade.source()).isEqualTo("none");
        assertThat(grade.solved()).isFalse();
        assertThat(TranscriptPathGrader.scores(grade)).containsEntry("transcript_solved", 0.0);
    }
}
