package org.parley.environments.counseling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Patient-Ψ's CBT cognitive model of a client, read from the persona extension
 * {@code cognitive-model}. Core beliefs are grouped as helpless, unlovable and worthless.
 */
public record CognitiveModel(
        String history,
        Map<String, List<String>> coreBeliefs,
        List<String> intermediateBeliefs,
        List<String> copingStrategies,
        String situation,
        List<String> automaticThoughts,
        List<String> emotions,
        List<String> behaviours) {

    public static final List<String> CORE_GROUPS = List.of("helpless", "unlovable", "worthless");

    /** Disclosure depth per category: shallow things come out first, core beliefs last. */
    static final Map<String, Double> DEPTH = Map.of(
            "situation", 0.05, "emotion", 0.12, "behaviour", 0.22, "automatic-thought", 0.35,
            "coping-strategy", 0.42, "intermediate-belief", 0.56, "history", 0.64, "core-belief", 0.76);

    public CognitiveModel {
        coreBeliefs = coreBeliefs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coreBeliefs));
        intermediateBeliefs = list(intermediateBeliefs);
        copingStrategies = list(copingStrategies);
        automaticThoughts = list(automaticThoughts);
        emotions = list(emotions);
        behaviours = list(behaviours);
    }

    /** Reads the extension map; errors name the persona and the missing field. */
    @SuppressWarnings("unchecked")
    public static CognitiveModel from(String persona, Object extension) {
        if (!(extension instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("persona " + persona + ": extensions.cognitive-model is missing; a counseling "
                    + "client needs history, core-beliefs, intermediate-beliefs, coping-strategies, situation, "
                    + "automatic-thoughts, emotions and behaviours");
        }
        var core = new LinkedHashMap<String, List<String>>();
        if (m.get("core-beliefs") instanceof Map<?, ?> groups) {
            for (var e : groups.entrySet()) {
                String group = String.valueOf(e.getKey());
                if (!CORE_GROUPS.contains(group)) {
                    throw new IllegalArgumentException("persona " + persona + ": cognitive-model.core-beliefs." + group
                            + " is not a core-belief group; use helpless, unlovable or worthless");
                }
                core.put(group, strings(persona, "core-beliefs." + group, e.getValue()));
            }
        }
        if (core.isEmpty()) {
            throw new IllegalArgumentException("persona " + persona + ": cognitive-model.core-beliefs needs at least one "
                    + "group (helpless, unlovable, worthless) with a belief");
        }
        return new CognitiveModel(text(persona, "history", m.get("history")), core,
                strings(persona, "intermediate-beliefs", m.get("intermediate-beliefs")),
                strings(persona, "coping-strategies", m.get("coping-strategies")),
                text(persona, "situation", m.get("situation")),
                strings(persona, "automatic-thoughts", m.get("automatic-thoughts")),
                strings(persona, "emotions", m.get("emotions")),
                strings(persona, "behaviours", m.get("behaviours")));
    }

    /** The ground-truth items an elicitation score counts, in a stable order. */
    public List<CognitiveItem> items() {
        var out = new ArrayList<CognitiveItem>();
        add(out, "situation", List.of(situation));
        add(out, "emotion", emotions);
        add(out, "behaviour", behaviours);
        add(out, "automatic-thought", automaticThoughts);
        add(out, "coping-strategy", copingStrategies);
        add(out, "intermediate-belief", intermediateBeliefs);
        add(out, "history", List.of(history));
        var core = new ArrayList<String>();
        coreBeliefs.values().forEach(core::addAll);
        add(out, "core-belief", core);
        return out;
    }

    private static void add(List<CognitiveItem> out, String category, List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            // Later items of a category sit slightly deeper than the first.
            out.add(new CognitiveItem(category + "-" + (i + 1), category, texts.get(i), DEPTH.get(category) + 0.04 * i));
        }
    }

    private static String text(String persona, String field, Object v) {
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("persona " + persona + ": cognitive-model." + field + " must be a text");
        }
        return s;
    }

    private static List<String> strings(String persona, String field, Object v) {
        if (v instanceof String s) {
            return List.of(s);
        }
        if (!(v instanceof List<?> l) || l.isEmpty()) {
            throw new IllegalArgumentException("persona " + persona + ": cognitive-model." + field + " must be a non-empty list");
        }
        return l.stream().map(String::valueOf).toList();
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : List.copyOf(l);
    }
}
