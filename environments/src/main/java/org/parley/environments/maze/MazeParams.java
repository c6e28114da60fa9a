package org.parley.environments.maze;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parameters of the {@code maze} environment, bound from a scenario's {@code environment.params}.
 * Every field is optional; absent ones take the defaults of the Collaboration Gap setting
 * (6x6, about 30% walls, shortest solutions of 7 to 9 steps, the map split in two halves).
 *
 * @param rows         grid height (default 6)
 * @param cols         grid width (default 6)
 * @param wallDensity  share of cells that are walls, 0..0.7 (default 0.3)
 * @param minSolution  shortest start-to-goal path at least this long (default 7)
 * @param maxSolution  … and at most this long (default 9)
 * @param maxAttempts  generation attempts before giving up with an error (default 10000)
 * @param split        how the map is divided between two agents: {@code columns} (left/right
 *                     halves), {@code rows} (top/bottom), {@code checkerboard} (interleaved cells),
 *                     {@code random} (each cell to a seeded random agent) or {@code none} (both see
 *                     everything: a full-information control). Default {@code columns}
 * @param overlap      share of the partner's cells an agent also sees, 0..1 (default 0)
 * @param team         {@code pair} (two agents, joint moves) or {@code solo} (one agent sees the whole
 *                     map and moves alone; any other agent is absent). Default {@code pair}
 * @param soloAgent    the agent that plays in {@code solo}; default the first declared agent
 * @param moves        {@code joint} (moves by propose/accept) or {@code transcript} (dialogue only; the
 *                     path is extracted from the transcript by the grader). Default {@code joint}
 * @param turnCap      the environment ends the episode after this many actions by active agents
 *                     (default 40); keep the scenario's {@code limits.max-turns} above it
 * @param mazeSeed     when set, the maze is drawn from this seed and the episode's number (the
 *                     digits ending its id), so every condition plays the same mazes (a paired
 *                     design); default unset: the maze comes from the episode seed
 */
public record MazeParams(
        Integer rows,
        Integer cols,
        @JsonProperty("wall-density") Double wallDensity,
        @JsonProperty("min-solution") Integer minSolution,
        @JsonProperty("max-solution") Integer maxSolution,
        @JsonProperty("max-attempts") Integer maxAttempts,
        String split,
        Double overlap,
        String team,
        @JsonProperty("solo-agent") String soloAgent,
        String moves,
        @JsonProperty("turn-cap") Integer turnCap,
        @JsonProperty("maze-seed") Long mazeSeed) {

    public static final List<String> SPLITS = List.of("columns", "rows", "checkerboard", "random", "none");
    public static final List<String> TEAMS = List.of("pair", "solo");
    public static final List<String> MOVE_MODES = List.of("joint", "transcript");

    public MazeParams {
        rows = rows == null ? 6 : rows;
        cols = cols == null ? 6 : cols;
        wallDensity = wallDensity == null ? 0.3 : wallDensity;
        minSolution = minSolution == null ? 7 : minSolution;
        maxSolution = maxSolution == null ? 9 : maxSolution;
        maxAttempts = maxAttempts == null ? 10_000 : maxAttempts;
        split = split == null ? "columns" : split.toLowerCase(Locale.ROOT);
        overlap = overlap == null ? 0.0 : overlap;
        team = team == null ? "pair" : team.toLowerCase(Locale.ROOT);
        moves = moves == null ? "joint" : moves.toLowerCase(Locale.ROOT);
        turnCap = turnCap == null ? 40 : turnCap;
    }

    /** All defaults. */
    public static MazeParams defaults() {
        return new MazeParams(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public MazeParams withTeam(String newTeam) {
        return new MazeParams(rows, cols, wallDensity, minSolution, maxSolution, maxAttempts, split, overlap, newTeam,
                soloAgent, moves, turnCap, mazeSeed);
    }

    public MazeParams withSplit(String newSplit) {
        return new MazeParams(rows, cols, wallDensity, minSolution, maxSolution, maxAttempts, newSplit, overlap, team,
                soloAgent, moves, turnCap, mazeSeed);
    }

    public MazeParams withMoves(String newMoves) {
        return new MazeParams(rows, cols, wallDensity, minSolution, maxSolution, maxAttempts, split, overlap, team,
                soloAgent, newMoves, turnCap, mazeSeed);
    }

    public MazeParams withTurnCap(int newCap) {
        return new MazeParams(rows, cols, wallDensity, minSolution, maxSolution, maxAttempts, split, overlap, team,
                soloAgent, moves, newCap, mazeSeed);
    }

    public MazeParams withMazeSeed(Long seed) {
        return new MazeParams(rows, cols, wallDensity, minSolution, maxSolution, maxAttempts, split, overlap, team,
                soloAgent, moves, turnCap, seed);
    }

    public boolean solo() {
        return team.equals("solo");
    }

    public boolean transcriptMoves() {
        return moves.equals("transcript");
    }

    /** Problems as {@code "field: what is wrong; how to fix"}. */
    public List<String> problems() {
        var out = new ArrayList<String>();
        if (rows < 2 || rows > 40) {
            out.add("rows: " + rows + " is out of range; use 2..40");
        }
        if (cols < 2 || cols > 40) {
            out.add("cols: " + cols + " is out of range; use 2..40");
        }
        if (!(wallDensity >= 0 && wallDensity <= 0.7)) {
            out.add("wall-density: " + wallDensity + " is out of range; use 0..0.7 (0.3 is the paper's setting)");
        }
        if (minSolution < 1) {
            out.add("min-solution: " + minSolution + " must be at least 1");
        }
        if (maxSolution < minSolution) {
            out.add("max-solution: " + maxSolution + " is below min-solution " + minSolution + "; raise it");
        }
        if (maxSolution >= rows * cols) {
            out.add("max-solution: " + maxSolution + " cannot fit in " + rows + "x" + cols + " cells; lower it");
        }
        if (maxAttempts < 1) {
            out.add("max-attempts: " + maxAttempts + " must be at least 1");
        }
        if (!SPLITS.contains(split)) {
            out.add("split: '" + split + "' is unknown; use one of " + SPLITS);
        }
        if (!(overlap >= 0 && overlap <= 1)) {
            out.add("overlap: " + overlap + " is out of range; use 0..1");
        }
        if (!TEAMS.contains(team)) {
            out.add("team: '" + team + "' is unknown; use one of " + TEAMS);
        }
        if (!MOVE_MODES.contains(moves)) {
            out.add("moves: '" + moves + "' is unknown; use one of " + MOVE_MODES);
        }
        if (turnCap < 1) {
            out.add("turn-cap: " + turnCap + " must be at least 1");
        }
        return out;
    }
}
