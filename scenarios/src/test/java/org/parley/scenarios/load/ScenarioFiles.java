package org.parley.scenarios.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes scenario files for tests. */
public final class ScenarioFiles {
    private ScenarioFiles() {}

    public static final String VALID = """
            scenario: echo-test
            description: Two agents say numbers.
            environment:
              type: echo
              params: { max-rounds: 2, threshold: 0.5, patience: 5s }
            protocol: { type: alternating, first-speaker: a }
            limits: { max-turns: 10, stale-turns: 2, episode-timeout: 1m, action-timeout: 500ms }
            personas:
              alice: { name: Alice Chen, age: 34, big-five: { openness: 0.7, conscientiousness: 0.6, extraversion: 0.4, agreeableness: 0.8, neuroticism: 0.3 } }
              bob: personas/bob.yaml
            agents:
              - id: a
                role: caller
                persona: alice
                mind: { kind: rule-based, policy: eager, params: { rate: 0.1 } }
              - id: b
                role: answerer
                persona: bob
            conditions:
              - name: baseline
              - name: long
                set: { environment.params.max-rounds: 4, agents.a.mind.params.rate: 0.3 }
            episodes: 3
            seed: 42
            parallel: 2
            """;

    public static final String BOB = """
            name: Bob Okafor
            age: 51
            occupation: shopkeeper
            values: [thrift]
            """;

    public static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid scenario with its persona file; returns the scenario path. */
    public static Path valid(Path dir) {
        write(dir, "personas/bob.yaml", BOB);
        return write(dir, "echo.yaml", VALID);
    }
}
