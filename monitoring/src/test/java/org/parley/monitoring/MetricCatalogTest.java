package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricCatalogTest {

    @Test
    void everyDocumentedMetricIsScrapedOverHttpAfterARunAndNothingUndocumentedIs() throws Exception {
        var catalog = MetricCatalog.read(Scrapes.repoRoot().resolve("docs/metrics.md"));
        try (var exporter = MetricsExporter.start(0)) {
            SyntheticRun.drive(exporter.metrics(), SyntheticRun.plan(3, 11));
            var scrape = Scrapes.scrape(exporter);

            assertThat(catalog.problems(scrape)).isEmpty();
            assertThat(catalog.entries()).hasSizeGreaterThan(60);
        }
    }

    @Test
    void reportsAMissingMetricAWrongTypeWrongLabelsAndAnUndocumentedOne() {
        var catalog = MetricCatalog.parse("""
                | Name | Type | Unit | Labels | Meaning |
                |---|---|---|---|---|
                | `parley_ghost_total` | counter | x | scenario | never exported |
                | `parley_episodes_running` | counter | x | scenario, condition, environment | wrong type |
                | `parley_agents_alive` | gauge | x | scenario, role | wrong labels |
                """, "inline");
        var registry = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        var metrics = new RunMetrics();
        metrics.bindTo(registry);
        SyntheticRun.drive(metrics, SyntheticRun.plan(1, 3));
        var problems = catalog.problems(Exposition.parse(registry.scrape()));

        assertThat(problems).anyMatch(p -> p.startsWith("parley_ghost_total: missing"));
        assertThat(problems).anyMatch(p -> p.startsWith("parley_episodes_running: documented as counter, scraped as gauge"));
        assertThat(problems).anyMatch(p -> p.startsWith("parley_agents_alive: labels"));
        assertThat(problems).anyMatch(p -> p.equals("parley_actions_total: scraped but not in the catalog"));
    }

    @Test
    void knowsSampleNamesOfHistogramsAndPatternFamilies() {
        var catalog = MetricCatalog.read(Scrapes.repoRoot().resolve("docs/metrics.md"));
        assertThat(catalog.documents("parley_action_latency_seconds_bucket")).isTrue();
        assertThat(catalog.documents("parley_action_latency_seconds_max")).isTrue();
        assertThat(catalog.documents("parley_outcome_score_max")).isTrue();
        assertThat(catalog.documents("parley_episodes_started_max")).isFalse();
        assertThat(catalog.documents("parley_env_merge_conflicts_total")).isTrue();
        assertThat(catalog.documents("parley_actions")).isFalse();
        assertThat(catalog.documents("parley_nonexistent_total")).isFalse();
    }

    @Test
    void aMalformedRowIsNamedByLine() {
        assertThatThrownBy(() -> MetricCatalog.parse("intro\n| `x` | countr | u | l | m |\n", "metrics.md"))
                .hasMessageContaining("metrics.md:2")
                .hasMessageContaining("countr");
    }
}
