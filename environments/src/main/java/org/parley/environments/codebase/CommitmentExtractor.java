package org.parley.environments.codebase;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds commitments in free message text, so the same check applies to rule-based and LLM coders.
 * Recognised first-person forms (case-insensitive, backticks optional, "I'll" = "I will"):
 * <ul>
 *   <li>{@code I will (change|edit|modify|update|add) [function] X (in|to) file.fn}</li>
 *   <li>{@code I will not (touch|change|edit|modify) [function] X in file.fn} (also "won't", "leave X in file.fn to you")</li>
 *   <li>{@code I will include your change for f2 in [function] X in file.fn}</li>
 * </ul>
 */
public final class CommitmentExtractor {
    private static final String NAME = "`?([A-Za-z_][A-Za-z0-9_]*)`?(?:\\(\\))?";
    private static final String FILE = "`?([A-Za-z0-9_./-]+\\.fn)`?";
    private static final String WILL = "(?:i will|i'll|i am going to|i'm going to)";
    private static final Pattern INCLUDE = Pattern.compile(
            WILL + " (?:also )?(?:include|add|apply|implement) (?:your|the) (?:change|feature|request)s? (?:for )?`?(f\\d+)`? (?:in|into|to) (?:the )?(?:function )?"
                    + NAME + " (?:in|of) " + FILE, Pattern.CASE_INSENSITIVE);
    private static final Pattern KEEP_OUT = Pattern.compile(
            "(?:(?:i will not|i won't|i'll not|i am not going to|i'm not going to) (?:touch|change|edit|modify)|i will stay out of|i'll stay out of)"
                    + " (?:the )?(?:function )?" + NAME + " in " + FILE, Pattern.CASE_INSENSITIVE);
    private static final Pattern LEAVE = Pattern.compile(
            "(?:i will|i'll) leave (?:the )?(?:function )?" + NAME + " in " + FILE + " to you", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGE = Pattern.compile(
            WILL + " (?:also )?(?:change|edit|modify|update|add|rewrite) (?:the )?(?:a )?(?:new )?(?:function )?"
                    + NAME + " (?:in|to) " + FILE, Pattern.CASE_INSENSITIVE);

    private CommitmentExtractor() {}

    public static List<Commitment> extract(String agent, String text, long turn) {
        var out = new ArrayList<Commitment>();
        var claimed = new ArrayList<int[]>();
        Matcher m = INCLUDE.matcher(text);
        while (m.find()) {
            out.add(new Commitment(agent, Commitment.Kind.INCLUDE, m.group(3) + "#" + m.group(2), m.group(1).toLowerCase(), turn));
            claimed.add(new int[] {m.start(), m.end()});
        }
        for (Pattern p : List.of(KEEP_OUT, LEAVE)) {
            m = p.matcher(text);
            while (m.find()) {
                if (overlaps(claimed, m.start(), m.end())) continue;
                out.add(new Commitment(agent, Commitment.Kind.KEEP_OUT, m.group(2) + "#" + m.group(1), null, turn));
                claimed.add(new int[] {m.start(), m.end()});
            }
        }
        m = CHANGE.matcher(text);
        while (m.find()) {
            if (overlaps(claimed, m.start(), m.end())) continue;
            out.add(new Commitment(agent, Commitment.Kind.CHANGE, m.group(2) + "#" + m.group(1), null, turn));
        }
        return out;
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        return spans.stream().anyMatch(s -> start < s[1] && s[0] < end);
    }
}
