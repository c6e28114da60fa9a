package org.parley.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric catalog in docs/metrics.md, read from its tables, so tests can hold a live scrape to
 * what the documentation promises (and the other way round). A row is
 * {@code | `name` | type | unit | labels | meaning |}; a name with {@code <...>} in it is a
 * family pattern (environment-named metrics).
 */
public record MetricCatalog(List<Entry> entries) {

    /** One documented metric, by its name as scraped. */
    public record Entry(String name, String type, String unit, Set<String> labels, String meaning, int line) {

        public boolean isPattern() {
            return name.contains("<");
        }

        /**
         * Names of the samples this metric shows up as. Micrometer publishes every timer and
         * distribution summary with a {@code _max} gauge beside its count and sum.
         */
        List<String> sampleNames() {
            return switch (type) {
                case "histogram" -> List.of(name + "_bucket", name + "_count", name + "_sum", name + "_max");
                case "summary" -> List.of(name + "_count", name + "_sum", name + "_max");
                default -> List.of(name);
            };
        }
    }

    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary");

    public static MetricCatalog read(Path markdown) {
        try {
            return parse(Files.readString(markdown), markdown.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metric catalog " + markdown, e);
        }
    }

    public static MetricCatalog parse(String markdown, String source) {
        var entries = new ArrayList<Entry>();
        var lines = markdown.split("\n");
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i].trim();
            if (!line.startsWith("| `")) {
                continue;
            }
            var cells = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length()).split("\\|");
            if (cells.length < 5) {
                throw new IllegalArgumentException(source + ":" + (i + 1)
                        + ": a catalog row needs 5 cells (name | type | unit | labels | meaning), found " + cells.length);
            }
            var name = cells[0].trim().replace("`", "");
            var type = cells[1].trim();
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": type of " + name + " is '" + type
                        + "'; use one of counter, gauge, histogram, summary");
            }
            var labels = new LinkedHashSet<String>();
            for (var l : cells[3].replace("`", "").split(",")) {
                var label = l.trim();
                if (!label.isEmpty() && !label.equals("—") && !label.equals("-") && !label.startsWith("(")) {
                    labels.add(label);
                }
            }
            entries.add(new Entry(name, type, cells[2].trim(), labels, cells[4].trim(), i + 1));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(source + ": no catalog rows found (rows start with | `name` |)");
        }
        return new MetricCatalog(List.copyOf(entries));
    }

    /**
     * What in a scrape disagrees with the catalog: a documented metric missing or of another type,
     * a sample whose label names differ from the documented ones, and a {@code parley_} metric the
     * catalog does not list. Empty when they agree.
     */
    public List<String> problems(Exposition scrape) {
        var problems = new ArrayList<String>();
        var names = scrape.sampleNames();
        for (var entry : entries) {
            if (entry.isPattern()) {
                var prefix = entry.name().substring(0, entry.name().indexOf('<'));
                if (names.stream().noneMatch(n -> n.startsWith(prefix))) {
                    problems.add(entry.name() + ": no series starting with " + prefix);
                }
                continue;
            }
            var declared = scrape.types().get(entry.name());
            if (declared == null) {
                problems.add(entry.name() + ": missing from the scrape");
                continue;
            }
            if (!declared.equals(entry.type())) {
                problems.add(entry.name() + ": documented as " + entry.type() + ", scraped as " + declared);
            }
            for (var sampleName : entry.sampleNames()) {
                var samples = scrape.samples(sampleName);
                if (samples.isEmpty()) {
                    problems.add(entry.name() + ": no " + sampleName + " samples");
                }
                for (var sample : samples) {
                    var keys = new TreeSet<>(sample.labels().keySet());
                    keys.remove("le");
                    keys.remove("quantile");
                    if (!keys.equals(new TreeSet<>(entry.labels()))) {
                        problems.add(entry.name() + ": labels " + keys + " but documented " + new TreeSet<>(entry.labels()));
                        break;
                    }
                }
            }
        }
        for (var family : scrape.types().keySet()) {
            if (family.startsWith("parley_") && !documents(family)) {
                problems.add(family + ": scraped but not in the catalog");
            }
        }
        return problems;
    }

    /**
     * Whether a metric name used in a query is in the catalog: a documented name, one of its
     * sample names ({@code _bucket}, {@code _count}, {@code _sum}, and the {@code _max} gauge of a
     * histogram or summary), or a name matching a pattern row.
     */
    public boolean documents(String metric) {
        for (var entry : entries) {
            if (entry.isPattern()) {
                if (metric.startsWith(entry.name().substring(0, entry.name().indexOf('<')))) {
                    return true;
                }
            } else if (metric.equals(entry.name()) || entry.sampleNames().contains(metric)) {
                return true;
            }
        }
        return false;
    }
}
