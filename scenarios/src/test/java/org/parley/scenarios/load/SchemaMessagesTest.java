package org.parley.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.agents.mind.MindKinds;

/** Each kind of schema violation reads as a sentence about the user's key, at its place. */
class SchemaMessagesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "episodes: 3|episodes: 0|:23:11: episodes: must have a minimum value of 1",
        "protocol: { type: alternating, first-speaker: a }|protocol: { type: alternatin }|:6:19: protocol.type: 'alternatin' is not allowed (did you mean 'alternating'?)",
        "action-timeout: 500ms|action-timeout: 5 seconds|:7:79: limits.action-timeout: '5 seconds' is not valid (write a duration such as 500ms, 5s, 2m or 1h)",
        "alice: { name: Alice Chen,|alice: { nam: Alice Chen,|:9:3: missing required key 'name' in personas.alice (add 'name: …')",
        "- name: long|- name: long/x|:21:11: conditions[1].name: 'long/x' is not valid",
        "scenario: echo-test|scenario: [echo]|:1:11: scenario: expected a text, found a list",
        "openness: 0.7|openness: 1.7|:9:61: personas.alice.big-five.openness: must have a maximum value of 1",
        "  - name: baseline|  - nme: baseline|:20:5: unknown key 'nme' in conditions[0] (did you mean 'name'?)",
    })
    void readsWell(String from, String to, String expected) throws Exception {
        ScenarioFiles.write(dir, "personas/bob.yaml", ScenarioFiles.BOB);
        Path file = ScenarioFiles.write(dir, "s.yaml", ScenarioFiles.VALID.replace(from, to));
        List<String> problems;
        try {
            new ScenarioLoader(Map.<String, String>of()::get, EnvironmentTypes.installed(), MindKinds.installed()).load(file);
            problems = List.of();
        } catch (ScenarioException e) {
            problems = e.problems().stream().map(Problem::toString).toList();
        }
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(expected));
    }
}
