package org.parley.environments.codebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.agents.persona.BigFive;
import org.parley.agents.persona.Persona;
import org.parley.environments.codebase.bench.PlainDriver;

/**
 * The bundled CooperBench scenarios' conditions on fixed seeds, run with the plain round-robin
 * driver and the same coder personas as scenarios/cooperbench/*.yaml: a team succeeds less often
 * than one coder doing every feature, success falls with team size, and messaging lowers the
 * merge-conflict rate.
 */
class CooperbenchConditionsTest {
    static final int EPISODES = 100;
    static final long SEED = 42;
    static final List<String> NAMES = List.of("maya", "tomas", "priya", "lee");
    static final Map<String, Summary> RESULTS = new LinkedHashMap<>();

    record Summary(double success, double conflict, double messageShare, double unanswered, double kept) {}

    /** The coders of the bundled scenarios: equally skilled, so gaps come from coordination, not skill. */
    static Persona persona(String name) {
        return new Persona(name, 30, null, "software developer", null, new BigFive(0.6, 0.75, 0.55, 0.7, 0.35),
                null, null, null, null,
                Map.of("coordination-skill", 0.7, "diligence", 0.75, "communicativeness", 0.7, "deviation", 0.1));
    }

    static Summary run(String condition, int team, CodebaseParams params) {
        var coders = new ArrayList<PlainDriver.Coder>();
        for (int i = 0; i < team; i++) coders.add(new PlainDriver.Coder(NAMES.get(i), persona(NAMES.get(i)), Map.of()));
        var driver = new PlainDriver(400, 12);
        double success = 0, conflict = 0, share = 0, unanswered = 0, kept = 0, commitments = 0;
        for (int i = 0; i < EPISODES; i++) {
            var r = driver.run(params, coders, condition, i, SEED);
            success += r.score("success");
            conflict += r.score("merge_conflict");
            share += r.score("message_share");
            unanswered += r.score("unanswered_question_rate");
            kept += r.score("commitments_kept");
            commitments += r.score("commitments");
        }
        return new Summary(success / EPISODES, conflict / EPISODES, share / EPISODES, unanswered / EPISODES,
                commitments == 0 ? 0 : kept / commitments);
    }

    @BeforeAll
    static void runConditions() {
        var base = CodebaseParams.defaults().withStepBudget(12);
        RESULTS.put("solo", run("solo", 1, base.withFeatures(2)));
        RESULTS.put("coop", run("coop", 2, base));
        RESULTS.put("coop-no-messaging", run("coop-no-messaging", 2, base.withMessaging(false)));
        RESULTS.put("team-3", run("team-3", 3, base));
        RESULTS.put("team-4", run("team-4", 4, base));
        RESULTS.forEach((k, v) -> System.out.println(k + ": " + v));
    }

    @Test
    void coopSucceedsLessOftenThanSolo() {
        assertThat(RESULTS.get("coop").success()).isLessThan(RESULTS.get("solo").success() - 0.05);
    }

    @Test
    void successFallsWithTeamSize() {
        assertThat(RESULTS.get("team-3").success()).isLessThan(RESULTS.get("coop").success());
        assertThat(RESULTS.get("team-4").success()).isLessThan(RESULTS.get("team-3").success());
    }

    @Test
    void messagingLowersTheConflictRate() {
        assertThat(RESULTS.get("coop").conflict()).isLessThan(RESULTS.get("coop-no-messaging").conflict());
        assertThat(RESULTS.get("coop").messageShare()).isBetween(0.05, 0.35);
        assertThat(RESULTS.get("coop-no-messaging").messageShare()).isZero();
    }

    @Test
    void soloHasNoCoordinationFailures() {
        assertThat(RESULTS.get("solo").conflict()).isZero();
        assertThat(RESULTS.get("solo").messageShare()).isZero();
    }
}
