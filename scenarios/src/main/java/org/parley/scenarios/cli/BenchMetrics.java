package org.parley.scenarios.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parley.monitoring.MetricsExporter;
import org.parley.runtime.event.EventSink;

/**
 * The metrics side of {@code parley bench}: one exporter on 127.0.0.1 for the whole benchmark, as
 * a long run has one, and a scraper that reads {@code /metrics} over HTTP every second while a
 * measured run records into it, as Prometheus would.
 *
 * <p>One exporter across the runs with metrics on, rather than a fresh one per run: starting an
 * exporter (registry, JVM binders, HTTP server) is a cost a run pays once, and on a short
 * benchmark run its set-up code, compiled anew by the JIT each time, would be counted as if every
 * episode paid it. The scraper pauses while metrics are off, so those runs carry none of it.
 */
final class BenchMetrics implements AutoCloseable {
    private final MetricsExporter exporter = MetricsExporter.start(0);
    private final HttpClient client = HttpClient.newHttpClient();
    private final HttpRequest request = HttpRequest.newBuilder(URI.create(exporter.url())).build();
    private final ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-scraper");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean scraping;

    BenchMetrics() {
        scraper.scheduleAtFixedRate(this::scrape, 1, 1, TimeUnit.SECONDS);
    }

    private void scrape() {
        if (!scraping) {
            return;
        }
        try {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // a missed scrape only makes the measurement kinder to metrics; keep going
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the scrape path as often as a long run would have by the time it is measured: a long
     * run is scraped hundreds of times, the benchmark's warm-up runs a dozen or two, so without
     * this the JIT would still be compiling the exposition code during the measured runs with
     * metrics on (and only those), on cores the episodes need.
     */
    void warmUpScrapes(int inProcess, int overHttp) {
        for (int i = 0; i < inProcess; i++) {
            exporter.scrape();
        }
        for (int i = 0; i < overHttp; i++) {
            try {
                client.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The sink a run with metrics on records through; scraping runs until {@link #pause()}. */
    EventSink resume() {
        scraping = true;
        return exporter.metrics();
    }

    void pause() {
        scraping = false;
    }

    @Override
    public void close() {
        scraping = false;
        // let a scrape in progress finish before the endpoint closes under it
        scraper.shutdown();
        try {
            scraper.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
        exporter.close();
    }
}
