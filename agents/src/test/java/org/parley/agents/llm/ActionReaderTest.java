package org.parley.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.models.ToolCall;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionSpace;

class ActionReaderTest {
    private static final ActionSpace.ToolSpec OFFER = new ActionSpace.ToolSpec("offer", "Make an offer",
            "{\"type\":\"object\",\"properties\":{\"price\":{\"type\":\"integer\"},\"note\":{\"type\":\"string\"}},"
                    + "\"required\":[\"price\"]}");
    private static final ActionSpace SPACE = new ActionSpace(List.of("speak", "non-verbal", "leave", "none"), List.of(OFFER));

    private static Action ok(ActionReader.Result r) {
        assertThat(r).isInstanceOf(ActionReader.Result.Ok.class);
        return ((ActionReader.Result.Ok) r).action();
    }

    private static String problem(ActionReader.Result r) {
        assertThat(r).isInstanceOf(ActionReader.Result.Problem.class);
        return ((ActionReader.Result.Problem) r).reason();
    }

    @Test
    void readsAPlainJsonAction() {
        var a = ok(ActionReader.fromText("alice", "{\"kind\":\"speak\",\"text\":\"Hi Bob\",\"to\":\"bob\",\"args\":{}}", SPACE));
        assertThat(a.kind()).isEqualTo("speak");
        assertThat(a.text()).isEqualTo("Hi Bob");
        assertThat(a.to()).isEqualTo("bob");
        assertThat(a.agent()).isEqualTo("alice");
    }

    @Test
    void repairsFencesProseSingleQuotesAndTrailingCommas() {
        var fenced = ok(ActionReader.fromText("a", "Sure, here you go:\n```json\n{\"kind\": \"speak\", \"text\": \"OK {fine}\"}\n```", SPACE));
        assertThat(fenced.text()).isEqualTo("OK {fine}");
        var prose = ok(ActionReader.fromText("a", "I think I'll nod. {'kind': 'non-verbal', 'text': 'nods',} That's it.", SPACE));
        assertThat(prose.kind()).isEqualTo("non-verbal");
        var sotopia = ok(ActionReader.fromText("a", "{\"action_type\": \"speak\", \"argument\": \"Hello\"}", SPACE));
        assertThat(sotopia.text()).isEqualTo("Hello");
    }

    @Test
    void explainsWhatIsWrong() {
        assertThat(problem(ActionReader.fromText("a", "I would like to say hello.", SPACE))).contains("no JSON object");
        assertThat(problem(ActionReader.fromText("a", "{\"kind\":\"dance\",\"text\":\"x\"}", SPACE)))
                .contains("\"dance\" is not available").contains("speak, non-verbal, leave, none, offer");
        assertThat(problem(ActionReader.fromText("a", "{\"kind\":\"speak\"}", SPACE))).contains("non-empty \"text\"");
        assertThat(problem(ActionReader.fromText("a", "{\"kind\":\"offer\",\"args\":{}}", SPACE))).contains("needs argument \"price\"");
        assertThat(problem(ActionReader.fromText("a", "{\"kind\":\"offer\",\"args\":{\"price\":\"lots\"}}", SPACE)))
                .contains("must be of type integer");
    }

    @Test
    void toolCallsBecomeActionsNamedAfterTheTool() {
        var a = ok(ActionReader.fromToolCall("bob", new ToolCall("c1", "offer", "{\"price\": 90, \"note\": \"final\"}"), "", SPACE));
        assertThat(a.kind()).isEqualTo("offer");
        assertThat(a.args()).containsEntry("price", 90).containsEntry("note", "final");
        assertThat(a.args().keySet()).containsExactly("price", "note");
        assertThat(problem(ActionReader.fromToolCall("bob", new ToolCall("c2", "steal", "{}"), "", SPACE)))
                .contains("no tool \"steal\"");
    }
}
