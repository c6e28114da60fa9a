package org.parley.environments.maze;

import java.util.Arrays;

/**
 * One agent's picture of the maze: what it saw itself or learnt by bumping (certain) and what it
 * understood from its partner's reports (believed, possibly misread). Plans go through believed
 * open cells at unit cost and through unknown cells at a higher cost.
 */
public final class JointMap {
    public enum Knowledge { UNKNOWN, OPEN_REPORTED, WALL_REPORTED, OPEN_SEEN, WALL_SEEN }

    public static final int FAR = 1_000_000;
    private static final int UNKNOWN_COST = 2;

    private final int rows;
    private final int cols;
    private final Knowledge[] cells;

    public JointMap(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.cells = new Knowledge[rows * cols];
        Arrays.fill(cells, Knowledge.UNKNOWN);
    }

    public int rows() {
        return rows;
    }

    public boolean inBounds(Cell c) {
        return c.row() >= 0 && c.row() < rows && c.col() >= 0 && c.col() < cols;
    }

    public Knowledge get(Cell c) {
        return inBounds(c) ? cells[c.row() * cols + c.col()] : Knowledge.WALL_SEEN;
    }

    public void see(Cell c, boolean wall) {
        if (inBounds(c)) {
            cells[c.row() * cols + c.col()] = wall ? Knowledge.WALL_SEEN : Knowledge.OPEN_SEEN;
        }
    }

    /**
     * Records a partner's report. Returns true when it contradicts what this agent saw itself,
     * which is how a pair notices that they read coordinates differently.
     */
    public boolean hear(Cell c, boolean wall) {
        if (!inBounds(c)) {
            return false;
        }
        var k = get(c);
        if (k == Knowledge.OPEN_SEEN || k == Knowledge.WALL_SEEN) {
            return (k == Knowledge.WALL_SEEN) != wall;
        }
        cells[c.row() * cols + c.col()] = wall ? Knowledge.WALL_REPORTED : Knowledge.OPEN_REPORTED;
        return false;
    }

    /** Drops everything heard from the partner (after realising it was probably misread). */
    public void forgetReports() {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == Knowledge.OPEN_REPORTED || cells[i] == Knowledge.WALL_REPORTED) {
                cells[i] = Knowledge.UNKNOWN;
            }
        }
    }

    public boolean believedWall(Cell c) {
        var k = get(c);
        return k == Knowledge.WALL_SEEN || k == Knowledge.WALL_REPORTED;
    }

    /** Cost of entering a cell, or {@link #FAR} for believed walls. */
    public int cost(Cell c) {
        return switch (get(c)) {
            case WALL_SEEN, WALL_REPORTED -> FAR;
            case UNKNOWN -> UNKNOWN_COST;
            case OPEN_REPORTED, OPEN_SEEN -> 1;
        };
    }

    /** Cheapest cost from every cell to {@code goal} (Dijkstra on a tiny grid, O(n²)). */
    public int[] costsTo(Cell goal) {
        int n = cells.length;
        var dist = new int[n];
        var done = new boolean[n];
        Arrays.fill(dist, FAR);
        dist[goal.row() * cols + goal.col()] = 0;
        for (int iter = 0; iter < n; iter++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!done[i] && dist[i] < FAR && (best < 0 || dist[i] < dist[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            done[best] = true;
            var here = new Cell(best / cols, best % cols);
            int enterHere = here.equals(goal) ? 1 : cost(here);
            if (enterHere >= FAR) {
                continue;
            }
            for (var d : Direction.values()) {
                var prev = here.step(d);
                if (inBounds(prev) && !believedWall(prev)) {
                    int i = prev.row() * cols + prev.col();
                    if (dist[best] + enterHere < dist[i]) {
                        dist[i] = dist[best] + enterHere;
                    }
                }
            }
        }
        return dist;
    }

    public int costAt(int[] costs, Cell c) {
        return inBounds(c) ? costs[c.row() * cols + c.col()] : FAR;
    }
}
