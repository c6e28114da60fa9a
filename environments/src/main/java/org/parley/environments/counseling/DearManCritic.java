package org.parley.environments.counseling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rule-based critic that rates one utterance on the seven DEAR MAN skills (IMBUE), each 0–2
 * (higher is better), from cue phrases in the words and the structured args, and writes one line of
 * feedback naming the weakest skill. The ratings are heuristics, documented in
 * docs/scenarios/counseling.md; an LLM critic can replace them where a judge model is configured.
 */
public final class DearManCritic {
    public static final List<String> SKILLS =
            List.of("describe", "express", "assert", "reinforce", "mindful", "appear_confident", "negotiate");

    private static final List<String> FEELINGS = List.of("feel", "felt", "sad", "anxious", "angry", "scared", "afraid",
            "hurt", "worried", "overwhelmed", "lonely", "ashamed", "frustrated", "hopeless", "tired", "upset", "guilty");
    private static final List<String> ASSERTS = List.of("i want", "i need", "i would like", "i'd like", "please", "can you",
            "could you", "let us", "let's", "i will");
    private static final List<String> REINFORCERS = List.of("it would help", "that way", "so that", "it will", "because it",
            "would make", "it helps");
    private static final List<String> DRIFT = List.of("anyway", "by the way", "speaking of", "that reminds me", "oh, and");
    private static final List<String> HEDGES = List.of("maybe", "perhaps", "i guess", "sort of", "kind of", "i don't know",
            "i do not know", "sorry", "i suppose");
    private static final List<String> NEGOTIATE = List.of("how about", "what if", "could we", "would you", "instead",
            "alternatively", "what would");

    private DearManCritic() {}

    /** Ratings 0–2 per skill, in DEAR MAN order. */
    public static Map<String, Integer> rate(String text, Map<String, Object> args) {
        String t = " " + text.toLowerCase(Locale.ROOT) + " ";
        var r = new LinkedHashMap<String, Integer>();
        int concrete = (args.get("disclosed") instanceof List<?> d ? d.size() : 0)
                + ("reflection".equals(args.get("move")) ? 1 : 0) + (t.matches("(?s).*\\d.*") ? 1 : 0)
                + (t.contains(" when ") || t.contains(" because ") ? 1 : 0);
        r.put("describe", Math.min(2, concrete));
        r.put("express", (t.contains("i feel") || (t.contains("i am ") && hits(t, FEELINGS) > 0)) ? 2 : Math.min(1, hits(t, FEELINGS)));
        r.put("assert", Math.min(2, hits(t, ASSERTS)));
        r.put("reinforce", Math.min(2, hits(t, REINFORCERS)));
        r.put("mindful", Boolean.TRUE.equals(args.get("tangent")) ? 0 : hits(t, DRIFT) > 0 ? 1 : 2);
        int hedges = hits(t, HEDGES);
        r.put("appear_confident", hedges == 0 ? 2 : hedges == 1 ? 1 : 0);
        r.put("negotiate", Math.min(2, hits(t, NEGOTIATE) + (t.contains("?") ? 1 : 0)));
        return r;
    }

    /** One line of feedback naming the strongest and the weakest skill. */
    public static String feedback(Map<String, Integer> ratings) {
        String best = SKILLS.get(0);
        String worst = SKILLS.get(0);
        for (String s : SKILLS) {
            if (ratings.get(s) > ratings.get(best)) {
                best = s;
            }
            if (ratings.get(s) < ratings.get(worst)) {
                worst = s;
            }
        }
        return "DEAR MAN feedback: strongest skill " + best.replace('_', ' ') + "; work on " + worst.replace('_', ' ')
                + " — " + tip(worst);
    }

    private static String tip(String skill) {
        return switch (skill) {
            case "describe" -> "state the facts of the situation concretely.";
            case "express" -> "say how you feel with an I-statement.";
            case "assert" -> "ask clearly for what you want.";
            case "reinforce" -> "say how it would help the other person too.";
            case "mindful" -> "stay on your point and let side topics go.";
            case "appear_confident" -> "drop hedges such as maybe and sort of.";
            default -> "offer an alternative or ask what would work for them.";
        };
    }

    private static int hits(String t, List<String> cues) {
        int n = 0;
        for (String c : cues) {
            if (t.contains(c)) {
                n++;
            }
        }
        return n;
    }
}
