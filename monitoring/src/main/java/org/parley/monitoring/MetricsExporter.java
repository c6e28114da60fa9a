package org.parley.monitoring;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Serves a run's metrics in the Prometheus format on {@code http://127.0.0.1:<port>/metrics}.
 *
 * <pre>{@code
 * try (var exporter = MetricsExporter.start(9464)) {        // 0 picks a free port
 *     System.out.println("metrics: " + exporter.url());
 *     Simulation.run(plan, resolver, transcripts, results, exporter.metrics());
 *     exporter.linger(Duration.ofSeconds(30));             // let Prometheus take a last scrape
 * }
 * }</pre>
 *
 * <p>The registry carries JVM and process metrics (memory, GC, threads, class loading, CPU,
 * uptime) beside Parley's own: the run's ({@link #metrics()}, a sink of its events) and the LLM
 * gateway's ({@link #llm()}). A run without metrics makes no exporter and so no registry at all.
 * The endpoint binds to loopback unless another address is given, so a run never exposes itself
 * to the network by accident.
 */
public final class MetricsExporter implements AutoCloseable {
    public static final int DEFAULT_PORT = 9464;
    public static final String LOOPBACK = "127.0.0.1";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;
    private final LlmMetrics llm;
    private final RunMetrics metrics;
    private final HTTPServer server;
    private final String host;

    private MetricsExporter(String host, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("metrics port must be 0..65535 (0 picks a free one), was " + port);
        }
        this.host = Objects.requireNonNull(host, "host");
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        this.gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.llm = new LlmMetrics(registry);
        this.metrics = new RunMetrics();
        metrics.bindTo(registry);
        try {
            this.server = HTTPServer.builder()
                    .hostname(host)
                    .port(port)
                    .registry(registry.getPrometheusRegistry())
                    .buildAndStart();
        } catch (IOException e) {
            gcMetrics.close();
            registry.close();
            throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port
                    + " (" + e.getMessage() + "); choose another port with --metrics-port, 0 for any free port,"
                    + " or turn metrics off with --no-metrics", e);
        }
    }

    /** Starts serving on 127.0.0.1 at {@code port}; 0 picks a free port (see {@link #port()}). */
    public static MetricsExporter start(int port) {
        return new MetricsExporter(LOOPBACK, port);
    }

    /** Starts serving on another address, e.g. {@code 0.0.0.0} for Prometheus in a container. */
    public static MetricsExporter start(String host, int port) {
        return new MetricsExporter(host, port);
    }

    /** The port actually bound. */
    public int port() {
        return server.getPort();
    }

    /** Where Prometheus scrapes, e.g. {@code http://127.0.0.1:9464/metrics}. */
    public String url() {
        return "http://" + host + ":" + port() + "/metrics";
    }

    /** The sink that records a run's events into this exporter's registry; give it to the run. */
    public RunMetrics metrics() {
        return metrics;
    }

    /** Where the LLM gateway reports. */
    public LlmMetrics llm() {
        return llm;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The current exposition text, as a scrape would return it. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * Keeps serving for {@code duration} after the run so that Prometheus takes a final scrape;
     * returns early when the thread is interrupted (Ctrl-C), keeping the interrupt flag.
     */
    public void linger(Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the endpoint and releases the JVM metric listeners. */
    @Override
    public void close() {
        server.close();
        gcMetrics.close();
        registry.close();
    }
}
