package org.parley.environments.maze;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One grid maze: walls, a start and a goal. Immutable; cells outside the grid count as walls.
 */
public final class Maze {
    /** Distance value for cells that cannot be reached. */
    public static final int UNREACHABLE = Integer.MAX_VALUE;

    private final int rows;
    private final int cols;
    private final boolean[] walls;
    private final Cell start;
    private final Cell goal;

    public Maze(int rows, int cols, boolean[] walls, Cell start, Cell goal) {
        if (rows < 2 || cols < 2) {
            throw new IllegalArgumentException("a maze needs at least 2x2 cells, was " + rows + "x" + cols);
        }
        if (walls.length != rows * cols) {
            throw new IllegalArgumentException("wall array has " + walls.length + " cells for a " + rows + "x" + cols + " maze");
        }
        this.rows = rows;
        this.cols = cols;
        this.walls = walls.clone();
        this.start = start;
        this.goal = goal;
        if (!isOpen(start) || !isOpen(goal)) {
            throw new IllegalArgumentException("start " + start + " and goal " + goal + " must be open cells inside the maze");
        }
    }

    /** Builds a maze from lines of {@code #} (wall), {@code .} (open), {@code S} (start), {@code G} (goal). */
    public static Maze parse(String... lines) {
        int rows = lines.length;
        int cols = lines[0].length();
        var walls = new boolean[rows * cols];
        Cell start = null;
        Cell goal = null;
        for (int r = 0; r < rows; r++) {
            if (lines[r].length() != cols) {
                throw new IllegalArgumentException("maze line " + r + " has " + lines[r].length() + " cells, expected " + cols);
            }
            for (int c = 0; c < cols; c++) {
                switch (lines[r].charAt(c)) {
                    case '#' -> walls[r * cols + c] = true;
                    case 'S' -> start = new Cell(r, c);
                    case 'G' -> goal = new Cell(r, c);
                    case '.' -> { }
                    default -> throw new IllegalArgumentException(
                            "maze line " + r + " column " + c + ": use # . S or G, found '" + lines[r].charAt(c) + "'");
                }
            }
        }
        if (start == null || goal == null) {
            throw new IllegalArgumentException("a maze needs one S (start) and one G (goal)");
        }
        return new Maze(rows, cols, walls, start, goal);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public Cell start() {
        return start;
    }

    public Cell goal() {
        return goal;
    }

    public int size() {
        return rows * cols;
    }

    public boolean inBounds(Cell cell) {
        return cell.row() >= 0 && cell.row() < rows && cell.col() >= 0 && cell.col() < cols;
    }

    public boolean isWall(Cell cell) {
        return !inBounds(cell) || walls[index(cell)];
    }

    public boolean isOpen(Cell cell) {
        return !isWall(cell);
    }

    public int index(Cell cell) {
        return cell.row() * cols + cell.col();
    }

    public Cell cell(int index) {
        return new Cell(index / cols, index % cols);
    }

    public int wallCount() {
        int n = 0;
        for (boolean w : walls) {
            n += w ? 1 : 0;
        }
        return n;
    }

    /** Breadth-first distances from {@code from} to every cell; {@link #UNREACHABLE} where none. */
    public int[] distancesFrom(Cell from) {
        var dist = new int[size()];
        Arrays.fill(dist, UNREACHABLE);
        var queue = new ArrayDeque<Cell>();
        dist[index(from)] = 0;
        queue.add(from);
        while (!queue.isEmpty()) {
            var here = queue.poll();
            for (var d : Direction.ALL) {
                var next = here.step(d);
                if (isOpen(next) && dist[index(next)] == UNREACHABLE) {
                    dist[index(next)] = dist[index(here)] + 1;
                    queue.add(next);
                }
            }
        }
        return dist;
    }

    /** Length of the shortest start-to-goal path, or {@link #UNREACHABLE}. */
    public int shortestSolution() {
        return distancesFrom(start)[index(goal)];
    }

    /** One shortest path from {@code from} to the goal as directions; empty if there is none. */
    public List<Direction> shortestPath(Cell from) {
        var toGoal = distancesFrom(goal);
        if (toGoal[index(from)] == UNREACHABLE) {
            return List.of();
        }
        var path = new ArrayList<Direction>();
        var here = from;
        while (!here.equals(goal)) {
            for (var d : Direction.ALL) {
                var next = here.step(d);
                if (isOpen(next) && toGoal[index(next)] == toGoal[index(here)] - 1) {
                    path.add(d);
                    here = next;
                    break;
                }
            }
        }
        return path;
    }

    /** The maze as lines of {@code # . S G}, the same form {@link #parse} reads. */
    public List<String> lines() {
        var out = new ArrayList<String>(rows);
        for (int r = 0; r < rows; r++) {
            var line = new StringBuilder(cols);
            for (int c = 0; c < cols; c++) {
                var cell = new Cell(r, c);
                line.append(cell.equals(start) ? 'S' : cell.equals(goal) ? 'G' : isWall(cell) ? '#' : '.');
            }
            out.add(line.toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
