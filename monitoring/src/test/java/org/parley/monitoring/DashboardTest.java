package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Structural checks of the shipped Grafana dashboards (the full type check against
 * {@code @grafana/schema} runs in .ci/prometheus-check, which may use the network), and a check
 * that every metric their queries read is documented and actually exported.
 */
class DashboardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "gauge", "bargauge", "table", "text", "row");

    private static Path dashboards() {
        return Scrapes.repoRoot().resolve("monitoring/grafana/dashboards");
    }

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(Files.readString(dashboards().resolve(file)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overview.json", "social-dynamics.json"})
    void isAStructurallyValidDashboard(String file) throws IOException {
        var d = read(file);
        assertThat(d.path("schemaVersion").isInt()).as("schemaVersion").isTrue();
        assertThat(d.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        assertThat(d.path("uid").asText()).startsWith("parley-");
        assertThat(d.path("title").asText()).isNotBlank();
        assertThat(d.path("time").path("from").asText()).isNotBlank();

        var variables = d.path("templating").path("list");
        assertThat(variables.isArray()).isTrue();
        assertThat(find(variables, "datasource").path("type").asText()).isEqualTo("datasource");
        assertThat(find(variables, "datasource").path("query").asText()).isEqualTo("prometheus");

        var ids = new HashSet<Integer>();
        var cells = new HashSet<String>();
        var panels = d.path("panels");
        assertThat(panels.size()).isGreaterThan(5);
        for (var panel : panels) {
            var title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as("unique id of " + title).isTrue();
            assertThat(PANEL_TYPES).as("type of " + title).contains(panel.path("type").asText());
            var grid = panel.path("gridPos");
            for (var key : List.of("h", "w", "x", "y")) {
                assertThat(grid.path(key).isInt()).as(title + " gridPos." + key).isTrue();
            }
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title + " fits 24 columns").isLessThanOrEqualTo(24);
            for (int y = grid.path("y").asInt(); y < grid.path("y").asInt() + grid.path("h").asInt(); y++) {
                for (int x = grid.path("x").asInt(); x < grid.path("x").asInt() + grid.path("w").asInt(); x++) {
                    assertThat(cells.add(x + ":" + y)).as(title + " overlaps another panel at " + x + "," + y).isTrue();
                }
            }
            if (panel.path("type").asText().equals("row")) {
                assertThat(panel.path("panels").isArray()).isTrue();
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo("${datasource}");
            assertThat(panel.path("fieldConfig").path("defaults").isObject()).as(title + " fieldConfig.defaults").isTrue();
            var targets = panel.path("targets");
            assertThat(targets.size()).as(title + " targets").isPositive();
            var refIds = new HashSet<String>();
            for (var target : targets) {
                assertThat(refIds.add(target.path("refId").asText())).as(title + " refId").isTrue();
                assertThat(target.path("expr").asText()).as(title + " expr").isNotBlank();
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            }
        }
    }

    @Test
    void socialDynamicsFiltersEveryQueryByTheConditionVariable() throws IOException {
        var d = read("social-dynamics.json");
        var condition = find(d.path("templating").path("list"), "condition");
        assertThat(condition.path("type").asText()).isEqualTo("query");
        assertThat(condition.path("query").path("query").asText()).startsWith("label_values(").contains("condition");
        assertThat(condition.path("multi").asBoolean()).isTrue();
        assertThat(condition.path("includeAll").asBoolean()).isTrue();
        for (var expr : expressions(d)) {
            assertThat(expr).contains("condition=~\"$condition\"");
        }
    }

    @Test
    void everyMetricTheDashboardsReadIsDocumentedAndExported() throws IOException {
        var catalog = MetricCatalog.read(Scrapes.repoRoot().resolve("docs/metrics.md"));
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
        try (var gc = new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics()) {
            gc.bindTo(registry);
            new LlmMetrics(registry); // a rule-based run's placeholder series, as MetricsExporter makes them
            var metrics = new RunMetrics();
            metrics.bindTo(registry);
            SyntheticRun.drive(metrics, SyntheticRun.plan(2, 3));
            var exported = Exposition.parse(registry.scrape()).sampleNames();
            var names = new ArrayList<String>();
            for (var file : List.of("overview.json", "social-dynamics.json")) {
                for (var expr : expressions(read(file))) {
                    for (var name : PromQl.metricNames(expr)) {
                        names.add(name);
                        assertThat(catalog.documents(name)).as(name + " in " + file + " is in docs/metrics.md").isTrue();
                        assertThat(exported).as(name + " in " + file + " is exported").contains(name);
                    }
                }
            }
            assertThat(names).contains("parley_coordination_successes_total", "parley_llm_cost_usd_total",
                    "parley_action_latency_seconds_bucket", "jvm_memory_used_bytes");
        }
    }

    @Test
    void extractsMetricNamesFromQueries() {
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, role) (rate(parley_action_latency_seconds_bucket{scenario=~\"$scenario\"}[$__rate_interval])))"))
                .containsExactly("parley_action_latency_seconds_bucket");
        assertThat(PromQl.metricNames(
                "sum by (condition, barrier) (a_total{x=\"y\"}) / on (condition) group_left sum by (condition) (b_total) * 1e3"))
                .containsExactly("a_total", "b_total");
    }

    private static JsonNode find(JsonNode variables, String name) {
        for (var v : variables) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no template variable " + name);
    }

    private static List<String> expressions(JsonNode dashboard) {
        var out = new ArrayList<String>();
        for (var panel : dashboard.path("panels")) {
            for (var target : panel.path("targets")) {
                out.add(target.path("expr").asText());
            }
        }
        return out;
    }
}
