package org.parley.agents.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.agents.persona.BigFive;
import org.parley.agents.persona.Persona;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Turn;

class RuleBasedMindTest {

    /** Greets with a probability set by extraversion, otherwise nods; remembers what it heard. */
    static final class Greeter extends RuleBasedMind {
        final List<String> heard = new ArrayList<>();

        Greeter(Persona persona, long seed) {
            super("g", persona, "greeter", seed);
        }

        @Override
        protected void onObservation(Observation observation) {
            heard.add(observation.text());
        }

        @Override
        protected Action choose(Turn turn) {
            return traitChance(0.5, traits().extraversion(), 0.9)
                    ? speak(pick(List.of("Hello!", "Hi there.", "Good to see you.")))
                    : act("non-verbal", "nods");
        }
    }

    private static Persona withExtraversion(double e) {
        return new Persona("P", null, null, null, null, new BigFive(0.5, 0.5, e, 0.5, 0.5), null, null, null, null, null);
    }

    private static final Turn TURN = new Turn("g", 0, ActionSpace.of("speak", "non-verbal"));

    private static List<String> run(Greeter mind, int turns) {
        var out = new ArrayList<String>();
        for (int t = 0; t < turns; t++) {
            var action = mind.decide(new Turn("g", t, TURN.actions())).toCompletableFuture().join();
            out.add(action.kind() + ":" + action.text());
        }
        return out;
    }

    @Test
    void labelsActionsAndDescribesItselfAsRuleBased() {
        var mind = new Greeter(withExtraversion(0.5), 1);
        var action = mind.decide(TURN).toCompletableFuture().join();
        assertThat(mind.describe()).isEqualTo("rule-based:greeter");
        assertThat(action.producedBy()).isEqualTo("rule-based:greeter");
        assertThat(mind.memory().entries()).singleElement().satisfies(e -> assertThat(e.own()).isTrue());
        var another = new Greeter(withExtraversion(0.9), 2);
        assertThat(another.describe()).isEqualTo(mind.describe());
    }

    @Test
    void theSameSeedGivesTheSameChoicesAndAnotherSeedDiffers() {
        var a = run(new Greeter(withExtraversion(0.5), 7), 40);
        var b = run(new Greeter(withExtraversion(0.5), 7), 40);
        var c = run(new Greeter(withExtraversion(0.5), 8), 40);
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void traitsShiftTheChances() {
        long talkativeSpeaks = run(new Greeter(withExtraversion(0.95), 3), 400).stream().filter(s -> s.startsWith("speak")).count();
        long shySpeaks = run(new Greeter(withExtraversion(0.05), 3), 400).stream().filter(s -> s.startsWith("speak")).count();
        assertThat(talkativeSpeaks).isGreaterThan(300);
        assertThat(shySpeaks).isLessThan(100);
    }

    @Test
    void perceiveStoresThenCallsTheHook() {
        var mind = new Greeter(withExtraversion(0.5), 1);
        mind.perceive(new Observation("g", 0, "bob", "speak", "hey", Map.of()));
        assertThat(mind.heard).containsExactly("hey");
        assertThat(mind.memory().lastFromOthers().orElseThrow().text()).isEqualTo("hey");
    }

    @Test
    void probabilityHelpersClampAndInterpolate() {
        assertThat(RuleBasedMind.traitProbability(0.5, 1.0, 0.4)).isEqualTo(0.7, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(RuleBasedMind.traitProbability(0.9, 1.0, 1.0)).isEqualTo(1.0);
        assertThat(RuleBasedMind.traitProbability(0.1, 0.0, 1.0)).isEqualTo(0.0);
        assertThat(RuleBasedMind.byTrait(0.25, 0, 8)).isEqualTo(2.0);
    }

    @Test
    void phrasesFillPlaceholdersAndRejectMissingValues() {
        assertThat(Phrases.fill("I can do {price} for the {item}.", Map.of("price", "$120", "item", "bike")))
                .isEqualTo("I can do $120 for the bike.");
        assertThatThrownBy(() -> Phrases.fill("{nope}", Map.of())).hasMessageContaining("{nope}");
    }
}
