package org.parley.scenarios.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley validate} as a user meets it: a real process whose exit status is 2 for each kind
 * of mistake in a scenario file, with every problem on stderr as {@code file:line:column}. Starts
 * from a copy of the bundled quickstart scenario and breaks it one way at a time.
 */
class ValidateProcessTest {
    @TempDir
    Path dir;

    private String quickstart;

    @BeforeEach
    void copyQuickstart() throws Exception {
        Path source = ParleyJvm.bundled("quickstart.yaml");
        quickstart = Files.readString(source);
        Files.createDirectories(dir.resolve("personas"));
        for (String persona : List.of("maya-ortiz.yaml", "tom-becker.yaml")) {
            Files.copy(source.resolveSibling("personas").resolve(persona), dir.resolve("personas").resolve(persona));
        }
    }

    private record Outcome(int code, String stdout, String stderr) {}

    private Outcome validate(String name, String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve(name), yaml);
        ParleyJvm.Running r = ParleyJvm.start(dir.resolve("logs"), name, "validate", file.toString());
        int code = r.await(60);
        return new Outcome(code, Files.readString(r.stdout()), Files.readString(r.stderr()));
    }

    private static String edit(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    @Test
    void eachKindOfMistakeExitsTwoAndNamesItsPlace() throws Exception {
        Outcome ok = validate("ok.yaml", quickstart);
        assertThat(ok.code()).as(ok.stderr()).isZero();
        assertThat(ok.stdout()).contains("OK ", "60 episodes in all, seed 42");

        // YAML syntax: an unclosed flow mapping (line 22)
        Outcome syntax = validate("syntax.yaml", edit(quickstart, "first-speaker: seller }", "first-speaker: seller"));
        assertThat(syntax.code()).isEqualTo(2);
        assertThat(syntax.stderr()).containsPattern(dir.resolve("syntax.yaml") + ":2\\d:\\d+: YAML syntax error");

        // schema: an unknown key and a wrong type are reported together
        String schema = edit(edit(quickstart, "stale-turns: 4", "stale-turnz: 4"), "episodes: 20", "episodes: many");
        Outcome schemaErrors = validate("schema.yaml", schema);
        assertThat(schemaErrors.code()).isEqualTo(2);
        assertThat(schemaErrors.stderr())
                .contains(dir.resolve("schema.yaml") + ":23:26: unknown key 'stale-turnz' in limits (did you mean 'stale-turns'?)")
                .containsPattern(dir.resolve("schema.yaml") + ":42:11: episodes: expected a whole number, found the text 'many'");

        // binding: an agent refers to a persona that is not defined
        Outcome persona = validate("persona.yaml", edit(quickstart, "persona: tom", "persona: thom"));
        assertThat(persona.code()).isEqualTo(2);
        assertThat(persona.stderr()).contains(dir.resolve("persona.yaml")
                + ":34:14: persona 'thom' is not defined (did you mean 'tom'? defined personas: maya, tom)");
    }
}
