package org.parley.monitoring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: a real HTTP scrape, and where the docs live. */
final class Scrapes {
    private Scrapes() {}

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static Exposition scrape(MetricsExporter exporter) throws IOException, InterruptedException {
        var response = get(exporter.url());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("scrape of " + exporter.url() + " returned " + response.statusCode());
        }
        return Exposition.parse(response.body());
    }

    /** The repository's root, found from the module directory tests run in. */
    static Path repoRoot() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs").resolve("metrics.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/metrics.md not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
