package org.parley.monitoring;

/**
 * A counter kept in {@link ThreadCells} that may grow by fractions: an environment's named counter,
 * whose amounts are doubles. Made and registered by {@link CellMeters}.
 */
final class CellAmount {
    private final ThreadCells cells;
    private final int cell;

    CellAmount(ThreadCells cells) {
        this.cells = cells;
        this.cell = cells.allocateDouble();
    }

    void add(double amount) {
        add(cells.local(), amount);
    }

    /** Adds to the cells of the calling thread, {@code shard}. */
    void add(ThreadCells.Shard shard, double amount) {
        shard.addDouble(cell, amount);
    }

    /** The total over every thread, as of now. */
    double count() {
        return cells.sumDouble(cell);
    }
}
