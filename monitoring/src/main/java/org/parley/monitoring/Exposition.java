package org.parley.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A parsed scrape in the Prometheus text format (version 0.0.4): the declared type of each family
 * and every sample's name and label names. Enough to check a scrape against the metric catalog;
 * values are kept for tests that look at numbers.
 */
public record Exposition(Map<String, String> types, List<Sample> samples) {

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    public static Exposition parse(String text) {
        var types = new LinkedHashMap<String, String>();
        var samples = new ArrayList<Sample>();
        int lineNo = 0;
        for (var line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                var parts = line.substring(7).trim().split(" ");
                types.put(parts[0], parts[1]);
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            samples.add(sample(line, lineNo));
        }
        return new Exposition(types, List.copyOf(samples));
    }

    private static Sample sample(String line, int lineNo) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        var name = line.substring(0, i);
        var labels = new LinkedHashMap<String, String>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                var key = line.substring(i, eq).trim();
                i = eq + 2; // skip ="
                var value = new StringBuilder();
                while (line.charAt(i) != '"') {
                    char c = line.charAt(i);
                    if (c == '\\') {
                        char n = line.charAt(++i);
                        value.append(n == 'n' ? '\n' : n);
                    } else {
                        value.append(c);
                    }
                    i++;
                }
                labels.put(key, value.toString());
                i++;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        var rest = line.substring(i).trim().split(" ");
        if (rest.length == 0 || rest[0].isEmpty()) {
            throw new IllegalArgumentException("line " + lineNo + " of the scrape has no value: " + line);
        }
        return new Sample(name, labels, parseValue(rest[0]));
    }

    private static double parseValue(String s) {
        return switch (s) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(s);
        };
    }

    /** Samples with exactly this name. */
    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** Sum of the values of samples with this name whose labels include {@code match}. */
    public double sum(String name, Map<String, String> match) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(match.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    /** Every sample name, sorted. */
    public TreeSet<String> sampleNames() {
        var names = new TreeSet<String>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }
}
