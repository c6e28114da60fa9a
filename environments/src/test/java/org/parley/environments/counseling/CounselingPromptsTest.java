package org.parley.environments.counseling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CounselingPromptsTest {

    @Test
    void clientPromptCarriesTheModelStateStyleAndRisk() {
        var profile = ClientProfile.from(CounselingFixtures.client("kenji"));
        var state = new ClientState(profile);
        String prompt = CounselingPrompts.client(profile, state, 2, 3, "Last time you talked about: exams.");
        assertThat(prompt).doesNotContain("{{").contains("Kenji Watanabe, 20").contains("I failed two exams")
                .contains("trust in the counselor 0.20").contains("Never write more than 3 sentences")
                .contains("ending your life").contains("Last time you talked about: exams.");
    }

    @Test
    void counselorPromptNamesStagesMovesAndSafetyRules() {
        var profile = ClientProfile.from(CounselingFixtures.client("victor"));
        String prompt = CounselingPrompts.counselor("Dr. Elena Vasquez", profile, 1, 3, "exploration");
        assertThat(prompt).doesNotContain("{{").contains("session 1 of 3").contains("Current stage: exploration")
                .contains("safety check").contains("delusional").contains("\"move\"");
    }
}
