package org.parley.monitoring;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Finds the metric names a PromQL expression reads (enough for the expressions dashboards use). */
final class PromQl {
    private PromQl() {}

    private static final Set<String> WORDS = Set.of(
            "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values",
            "group", "rate", "irate", "increase", "delta", "idelta", "deriv", "histogram_quantile", "abs", "ceil",
            "floor", "round", "clamp", "clamp_min", "clamp_max", "vector", "scalar", "time", "label_replace",
            "label_join", "sort", "sort_desc", "absent", "absent_over_time", "avg_over_time", "max_over_time",
            "min_over_time", "sum_over_time", "count_over_time", "last_over_time", "resets", "changes", "ln", "log2",
            "log10", "exp", "sqrt", "timestamp", "by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset", "inf", "nan");

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern BRACES = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    static Set<String> metricNames(String expr) {
        var s = STRINGS.matcher(expr).replaceAll("\"\"");
        s = BRACES.matcher(s).replaceAll(" ");
        s = RANGES.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        var names = new LinkedHashSet<String>();
        var m = NAME.matcher(s);
        while (m.find()) {
            var word = m.group();
            boolean numberPart = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
            if (!numberPart && !WORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }
}
