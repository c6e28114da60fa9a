package org.parley.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.agents.persona.BigFive;
import org.parley.agents.persona.Persona;

class PersonaRendererTest {
    @Test
    void writesTheProfileInTheSecondPersonWithTraitsAsWords() {
        var p = new Persona("Alice Chen", 34, "woman", "nurse", "Works night shifts at a city hospital",
                new BigFive(0.7, 0.5, 0.2, 0.9, 0.5), "INFJ", List.of("honesty"), List.of("buy a used car"),
                List.of("she was fired last year"), Map.of("budget", 9000));

        String text = PersonaRenderer.render(p);

        assertThat(text).startsWith("You are Alice Chen, 34 years old, woman, working as a nurse.")
                .contains("Works night shifts at a city hospital.")
                .contains("open to new experiences").contains("very reserved and quiet")
                .contains("very warm and cooperative").doesNotContain("conscientious")
                .contains("(MBTI INFJ)").contains("- honesty").contains("- buy a used car")
                .contains("Secrets you keep").contains("- she was fired last year").contains("- budget: 9000");
    }
}
