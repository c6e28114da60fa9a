package org.parley.environments.maze;

import java.util.List;

/**
 * A square of the maze in the environment's own frame: row 0 is the top line of the drawing,
 * column 0 its left edge. Agents never have to use this frame when they talk to each other.
 */
public record Cell(int row, int col) {

    public Cell step(Direction direction) {
        return new Cell(row + direction.dRow(), col + direction.dCol());
    }

    /** {@code [row, col]}, the form observations carry for rule-based minds. */
    public List<Integer> toList() {
        return List.of(row, col);
    }

    /** Reads {@code [row, col]} from observation data; numbers of any boxed type are accepted. */
    public static Cell fromList(Object value) {
        if (value instanceof List<?> list && list.size() == 2
                && list.get(0) instanceof Number r && list.get(1) instanceof Number c) {
            return new Cell(r.intValue(), c.intValue());
        }
        throw new IllegalArgumentException("expected a cell as [row, col], got " + value);
    }

    /** Manhattan distance: the fewest moves between two cells on an empty grid. */
    public int distance(Cell other) {
        return Math.abs(row - other.row) + Math.abs(col - other.col);
    }

    @Override
    public String toString() {
        return "(" + row + "," + col + ")";
    }
}
