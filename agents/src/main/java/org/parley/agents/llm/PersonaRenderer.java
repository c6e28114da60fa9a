package org.parley.agents.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.agents.persona.BigFive;
import org.parley.agents.persona.Persona;

/**
 * Writes a persona as the second-person profile an LLM plays ("You are Alice Chen, 34, a nurse…").
 * Big Five scores become words, since models follow "very agreeable" better than "0.82". Secrets
 * are included because the agent knows them; the prompt tells it not to reveal them freely.
 */
public final class PersonaRenderer {

    private PersonaRenderer() {}

    public static String render(Persona p) {
        var sb = new StringBuilder("You are ").append(p.name());
        var facts = new ArrayList<String>();
        if (p.age() != null) {
            facts.add(p.age() + " years old");
        }
        if (p.gender() != null && !p.gender().isBlank()) {
            facts.add(p.gender());
        }
        if (p.occupation() != null && !p.occupation().isBlank()) {
            facts.add("working as " + withArticle(p.occupation()));
        }
        if (!facts.isEmpty()) {
            sb.append(", ").append(String.join(", ", facts));
        }
        sb.append('.');
        if (p.publicInfo() != null && !p.publicInfo().isBlank()) {
            sb.append(' ').append(p.publicInfo().trim());
            if (!p.publicInfo().trim().endsWith(".")) {
                sb.append('.');
            }
        }
        sb.append("\nPersonality: ").append(traits(p.bigFive()));
        if (p.mbti() != null) {
            sb.append(" (MBTI ").append(p.mbti()).append(')');
        }
        sb.append('.');
        list(sb, "Values", p.values());
        list(sb, "Goals", p.goals());
        list(sb, "Secrets you keep unless you have a strong reason to share them", p.secrets());
        if (!p.extensions().isEmpty()) {
            sb.append("\nOther facts about you:");
            for (Map.Entry<String, Object> e : p.extensions().entrySet()) {
                sb.append("\n- ").append(e.getKey().replace('-', ' ')).append(": ").append(e.getValue());
            }
        }
        return sb.toString();
    }

    static String traits(BigFive b) {
        var words = new ArrayList<String>();
        words.add(level(b.openness(), "open to new experiences", "conventional and cautious"));
        words.add(level(b.conscientiousness(), "organised and dependable", "spontaneous and careless"));
        words.add(level(b.extraversion(), "outgoing and talkative", "reserved and quiet"));
        words.add(level(b.agreeableness(), "warm and cooperative", "blunt and competitive"));
        words.add(level(b.neuroticism(), "easily stressed and anxious", "calm and emotionally steady"));
        words.removeIf(String::isEmpty);
        return words.isEmpty() ? "balanced, neither extreme in any trait" : String.join("; ", words);
    }

    private static String level(double score, String high, String low) {
        if (score >= 0.8) {
            return "very " + high;
        }
        if (score >= 0.6) {
            return high;
        }
        if (score <= 0.2) {
            return "very " + low;
        }
        if (score <= 0.4) {
            return low;
        }
        return "";
    }

    private static void list(StringBuilder sb, String title, List<String> items) {
        if (!items.isEmpty()) {
            sb.append('\n').append(title).append(':');
            items.forEach(i -> sb.append("\n- ").append(i));
        }
    }

    private static String withArticle(String noun) {
        String n = noun.trim();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.startsWith("a ") || lower.startsWith("an ") || lower.startsWith("the ")) {
            return n;
        }
        return ("aeiou".indexOf(lower.charAt(0)) >= 0 ? "an " : "a ") + n;
    }
}
