package org.parley.scenarios.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;

/**
 * Shows how far a run is: a progress bar on a terminal, otherwise a plain line every few seconds
 * ({@code [run] 120/500 episodes, 3 failed, 41.2 ep/s}), which reads well in CI logs and files.
 */
public abstract sealed class Progress implements EventSink, AutoCloseable {
    protected final int total;
    protected final AtomicInteger done;
    protected final AtomicInteger failed = new AtomicInteger();

    Progress(int total, int alreadyDone) {
        this.total = total;
        this.done = new AtomicInteger(alreadyDone);
    }

    /** A bar when stdout is a terminal and CI is unset, plain lines otherwise, nothing when quiet. */
    static Progress create(PrintWriter out, int total, int alreadyDone, boolean quiet) {
        if (quiet) {
            return new Silent(total, alreadyDone);
        }
        if (isTerminal() && System.getenv("CI") == null) {
            return new Bar(total, alreadyDone);
        }
        return new Lines(out, total, alreadyDone, Duration.ofSeconds(5));
    }

    static boolean isTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ returns a console even when redirected; isTerminal() tells the difference.
            var m = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void accept(EpisodeEvent event) {
        if (event instanceof EpisodeEvent.Finished f) {
            done.incrementAndGet();
            if (f.result().failed()) {
                failed.incrementAndGet();
            }
            step();
        }
    }

    abstract void step();

    @Override
    public abstract void close();

    static final class Silent extends Progress {
        Silent(int total, int alreadyDone) {
            super(total, alreadyDone);
        }

        @Override
        void step() {}

        @Override
        public void close() {}
    }

    static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(int total, int alreadyDone) {
            super(total, alreadyDone);
            bar = new ProgressBarBuilder().setTaskName("run").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" ep", 1).showSpeed().build();
            bar.stepTo(alreadyDone);
        }

        @Override
        void step() {
            bar.stepTo(done.get());
            if (failed.get() > 0) {
                bar.setExtraMessage(failed.get() + " failed");
            }
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    static final class Lines extends Progress {
        private final PrintWriter out;
        private final ScheduledExecutorService timer;
        private final long startNanos = System.nanoTime();
        private final int startDone;

        Lines(PrintWriter out, int total, int alreadyDone, Duration every) {
            super(total, alreadyDone);
            this.out = out;
            this.startDone = alreadyDone;
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "parley-progress");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        void step() {}

        String line() {
            double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
            double rate = (done.get() - startDone) / seconds;
            return String.format(Locale.ROOT, "[run] %d/%d episodes, %d failed, %.1f ep/s", done.get(), total,
                    failed.get(), rate);
        }

        private void print() {
            out.println(line());
            out.flush();
        }

        @Override
        public void close() {
            timer.shutdownNow();
            print();
        }
    }
}
