package org.parley.monitoring;

/**
 * One count kept in {@link ThreadCells}: the value of a counter or a gauge that episodes move from
 * any thread. Made and registered by {@link CellMeters}.
 */
final class CellCount {
    private final ThreadCells cells;
    /** Its cell: a caller on the hot path keeps the number and adds to it directly (see {@link ConditionMeters}). */
    final int cell;

    CellCount(ThreadCells cells) {
        this.cells = cells;
        this.cell = cells.allocate(1);
    }

    void increment() {
        cells.add(cell, 1);
    }

    void decrement() {
        cells.add(cell, -1);
    }

    /** Adds {@code n}, which a gauge's count may take below zero. */
    void add(long n) {
        cells.add(cell, n);
    }

    /** Adds {@code n} to the cells of the calling thread, {@code shard}, found once for several adds. */
    void add(ThreadCells.Shard shard, long n) {
        shard.add(cell, n);
    }

    /** The total over every thread, as of now. */
    long sum() {
        return cells.sum(cell);
    }

    /** The total as a double, as Micrometer reads it. */
    double count() {
        return sum();
    }
}
