package org.parley.agents.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Observation;

class ConversationWindowTest {

    private static Observation said(String who, long turn, String text) {
        return new Observation("me", turn, who, "speak", text, Map.of());
    }

    @Test
    void keepsOnlyTheMostRecentEntriesAndCountsWhatItForgot() {
        var window = new ConversationWindow("me", 3);
        for (int t = 0; t < 5; t++) {
            window.observe(said("bob", t, "line " + t));
        }
        assertThat(window.size()).isEqualTo(3);
        assertThat(window.forgotten()).isEqualTo(2);
        assertThat(window.entries()).extracting(ConversationWindow.Entry::text)
                .containsExactly("line 2", "line 3", "line 4");
        assertThat(window.recent(2)).extracting(ConversationWindow.Entry::text).containsExactly("line 3", "line 4");
        assertThat(window.recent(10)).hasSize(3);
        assertThat(window.recent(0)).isEmpty();
    }

    @Test
    void anEchoOfTheOwnLatestActionIsNotStoredTwice() {
        var window = new ConversationWindow("me", 10);
        window.recordOwn(Action.speak("me", "hello"), 0);
        assertThat(window.observe(new Observation("me", 0, "me", "speak", "hello", Map.of()))).isFalse();
        assertThat(window.size()).isEqualTo(1);
        // a second identical observation is not an echo any more
        assertThat(window.observe(new Observation("me", 0, "me", "speak", "hello", Map.of()))).isTrue();
        assertThat(window.size()).isEqualTo(2);
    }

    @Test
    void findsTheLatestStructuredContentFromOthers() {
        var window = new ConversationWindow("me", 10);
        window.observe(new Observation("me", 0, "bob", "speak", "150?", Map.of("offer", 150)));
        window.recordOwn(Action.speak("me", "190").withArgs(Map.of("offer", 190)), 1);
        window.observe(new Observation("me", 2, "bob", "speak", "160?", Map.of("offer", 160)));
        assertThat(window.lastFromOthers().flatMap(e -> e.number("offer"))).contains(160.0);
        assertThat(window.lastFrom("me").flatMap(e -> e.number("offer"))).contains(190.0);
        assertThat(window.lastWith("offer").orElseThrow().source()).isEqualTo("bob");
        assertThat(window.count("bob", "speak")).isEqualTo(2);
    }

    @Test
    void rendersOneLinePerEntryWithDisplayNames() {
        var window = new ConversationWindow("me", 2);
        window.observe(said("bob", 0, "first"));
        window.observe(said("bob", 1, "Hi there"));
        window.recordOwn(Action.of("me", "non-verbal", "smiles"), 2);
        String text = window.render(id -> id.equals("bob") ? "Bob Stone" : id);
        assertThat(text).isEqualTo("(1 earlier entries omitted)\n[1] Bob Stone said: \"Hi there\"\n[2] You [non-verbal] smiles\n");
    }

    @Test
    void rendersTheLastFewEntriesAndCountsTheRestAsOmitted() {
        var window = new ConversationWindow("me", 3);
        for (int t = 0; t < 4; t++) {
            window.observe(said("bob", t, "line " + t));
        }
        assertThat(window.render(1, id -> id)).isEqualTo("(3 earlier entries omitted)\n[3] bob said: \"line 3\"\n");
        window.observe(new Observation("me", 4, "bob", "leave", "", Map.of()));
        assertThat(window.render(1, id -> id)).endsWith("[4] bob left the conversation\n");
    }

    @Test
    void rejectsANonPositiveCapacity() {
        assertThatThrownBy(() -> new ConversationWindow("me", 0)).hasMessageContaining("at least 1");
    }
}
