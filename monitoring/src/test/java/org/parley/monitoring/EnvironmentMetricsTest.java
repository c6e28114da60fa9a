package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.monitoring.EpisodeScript.agent;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.RunPlan;
import org.slf4j.LoggerFactory;

/** The metrics environments report by name, as {@code Measured} events through the run's sink. */
class EnvironmentMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RunMetrics metrics = new RunMetrics();
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(EnvironmentMetrics.class);
    private EpisodeScript episode;

    @BeforeEach
    void start() {
        warnings.start();
        logger.addAppender(warnings);
        metrics.bindTo(registry);
        metrics.runStarted(new RunPlan("r", "s", "env", List.of(new EpisodeSpec("", "c", 0, 0),
                new EpisodeSpec("", "d", 0, 0)), 1, RunPlan.Timestamps.LOGICAL));
        episode = EpisodeScript.start(metrics, "c", 0, agent("a", "buyer", "rule-based:buyer")).turn(0);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(warnings);
    }

    private Exposition scrape() {
        return Exposition.parse(registry.scrape());
    }

    @Test
    void aCountBecomesACounterAndAnObservationASummaryWithTheConditionsTags() {
        episode.count("offers", 2, Map.of("side", "buyer")).count("offers", 0.5, Map.of("side", "buyer"));
        episode.observe("deal_price", 7, Map.of()).observe("deal_price", 9, Map.of());
        var s = scrape();
        assertThat(s.types()).containsEntry("parley_env_offers_total", "counter")
                .containsEntry("parley_env_deal_price", "summary");
        assertThat(s.samples("parley_env_offers_total")).singleElement().satisfies(x -> {
            assertThat(x.labels()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("scenario", "s", "condition", "c", "environment", "env", "side", "buyer"));
            assertThat(x.value()).isEqualTo(2.5);
        });
        assertThat(s.sum("parley_env_deal_price_count", Map.of("condition", "c"))).isEqualTo(2);
        assertThat(s.sum("parley_env_deal_price_sum", Map.of("condition", "c"))).isEqualTo(16);
        assertThat(s.sum("parley_env_deal_price_max", Map.of("condition", "c"))).isEqualTo(9);
    }

    @Test
    void namesAndTagKeysAreSanitisedAndTheConditionsTagsWin() {
        episode.count("Offer-Size.v2", 2, Map.of("Price-Band", "high", "condition", "forged", "scenario", "x"));
        episode.count("9lives", 1, Map.of());
        var s = scrape();
        assertThat(s.samples("parley_env_offer_size_v2_total")).singleElement().satisfies(x -> assertThat(x.labels())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("scenario", "s", "condition", "c", "environment", "env", "price_band", "high")));
        assertThat(s.sum("parley_env__9lives_total", Map.of())).isEqualTo(1);
        assertThat(EnvironmentMetrics.sanitize("merge-conflicts")).isEqualTo("merge_conflicts");
        assertThat(EnvironmentMetrics.sanitize("")).isEqualTo("_");
    }

    @Test
    void oneNameMayCarryDifferentTagsAndIsKeptApartPerCondition() {
        episode.count("offers", 1, Map.of("side", "buyer"));
        episode.count("offers", 1, Map.of("side", "seller", "round", "1"));
        episode.complete();
        EpisodeScript.start(metrics, "d", 0, agent("a", "buyer", "rule-based:buyer")).turn(0)
                .count("offers", 4, Map.of("side", "buyer"));
        var s = scrape();
        assertThat(s.samples("parley_env_offers_total")).hasSize(3);
        assertThat(s.sum("parley_env_offers_total", Map.of("side", "buyer"))).isEqualTo(5);
        assertThat(s.sum("parley_env_offers_total", Map.of("condition", "d"))).isEqualTo(4);
        assertThat(s.sum("parley_env_offers_total", Map.of("round", "1"))).isEqualTo(1);
    }

    @Test
    void aNameKeepsItsFirstKindInEveryConditionAndTheOtherKindIsDroppedWithOneWarning() {
        episode.count("offers", 1, Map.of("side", "buyer"));
        episode.observe("offers", 9, Map.of("side", "buyer"));
        episode.observe("offers", 8, Map.of());
        episode.complete();
        EpisodeScript.start(metrics, "d", 0, agent("a", "buyer", "rule-based:buyer")).turn(0)
                .observe("offers", 7, Map.of()).observe("Offers", 7, Map.of()).count("offers", 1, Map.of("side", "buyer"));
        var s = scrape();
        assertThat(s.sum("parley_env_offers_total", Map.of("side", "buyer"))).isEqualTo(2);
        assertThat(s.samples("parley_env_offers_count")).isEmpty();
        assertThat(s.types()).doesNotContainKey("parley_env_offers");
        assertThat(warnings.list).singleElement().satisfies(w -> assertThat(w.getFormattedMessage())
                .contains("'offers'").contains("already counted").contains("one name keeps one kind"));
    }
}
