package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ThreadCellsTest {

    @Test
    void addsFromManyPlatformAndVirtualThreadsAllArriveInTheSum() throws Exception {
        var cells = new ThreadCells();
        int count = cells.allocate(1);
        int amount = cells.allocateDouble();
        int threads = 8, adds = 100_000;
        var start = new CountDownLatch(1);
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            Runnable work = () -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < adds; i++) {
                    cells.add(count, 1);
                    cells.local().addDouble(amount, 0.5);
                }
            };
            workers.add(t % 2 == 0 ? Thread.ofPlatform().start(work) : Thread.ofVirtual().start(work));
        }
        start.countDown();
        for (var w : workers) {
            w.join();
        }
        assertThat(cells.sum(count)).isEqualTo((long) threads * adds);
        assertThat(cells.sumDouble(amount)).isEqualTo(threads * adds * 0.5);
    }

    @Test
    void cellsReservedAfterAThreadFirstAddedGrowItsArrayWithoutLosingEarlierCounts() {
        var cells = new ThreadCells();
        int first = cells.allocate(1);
        cells.add(first, 3);
        var later = new int[200];
        for (int i = 0; i < later.length; i++) {
            later[i] = cells.allocate(1);
            cells.add(later[i], i);
        }
        assertThat(cells.sum(first)).isEqualTo(3);
        for (int i = 0; i < later.length; i++) {
            assertThat(cells.sum(later[i])).isEqualTo(i);
        }
    }

    @Test
    void theCellsOfEndedThreadsAreFoldedInSoThreadsThatComeAndGoKeepTheirCountsInBoundedMemory() throws Exception {
        var cells = new ThreadCells();
        int count = cells.allocate(1);
        int amount = cells.allocateDouble();
        for (int t = 0; t < 50; t++) {
            var worker = Thread.ofPlatform().start(() -> {
                cells.add(count, 2);
                cells.local().addDouble(amount, 0.25);
            });
            worker.join();
        }
        assertThat(cells.sum(count)).isEqualTo(100);
        assertThat(cells.sumDouble(amount)).isEqualTo(12.5);
        // Each new thread folds in the ones that ended before it: only the last is still apart.
        assertThat(cells.threadsKept()).isLessThanOrEqualTo(1);
    }

    @Test
    void aGaugeMovedUpOnOneThreadAndDownOnAnotherReadsZero() throws Exception {
        var cells = new ThreadCells();
        var running = new CellCount(cells);
        running.increment();
        try (var other = Executors.newSingleThreadExecutor()) {
            other.submit(running::decrement).get();
        }
        assertThat(running.sum()).isZero();
    }
}
