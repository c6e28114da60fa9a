package org.parley.monitoring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The numbers behind the run listener's counters, gauges and distributions: every thread adds into
 * cells of its own, and a scrape sums a cell over all threads.
 *
 * <p>Why not {@code LongAdder} or the Prometheus client's counters: both add with an atomic
 * read-modify-write instruction. On x86 such an instruction first waits until every earlier store
 * of its core has reached the cache, and an episode thread has just written many fresh objects
 * (transcript lines, observations), each store a miss, so every atomic add waits for those misses.
 * Here only one thread ever writes a cell, so an add is an ordinary load and store (an opaque
 * store: never torn, seen by a scrape soon after) and waits for nothing.
 *
 * <p>Virtual threads share one set of cells, added to under a lock, so their number cannot grow
 * the memory without bound. Nor can threads that come and go (a dispatcher retires idle threads
 * and starts new ones): when a new thread first adds, the cells of threads that have ended are
 * folded into the shared set and dropped.
 */
final class ThreadCells {
    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Cells left unused at both ends of a thread's array, so two threads' arrays never share a cache line. */
    private static final int PADDING = 8;

    private final AtomicInteger allocated = new AtomicInteger(PADDING);
    private final CopyOnWriteArrayList<Shard> shards = new CopyOnWriteArrayList<>();
    /** Cells that hold the bits of a double (see {@link #allocateDouble}); guarded by {@link #shards}. */
    private final BitSet doubleCells = new BitSet();
    private final ThreadLocal<Shard> local = ThreadLocal.withInitial(() -> newShard(Thread.currentThread()));
    private final Shard shared = newShard(null);

    /** Reserves {@code n} consecutive cells for counts, at zero, and returns the first. */
    int allocate(int n) {
        return allocated.getAndAdd(n);
    }

    /** Reserves one cell for a double added to with {@link Shard#addDouble}, at zero. */
    int allocateDouble() {
        int cell = allocated.getAndAdd(1);
        synchronized (shards) {
            doubleCells.set(cell);
        }
        return cell;
    }

    /** This thread's cells. */
    Shard local() {
        return Thread.currentThread().isVirtual() ? shared : local.get();
    }

    void add(int cell, long n) {
        local().add(cell, n);
    }

    /** The cell's total over every thread, as of now. */
    long sum(int cell) {
        long total = 0;
        synchronized (shards) {
            for (var shard : shards) {
                total += shard.get(cell);
            }
        }
        return total;
    }

    /** The total of a cell added to with {@link Shard#addDouble}. */
    double sumDouble(int cell) {
        double total = 0;
        synchronized (shards) {
            for (var shard : shards) {
                total += Double.longBitsToDouble(shard.get(cell));
            }
        }
        return total;
    }

    /** Threads whose cells are kept apart (for tests). */
    int threadsKept() {
        return shards.size() - 1;
    }

    private Shard newShard(Thread owner) {
        var shard = new Shard(owner, allocated.get() + PADDING);
        synchronized (shards) {
            if (owner != null) {
                retireEndedThreads();
            }
            shards.add(shard);
        }
        return shard;
    }

    /**
     * Folds the cells of threads that have ended into the shared ones. Under the lock the sums
     * take, so no sum sees a cell counted twice or not at all; an ended thread adds nothing more.
     */
    private void retireEndedThreads() {
        for (var shard : shards) {
            if (shard.owner != null && !shard.owner.isAlive()) {
                shared.absorb(shard, doubleCells);
                shards.remove(shard);
            }
        }
    }

    /** The cells of one thread (or of all virtual threads, which add under its lock). */
    final class Shard {
        /** The thread that adds here; null for the cells virtual threads share. */
        private final Thread owner;
        private volatile long[] cells;

        private Shard(Thread owner, int size) {
            this.owner = owner;
            this.cells = new long[size];
        }

        /** Whether {@code thread} adds here without a lock: the shard is that platform thread's own. */
        boolean ownedBy(Thread thread) {
            return owner == thread;
        }

        /** Adds every cell of an ended thread's shard to this one (the shared one). */
        private synchronized void absorb(Shard ended, BitSet doubles) {
            long[] from = ended.cells;
            long[] c = from.length <= cells.length ? cells : grow(from.length - 1);
            for (int i = 0; i < from.length; i++) {
                long v = from[i];
                if (v == 0) {
                    continue;
                }
                long sum = doubles.get(i)
                        ? Double.doubleToRawLongBits(Double.longBitsToDouble(c[i]) + Double.longBitsToDouble(v))
                        : c[i] + v;
                CELLS.setOpaque(c, i, sum);
            }
        }

        void add(int cell, long n) {
            if (this == shared) {
                addShared(cell, n);
                return;
            }
            long[] c = cells;
            if (cell >= c.length) {
                c = grow(cell);
            }
            CELLS.setOpaque(c, cell, c[cell] + n);
        }

        /** Adds to a cell that holds a double's bits. */
        void addDouble(int cell, double x) {
            if (this == shared) {
                addSharedDouble(cell, x);
                return;
            }
            long[] c = cells;
            if (cell >= c.length) {
                c = grow(cell);
            }
            CELLS.setOpaque(c, cell, Double.doubleToRawLongBits(Double.longBitsToDouble(c[cell]) + x));
        }

        private synchronized void addShared(int cell, long n) {
            long[] c = cell < cells.length ? cells : grow(cell);
            CELLS.setOpaque(c, cell, c[cell] + n);
        }

        private synchronized void addSharedDouble(int cell, double x) {
            long[] c = cell < cells.length ? cells : grow(cell);
            CELLS.setOpaque(c, cell, Double.doubleToRawLongBits(Double.longBitsToDouble(c[cell]) + x));
        }

        /**
         * A longer array for cells reserved since this one was made. Only the owning thread (or,
         * for the virtual threads' shard, the one holding its lock) grows it and adds, so no add is lost; a scrape reading the old array meanwhile sees older
         * values, as it would a moment earlier.
         */
        private synchronized long[] grow(int cell) {
            long[] c = cells;
            if (cell < c.length) {
                return c;
            }
            int size = Math.max(Math.max(c.length * 2, cell + 1), allocated.get()) + PADDING;
            c = Arrays.copyOf(c, size);
            cells = c;
            return c;
        }

        private long get(int cell) {
            long[] c = cells;
            return cell < c.length ? (long) CELLS.getOpaque(c, cell) : 0;
        }
    }
}
