package org.parley.agents.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Observation;

/**
 * The most recent things one agent saw and did, oldest first, bounded so that long episodes keep a
 * fixed footprint (a million rule-based agents) and prompts stay within a model's context.
 *
 * <p>Own actions are recorded when the mind chooses them. Environments that echo an agent's action
 * back to it as an observation would otherwise store it twice, so an echo of the latest unconfirmed
 * own action is recognised and merged instead of appended.
 */
public final class ConversationWindow {

    /**
     * One remembered line.
     *
     * @param turn   the turn it happened in
     * @param source who caused it: an agent id or {@link Observation#ENVIRONMENT}
     * @param kind   action kind or environment kind ({@code briefing})
     * @param text   the words
     * @param data   structured content, insertion-ordered
     * @param own    whether the window's owner did it
     */
    public record Entry(long turn, String source, String kind, String text, Map<String, Object> data, boolean own) {
        public Entry {
            text = text == null ? "" : text;
            data = data == null || data.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        }

        /** A number from {@link #data}, if present and numeric. */
        public Optional<Double> number(String key) {
            return data.get(key) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
        }

        /** Whether {@link #data} holds {@code key} with value {@code true}. */
        public boolean flag(String key) {
            return Boolean.TRUE.equals(data.get(key));
        }
    }

    private final String owner;
    private final int capacity;
    private final Deque<Entry> entries;
    private long forgotten;
    private Entry awaitingEcho;

    /**
     * @param owner    the agent whose memory this is
     * @param capacity how many entries to keep (at least 1)
     */
    public ConversationWindow(String owner, int capacity) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("a conversation window needs its owner's agent id");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("conversation window capacity must be at least 1, was " + capacity);
        }
        this.owner = owner;
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 64));
    }

    /**
     * Remembers an observation. Returns false when it was the echo of the owner's own latest action,
     * which is already remembered.
     */
    public boolean observe(Observation observation) {
        if (awaitingEcho != null && owner.equals(observation.source())
                && awaitingEcho.kind().equals(observation.kind()) && awaitingEcho.text().equals(observation.text())) {
            awaitingEcho = null;
            return false;
        }
        append(new Entry(observation.turn(), observation.source(), observation.kind(), observation.text(),
                observation.data(), owner.equals(observation.source())));
        return true;
    }

    /** Remembers one of the owner's own actions, chosen in {@code turn}. */
    public void recordOwn(Action action, long turn) {
        var entry = new Entry(turn, owner, action.kind(), action.text(), action.args(), true);
        append(entry);
        awaitingEcho = entry;
    }

    private void append(Entry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
            forgotten++;
        }
        entries.addLast(entry);
    }

    public String owner() {
        return owner;
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** How many entries fell out of the window so far (a prompt can say "earlier turns omitted"). */
    public long forgotten() {
        return forgotten;
    }

    /** Everything in the window, oldest first. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The last {@code n} entries, oldest first. */
    public List<Entry> recent(int n) {
        if (n <= 0) {
            return List.of();
        }
        var all = new ArrayList<>(entries);
        return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
    }

    /** The newest entry from {@code source}, if any. */
    public Optional<Entry> lastFrom(String source) {
        var it = entries.descendingIterator();
        while (it.hasNext()) {
            var e = it.next();
            if (e.source().equals(source)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The newest entry not by the owner and not from the environment: what the other side last did. */
    public Optional<Entry> lastFromOthers() {
        var it = entries.descendingIterator();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.own() && !Observation.ENVIRONMENT.equals(e.source())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The newest entry whose data holds {@code key}, if any. */
    public Optional<Entry> lastWith(String key) {
        var it = entries.descendingIterator();
        while (it.hasNext()) {
            var e = it.next();
            if (e.data().containsKey(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** How many remembered entries of {@code kind} came from {@code source}. */
    public int count(String source, String kind) {
        int n = 0;
        for (var e : entries) {
            if (e.source().equals(source) && e.kind().equals(kind)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Renders the window as one line per entry for a prompt, e.g. {@code [3] Bob said: "Hi"}. The
     * owner appears as {@code You}; {@code names} maps agent ids to display names (unknown ids are
     * shown as they are).
     */
    public String render(Function<String, String> names) {
        var out = new StringBuilder();
        if (forgotten > 0) {
            out.append("(").append(forgotten).append(" earlier entries omitted)\n");
        }
        for (var e : entries) {
            out.append(renderLine(e, names)).append('\n');
        }
        return out.toString();
    }

    /**
     * Renders only the last {@code n} entries, for prompts with a tighter budget; older entries,
     * whether still in the window or already forgotten, are summarised as a count.
     */
    public String render(int n, Function<String, String> names) {
        var lines = recent(n);
        long omitted = forgotten + entries.size() - lines.size();
        var out = new StringBuilder();
        if (omitted > 0) {
            out.append("(").append(omitted).append(" earlier entries omitted)\n");
        }
        for (var e : lines) {
            out.append(renderLine(e, names)).append('\n');
        }
        return out.toString();
    }

    /** {@link #render(Function)} with agent ids as names. */
    public String render() {
        return render(Function.identity());
    }

    /** One entry as a prompt line. */
    public String renderLine(Entry e, Function<String, String> names) {
        String who = e.own() ? "You" : Observation.ENVIRONMENT.equals(e.source()) ? "Environment" : names.apply(e.source());
        String body = switch (e.kind()) {
            case "speak" -> who + " said: \"" + e.text() + "\"";
            case "non-verbal" -> who + " [non-verbal] " + e.text();
            case "action" -> who + " [action] " + e.text();
            case "leave" -> who + " left the conversation" + (e.text().isEmpty() ? "" : ": \"" + e.text() + "\"");
            case "none" -> who + " did nothing";
            default -> who + " [" + e.kind() + "] " + e.text();
        };
        return "[" + e.turn() + "] " + body;
    }
}
