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
        return cost(get(c));
    }

    private static int cost(Knowledge k) {
        return switch (k) {
            case WALL_SEEN, WALL_REPORTED -> FAR;
            case UNKNOWN -> UNKNOWN_COST;
            case OPEN_REPORTED, OPEN_SEEN -> 1;
        };
    }

    /**
     * Cheapest cost from every cell to {@code goal}: a label-correcting search with a ring queue of
     * cell indices (costs are small integers, the grid tiny), allocating nothing per cell.
     */
    public int[] costsTo(Cell goal) {
        int n = cells.length;
        var dist = new int[n];
        Arrays.fill(dist, FAR);
        var queue = new int[n + 1];
        var queued = new boolean[n];
        int head = 0;
        int tail = 0;
        int goalIndex = goal.row() * cols + goal.col();
        dist[goalIndex] = 0;
        queue[tail++] = goalIndex;
        queued[goalIndex] = true;
        while (head != tail) {
            int best = queue[head];
            head = (head + 1) % queue.length;
            queued[best] = false;
            int enterHere = best == goalIndex ? 1 : cost(cells[best]);
            if (enterHere >= FAR) {
                continue;
            }
            int r = best / cols;
            int c = best % cols;
            for (int k = 0; k < 4; k++) {
                int nr = r + (k == 0 ? -1 : k == 1 ? 1 : 0);
                int nc = c + (k == 2 ? -1 : k == 3 ? 1 : 0);
                if (nr < 0 || nr >= rows || nc < 0 || nc >= cols) {
                    continue;
                }
                int i = nr * cols + nc;
                var kn = cells[i];
                if (kn != Knowledge.WALL_SEEN && kn != Knowledge.WALL_REPORTED && dist[best] + enterHere < dist[i]) {
                    dist[i] = dist[best] + enterHere;
                    if (!queued[i]) {
                        queued[i] = true;
                        queue[tail] = i;
                        tail = (tail + 1) % queue.length;
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
