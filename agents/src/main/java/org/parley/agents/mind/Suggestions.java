package org.parley.agents.mind;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?" hints from edit distance. */
public final class Suggestions {
    private Suggestions() {}

    /** The closest candidate within a distance that still looks like a typo, or null. */
    public static String closest(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= allowed ? best : null;
    }

    /** {@code did you mean 'x'?} when a candidate is close, else {@code expected one of: a, b}. */
    public static String hint(String given, Collection<String> candidates, String listLabel) {
        String close = closest(given, candidates);
        if (close != null) {
            return "did you mean '" + close + "'?";
        }
        return candidates.isEmpty() ? null : listLabel + ": " + String.join(", ", candidates);
    }

    /** Damerau-Levenshtein (optimal string alignment) distance. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
