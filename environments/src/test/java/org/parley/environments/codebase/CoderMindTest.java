package org.parley.environments.codebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.agents.persona.BigFive;
import org.parley.agents.persona.Persona;
import org.parley.environments.codebase.bench.PlainDriver;

class CoderMindTest {
    private static final int EPISODES = 60;
    private final PlainDriver driver = new PlainDriver(400, 12);
    private final CodebaseParams params = CodebaseParams.defaults();

    private record Totals(double success, double conflict, double messages, long broken, long handoffs) {}

    private Totals pair(Map<String, Object> traits) {
        var coders = List.of(new PlainDriver.Coder("ann", Persona.named("Ann"), traits),
                new PlainDriver.Coder("ben", Persona.named("Ben"), traits));
        double success = 0, conflict = 0, messages = 0;
        long broken = 0, handoffs = 0;
        for (int i = 0; i < EPISODES; i++) {
            var r = driver.run(params, coders, "coop", i, 5);
            success += r.score("success");
            conflict += r.score("merge_conflict");
            messages += r.score("messages");
            broken += r.count("commitment-broken");
            handoffs += r.events().stream().filter(e -> e.type().equals("commitment-made")
                    && "keep-out".equals(e.data().get("kind"))).count();
        }
        return new Totals(success / EPISODES, conflict / EPISODES, messages, broken, handoffs);
    }

    @Test
    void perfectCoordinatorsHandOverSharedFunctionsAndRarelyConflict() {
        var perfect = pair(Map.of("coordination-skill", 1.0, "communicativeness", 1.0, "diligence", 1.0,
                "deviation", 0.0, "bug-rate", 0.0));
        var careless = pair(Map.of("coordination-skill", 0.0, "communicativeness", 1.0, "diligence", 1.0,
                "deviation", 0.0, "bug-rate", 0.0));
        assertThat(perfect.handoffs()).isPositive();
        assertThat(careless.handoffs()).isZero();
        assertThat(perfect.conflict()).isLessThan(careless.conflict());
        assertThat(perfect.success()).isGreaterThan(careless.success());
        assertThat(perfect.success()).isGreaterThanOrEqualTo(0.9);
        assertThat(perfect.broken()).isZero();
    }

    @Test
    void silentCodersSendNothingAndDeviantCodersBreakPromises() {
        var silent = pair(Map.of("communicativeness", 0.0));
        assertThat(silent.messages()).isZero();
        var deviant = pair(Map.of("coordination-skill", 1.0, "communicativeness", 1.0, "deviation", 1.0));
        assertThat(deviant.handoffs()).isPositive();
        assertThat(deviant.broken()).isPositive();
    }

    @Test
    void traitsComeFromExtensionsThenBigFiveAndParamsOverrideBoth() {
        var persona = new Persona("Kim", null, null, null, null, new BigFive(0.5, 0.9, 0.2, 0.3, 0.5), null, null, null, null,
                Map.of("communicativeness", 0.4));
        var traits = CoderTraits.of(persona, Map.of("patience", 5));
        assertThat(traits.diligence()).isEqualTo(0.9);
        assertThat(traits.coordination()).isEqualTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(traits.communicativeness()).isEqualTo(0.4);
        assertThat(traits.patience()).isEqualTo(5);
    }
}
