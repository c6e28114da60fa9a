package org.parley.environments.codebase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The team's messages and what they contain: questions and whether they were answered,
 * commitments, and how repetitive the messages are.
 *
 * <p>A message with a question mark is a question to its addressee (to everyone when broadcast).
 * It counts as answered when an addressee later sends a message to the asker or to everyone.
 * A message repeats an earlier message of its sender when their word sets overlap by at least
 * {@value #REPEAT_JACCARD} (Jaccard).
 */
public final class Conversation {
    static final double REPEAT_JACCARD = 0.8;

    /** One message. {@code to} is an agent id or {@code all}. */
    public record Message(long turn, String from, String to, String text) {}

    /** An open or answered question. */
    public static final class Question {
        final int id;
        final Message message;
        String answeredBy;
        long answeredAt = -1;

        Question(int id, Message message) {
            this.id = id;
            this.message = message;
        }

        public int id() {
            return id;
        }

        public Message message() {
            return message;
        }

        public boolean answered() {
            return answeredBy != null;
        }
    }

    private final List<Message> messages = new ArrayList<>();
    private final List<Question> questions = new ArrayList<>();
    private final Map<String, Commitment> commitments = new LinkedHashMap<>();
    private int repeated;

    /** Records a message; returns the questions it answers (in order). */
    public List<Question> record(Message m) {
        var answered = new ArrayList<Question>();
        for (Question q : questions) {
            if (q.answered() || q.message.from().equals(m.from())) continue;
            boolean addressee = q.message.to().equals("all") || q.message.to().equals(m.from());
            boolean toAsker = m.to().equals("all") || m.to().equals(q.message.from());
            if (addressee && toAsker) {
                q.answeredBy = m.from();
                q.answeredAt = m.turn();
                answered.add(q);
            }
        }
        Set<String> words = words(m.text());
        for (Message earlier : messages) {
            if (earlier.from().equals(m.from()) && jaccard(words, words(earlier.text())) >= REPEAT_JACCARD) {
                repeated++;
                break;
            }
        }
        messages.add(m);
        return answered;
    }

    /** Registers a question carried by a message. */
    public Question ask(Message m) {
        var q = new Question(questions.size() + 1, m);
        questions.add(q);
        return q;
    }

    /** Records a commitment; returns true if it is new (not a restatement of the same one). */
    public boolean commit(Commitment c) {
        Commitment before = commitments.put(c.key(), c);
        return before == null || before.kind() != c.kind();
    }

    public static boolean isQuestion(String text) {
        return text.contains("?");
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public List<Question> questions() {
        return List.copyOf(questions);
    }

    /** The standing commitments (the latest per agent and target), in the order first made. */
    public List<Commitment> commitments() {
        return List.copyOf(commitments.values());
    }

    public int repeatedMessages() {
        return repeated;
    }

    public double repetitionRate() {
        return messages.isEmpty() ? 0 : (double) repeated / messages.size();
    }

    public long unanswered() {
        return questions.stream().filter(q -> !q.answered()).count();
    }

    private static Set<String> words(String text) {
        return new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^a-z0-9_.#]+")));
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        var inter = new HashSet<>(a);
        inter.retainAll(b);
        var union = new HashSet<>(a);
        union.addAll(b);
        return union.isEmpty() ? 0 : (double) inter.size() / union.size();
    }
}
