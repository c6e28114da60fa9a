package org.parley.environments.maze;

import java.util.SplittableRandom;

/**
 * Which cells each agent can see. The split leaves every cell visible to at least one agent, so
 * the pair together knows the whole map; start, goal and the current position are always shown
 * to everyone because they are the shared task, not knowledge to exchange.
 */
public final class ViewMask {
    private final boolean[][] visible;

    private ViewMask(boolean[][] visible) {
        this.visible = visible;
    }

    /**
     * @param agents  number of agents sharing the map (1 sees everything)
     * @param split   {@link MazeParams#SPLITS}
     * @param overlap share of another agent's cells each agent also sees
     */
    public static ViewMask split(Maze maze, int agents, String split, double overlap, SplittableRandom random) {
        var visible = new boolean[agents][maze.size()];
        for (int i = 0; i < maze.size(); i++) {
            var cell = maze.cell(i);
            int owner = agents == 1 ? 0 : switch (split) {
                case "columns" -> Math.min(agents - 1, cell.col() * agents / maze.cols());
                case "rows" -> Math.min(agents - 1, cell.row() * agents / maze.rows());
                case "checkerboard" -> (cell.row() + cell.col()) % agents;
                case "random" -> random.nextInt(agents);
                case "none" -> -1;
                default -> throw new IllegalArgumentException("split: '" + split + "' is unknown; use one of " + MazeParams.SPLITS);
            };
            for (int a = 0; a < agents; a++) {
                boolean shared = owner < 0 || a == owner || cell.equals(maze.start()) || cell.equals(maze.goal());
                // Draw the overlap roll for every agent and cell so masks do not shift with the split.
                boolean overlapping = overlap > 0 && random.nextDouble() < overlap;
                visible[a][i] = shared || overlapping;
            }
        }
        return new ViewMask(visible);
    }

    public boolean sees(int agent, Cell cell, Maze maze) {
        return maze.inBounds(cell) && visible[agent][maze.index(cell)];
    }

    public boolean sees(int agent, int cellIndex) {
        return visible[agent][cellIndex];
    }

    public int agents() {
        return visible.length;
    }

    public int visibleCount(int agent) {
        int n = 0;
        for (boolean v : visible[agent]) {
            n += v ? 1 : 0;
        }
        return n;
    }
}
