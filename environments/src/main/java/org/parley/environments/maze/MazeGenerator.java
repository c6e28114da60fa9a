package org.parley.environments.maze;

import java.util.ArrayList;
import java.util.SplittableRandom;

/**
 * Draws mazes by rejection: scatter walls at the requested density, pick a start, and keep the
 * layout only if some open cell lies at a shortest-path distance inside the requested range.
 * Seeded, so the same seed always draws the same maze.
 */
public final class MazeGenerator {
    private final int rows;
    private final int cols;
    private final double wallDensity;
    private final int minSolution;
    private final int maxSolution;
    private final int maxAttempts;

    public MazeGenerator(int rows, int cols, double wallDensity, int minSolution, int maxSolution, int maxAttempts) {
        this.rows = rows;
        this.cols = cols;
        this.wallDensity = wallDensity;
        this.minSolution = minSolution;
        this.maxSolution = maxSolution;
        this.maxAttempts = maxAttempts;
    }

    public static MazeGenerator from(MazeParams params) {
        return new MazeGenerator(params.rows(), params.cols(), params.wallDensity(), params.minSolution(),
                params.maxSolution(), params.maxAttempts());
    }

    public Maze generate(long seed) {
        var random = new SplittableRandom(seed);
        int cells = rows * cols;
        int wallCount = (int) Math.round(wallDensity * cells);
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            var walls = new boolean[cells];
            var order = shuffled(cells, random);
            for (int i = 0; i < wallCount; i++) {
                walls[order[i]] = true;
            }
            var start = order[wallCount + random.nextInt(cells - wallCount)];
            var probe = new Maze(rows, cols, walls, cellOf(start), cellOf(start));
            var dist = probe.distancesFrom(cellOf(start));
            var goals = new ArrayList<Integer>();
            for (int i = 0; i < cells; i++) {
                if (dist[i] >= minSolution && dist[i] <= maxSolution) {
                    goals.add(i);
                }
            }
            if (!goals.isEmpty()) {
                var goal = goals.get(random.nextInt(goals.size()));
                return new Maze(rows, cols, walls, cellOf(start), cellOf(goal));
            }
        }
        throw new IllegalStateException("no " + rows + "x" + cols + " maze with wall density " + wallDensity
                + " and a shortest solution of " + minSolution + ".." + maxSolution + " steps after " + maxAttempts
                + " attempts; lower wall-density or widen min-solution/max-solution");
    }

    private Cell cellOf(int index) {
        return new Cell(index / cols, index % cols);
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        var order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
