package org.parley.scenarios.run;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.parley.monitoring.MetricsExporter;
import org.parley.runtime.event.EventSink;
import org.parley.scenarios.model.MonitoringSpec;

/**
 * The monitoring of one run: when metrics are on, the {@code /metrics} endpoint on 127.0.0.1 and
 * the sink that counts what the dashboards show. With metrics off there is no registry and no
 * sink at all; summary.json's figures come from the run's own outputs either way.
 *
 * <pre>{@code
 * try (var monitoring = RunMonitoring.start(RunMonitoring.Settings.resolve(spec, null, null, null))) {
 *     monitoring.url().ifPresent(u -> System.out.println("metrics: " + u));
 *     Simulation.run(run.plan(), run.resolver(), run.sinks(monitoring.sink().stream().toList()));
 *     run.finish();                  // summary.json with the coordination figures
 *     monitoring.linger();
 * }
 * }</pre>
 */
public final class RunMonitoring implements AutoCloseable {

    /**
     * Resolved settings.
     *
     * @param enabled       serve {@code /metrics}
     * @param port          the port; 0 picks a free one
     * @param portRequested the port was asked for (flag or scenario file): if it is taken the run
     *                      does not start; the default port falls back to a free one instead
     * @param linger        how long to keep serving after the run
     */
    public record Settings(boolean enabled, int port, boolean portRequested, Duration linger) {
        public Settings {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("the metrics port must be 0..65535 (0 picks a free one), was " + port);
            }
            if (linger == null || linger.isNegative()) {
                linger = Duration.ZERO;
            }
        }

        /** Metrics off. */
        public static Settings off() {
            return new Settings(false, MetricsExporter.DEFAULT_PORT, false, Duration.ZERO);
        }

        /**
         * The scenario file's {@code monitoring} block with the command line's flags on top (each
         * flag null when not given); defaults fill what neither sets. A port asked for turns
         * metrics on even when the file turns them off, {@code --no-metrics} turns them off.
         */
        public static Settings resolve(MonitoringSpec file, boolean noMetrics, Integer cliPort, Duration cliLinger) {
            MonitoringSpec f = file == null ? MonitoringSpec.defaults() : file;
            boolean enabled = !noMetrics && (cliPort != null || !Boolean.FALSE.equals(f.enabled()));
            Integer port = cliPort != null ? cliPort : f.port();
            Duration linger = cliLinger != null ? cliLinger : f.linger();
            return new Settings(enabled, port != null ? port : MetricsExporter.DEFAULT_PORT, port != null,
                    linger == null ? Duration.ZERO : linger);
        }
    }

    private final Settings settings;
    private final MetricsExporter exporter;
    private final String notice;

    private RunMonitoring(Settings settings, MetricsExporter exporter, String notice) {
        this.settings = settings;
        this.exporter = exporter;
        this.notice = notice;
    }

    /**
     * Starts the endpoint (when enabled). The default port, when taken, gives way to a free one
     * (see {@link #notice()}); a port asked for that is taken fails with a message that names the
     * fixes.
     */
    public static RunMonitoring start(Settings settings) throws RunSetupException {
        if (!settings.enabled()) {
            return new RunMonitoring(settings, null, null);
        }
        try {
            return new RunMonitoring(settings, MetricsExporter.start(settings.port()), null);
        } catch (UncheckedIOException e) {
            if (settings.portRequested()) {
                throw new RunSetupException("cannot serve metrics on 127.0.0.1:" + settings.port() + " ("
                        + rootMessage(e) + "); is another run or exporter using it? Choose another port with "
                        + "--metrics-port (0 for any free port), or run without metrics with --no-metrics");
            }
        }
        MetricsExporter fallback;
        try {
            fallback = MetricsExporter.start(0);
        } catch (UncheckedIOException e) {
            throw new RunSetupException("cannot serve metrics on any port of 127.0.0.1 (" + rootMessage(e)
                    + "); run without metrics with --no-metrics");
        }
        return new RunMonitoring(settings, fallback, "the default metrics port " + settings.port()
                + " is in use, serving on " + fallback.port() + " instead (a Prometheus set up for "
                + settings.port() + " will not see this run; pass --metrics-port to choose)");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public Settings settings() {
        return settings;
    }

    /** The {@code /metrics} URL, when served. */
    public Optional<String> url() {
        return exporter == null ? Optional.empty() : Optional.of(exporter.url());
    }

    /** What to tell the user about the endpoint beyond its URL (a fallback port), if anything. */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /** The sink to add to the run's sinks, when metrics are served. */
    public Optional<EventSink> sink() {
        return exporter == null ? Optional.empty() : Optional.of(exporter.metrics());
    }

    /** The exporter, when metrics are served (for embedding: {@code exporter.llm()}). */
    public Optional<MetricsExporter> exporter() {
        return Optional.ofNullable(exporter);
    }

    /** Keeps serving for the configured linger (returns at once when metrics are off). */
    public void linger() {
        if (exporter != null) {
            exporter.linger(settings.linger());
        }
    }

    @Override
    public void close() {
        if (exporter != null) {
            exporter.close();
        }
    }
}
