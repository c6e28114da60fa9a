package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compose files, Prometheus config and Grafana provisioning agree with each other: the
 * mounted paths are the ones the configs read, the scrape target is Parley's default port, and
 * the data source is the one the dashboards' variable selects.
 */
class ProvisioningTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Path monitoring() {
        return Scrapes.repoRoot().resolve("monitoring");
    }

    private static JsonNode yaml(String path) throws IOException {
        return YAML.readTree(Files.readString(monitoring().resolve(path)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-compose.yml", "docker-compose.host-network.yml"})
    void composeMountsWhatTheConfigsRead(String file) throws IOException {
        var compose = yaml(file);
        var prometheus = compose.path("services").path("prometheus");
        var grafana = compose.path("services").path("grafana");
        assertThat(prometheus.path("image").asText()).startsWith("prom/prometheus:v");
        assertThat(grafana.path("image").asText()).startsWith("grafana/grafana:");

        var promVolumes = volumes(prometheus);
        assertThat(promVolumes).contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        var targets = promVolumes.stream().filter(v -> v.endsWith(":/etc/prometheus/targets:ro")).findFirst().orElseThrow();
        var targetDir = targets.substring(2, targets.indexOf(':'));
        var targetFile = yaml(targetDir + "/parley.yml");
        assertThat(targetFile.get(0).path("targets").get(0).asText()).endsWith(":" + MetricsExporter.DEFAULT_PORT);

        var prometheusConfig = yaml("prometheus/prometheus.yml");
        var sd = prometheusConfig.path("scrape_configs").get(0).path("file_sd_configs").get(0).path("files").get(0).asText();
        assertThat(sd).startsWith("/etc/prometheus/targets/");
        assertThat(prometheusConfig.path("scrape_configs").get(0).path("metrics_path").asText()).isEqualTo("/metrics");

        var provider = yaml("grafana/provisioning/dashboards/parley.yml").path("providers").get(0);
        var dashboardsPath = provider.path("options").path("path").asText();
        assertThat(volumes(grafana)).contains("./grafana/dashboards:" + dashboardsPath + ":ro",
                "./grafana/provisioning:/etc/grafana/provisioning:ro");
        assertThat(grafana.path("environment").path("PROMETHEUS_URL").asText()).endsWith(":9090");
        assertThat(grafana.path("environment").path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").asText())
                .isEqualTo(dashboardsPath + "/overview.json");
    }

    @Test
    void theDataSourceIsTheDefaultPrometheus() throws IOException {
        var ds = yaml("grafana/provisioning/datasources/prometheus.yml").path("datasources").get(0);
        assertThat(ds.path("type").asText()).isEqualTo("prometheus");
        assertThat(ds.path("isDefault").asBoolean()).isTrue();
        assertThat(ds.path("url").asText()).isEqualTo("${PROMETHEUS_URL}");
    }

    private static List<String> volumes(JsonNode service) {
        var out = new ArrayList<String>();
        service.path("volumes").forEach(v -> out.add(v.asText()));
        return out;
    }
}
