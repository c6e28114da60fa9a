package org.parley.agents.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.Observation;

/** Writes remembered observations as the numbered lines of the turn prompt. */
final class HistoryRenderer {
    private HistoryRenderer() {}

    static String render(List<Observation> items, String self) {
        if (items.isEmpty()) {
            return "(nothing yet: the conversation starts now)";
        }
        var sb = new StringBuilder();
        for (Observation o : items) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(line(o, self));
        }
        return sb.toString();
    }

    static String line(Observation o, String self) {
        String who = self.equals(o.source()) ? "You" : o.source();
        String prefix = "(turn " + o.turn() + ") ";
        if (Observation.ENVIRONMENT.equals(o.source())) {
            return prefix + "[" + o.kind() + "] " + o.text() + data(o);
        }
        return prefix + switch (o.kind()) {
            case ActionKinds.SPEAK -> who + " said: \"" + o.text() + "\"";
            case ActionKinds.NON_VERBAL -> who + " [non-verbal]: " + o.text();
            case ActionKinds.ACTION -> who + " [action]: " + o.text();
            case ActionKinds.LEAVE -> who + " left the conversation" + (o.text().isBlank() ? "." : ": \"" + o.text() + "\"");
            case ActionKinds.NONE -> who + " did nothing.";
            default -> who + " used " + o.kind() + data(o) + (o.text().isBlank() ? "" : ": " + o.text());
        };
    }

    private static String data(Observation o) {
        if (o.data().isEmpty()) {
            return "";
        }
        try {
            return " " + JsonReplies.LENIENT.writeValueAsString(o.data());
        } catch (JsonProcessingException e) {
            return " " + o.data();
        }
    }
}
