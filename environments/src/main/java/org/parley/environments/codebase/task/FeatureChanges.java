package org.parley.environments.codebase.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feature changes as plain maps, the form they take in observation data and message arguments
 * (so transcripts stay JSON and any mind can read them).
 */
public final class FeatureChanges {
    private FeatureChanges() {}

    public static Map<String, Object> toMap(FeatureChange change) {
        var m = new LinkedHashMap<String, Object>();
        switch (change) {
            case FeatureChange.Guard g -> {
                m.put("kind", "guard");
                m.put("file", g.file());
                m.put("function", g.function());
                m.put("params", g.params());
                putRegion(m, g.region());
                m.put("value", g.value());
            }
            case FeatureChange.WrapLet w -> {
                m.put("kind", "wrap-let");
                m.put("file", w.file());
                m.put("function", w.function());
                m.put("params", w.params());
                m.put("variable", w.variable());
                putRegion(m, w.region());
                m.put("value", w.value());
            }
            case FeatureChange.AddFunction a -> {
                m.put("kind", "add-function");
                m.put("file", a.file());
                m.put("function", a.function());
                m.put("params", a.params());
                m.put("body", a.body());
            }
        }
        return m;
    }

    private static void putRegion(Map<String, Object> m, Region r) {
        var region = new LinkedHashMap<String, Object>();
        region.put("param", r.param());
        region.put("index", r.paramIndex());
        region.put("op", r.op());
        region.put("bound", r.bound());
        m.put("region", region);
    }

    @SuppressWarnings("unchecked")
    public static FeatureChange fromMap(Map<String, Object> m) {
        String kind = String.valueOf(m.get("kind"));
        String file = String.valueOf(m.get("file"));
        String function = String.valueOf(m.get("function"));
        List<String> params = ((List<Object>) m.get("params")).stream().map(String::valueOf).toList();
        return switch (kind) {
            case "guard" -> new FeatureChange.Guard(file, function, params, region((Map<String, Object>) m.get("region")),
                    String.valueOf(m.get("value")));
            case "wrap-let" -> new FeatureChange.WrapLet(file, function, params, String.valueOf(m.get("variable")),
                    region((Map<String, Object>) m.get("region")), String.valueOf(m.get("value")));
            case "add-function" -> new FeatureChange.AddFunction(file, function, params, String.valueOf(m.get("body")));
            default -> throw new IllegalArgumentException("unknown feature change kind '" + kind
                    + "'; expected guard, wrap-let or add-function");
        };
    }

    private static Region region(Map<String, Object> m) {
        return new Region(String.valueOf(m.get("param")), ((Number) m.get("index")).intValue(), String.valueOf(m.get("op")),
                ((Number) m.get("bound")).longValue());
    }
}
