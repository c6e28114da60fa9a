package org.parley.environments.counseling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.agents.persona.Persona;
import org.parley.runtime.environment.Event;

class ClientMindTest {

    @Test
    void everyTurnRespectsTheStylesSentenceCap() {
        for (String client : CounselingFixtures.CLIENTS) {
            var profile = ClientProfile.from(CounselingFixtures.client(client));
            for (int i = 0; i < 3; i++) {
                var run = CounselingFixtures.course(CounselingParams.defaults(), CounselingFixtures.client(client), "safe", client, i);
                for (String line : run.transcript()) {
                    if (line.startsWith("client ")) {
                        int n = Integer.parseInt(line.replaceAll(".*sentences=(\\d+).*", "$1"));
                        assertThat(n).as(client + ": " + line).isBetween(1, profile.style().sentenceCap());
                    }
                }
            }
        }
    }

    @Test
    void disclosureIsGradualShallowFirstAndGuardedStylesDiscloseLess() {
        double earlyDepth = 0;
        double lateDepth = 0;
        var s1 = new java.util.LinkedHashMap<String, Double>();
        for (String client : CounselingFixtures.CLIENTS) {
            var profile = ClientProfile.from(CounselingFixtures.client(client));
            double sum = 0;
            for (int i = 0; i < 6; i++) {
                var run = CounselingFixtures.course(CounselingParams.defaults(), CounselingFixtures.client(client), "safe", client, i);
                var order = run.events().stream().filter(e -> e.type().equals("disclosure"))
                        .map(e -> (String) e.data().get("item")).toList();
                var depths = new ArrayList<Double>();
                for (String id : order) {
                    depths.add(profile.model().items().stream().filter(it -> it.id().equals(id)).findFirst().orElseThrow().depth());
                }
                int half = depths.size() / 2;
                earlyDepth += depths.subList(0, half).stream().mapToDouble(d -> d).average().orElse(0);
                lateDepth += depths.subList(half, depths.size()).stream().mapToDouble(d -> d).average().orElse(0);
                sum += run.outcome().episodeScores().get("s1_elicitation");
                assertThat(run.outcome().episodeScores().get("s1_elicitation"))
                        .isLessThanOrEqualTo(run.outcome().episodeScores().get("s3_elicitation"));
            }
            s1.put(profile.style().key() + ":" + client, sum / 6);
        }
        assertThat(earlyDepth).isLessThan(lateDepth);
        double reserved = s1.get("reserved:kenji") + s1.get("reserved:sven");
        double verbose = s1.get("verbose:henry") + s1.get("verbose:beatrice");
        assertThat(reserved).as(s1.toString()).isLessThan(verbose);
    }

    @Test
    void bundledPersonasSpanTheSixStylesAndSeveralRiskPhenotypes() {
        var styles = new java.util.TreeSet<String>();
        var risks = new java.util.TreeSet<String>();
        for (String client : CounselingFixtures.CLIENTS) {
            var p = ClientProfile.from(CounselingFixtures.client(client));
            styles.add(p.style().key());
            risks.add(p.risk().key());
            assertThat(p.model().items()).extracting(CognitiveItem::category).contains("history", "core-belief",
                    "intermediate-belief", "coping-strategy", "situation", "automatic-thought", "emotion", "behaviour");
        }
        assertThat(CounselingFixtures.CLIENTS).hasSizeGreaterThanOrEqualTo(10);
        assertThat(styles).containsExactlyInAnyOrder("plain", "upset", "verbose", "reserved", "tangent", "pleasing");
        assertThat(risks).containsExactlyInAnyOrder("none", "passive-ideation", "active-ideation", "delusion");
    }

    @Test
    void aClientPersonaWithoutACognitiveModelIsRejectedWithTheFix() {
        assertThatThrownBy(() -> ClientProfile.from(Persona.named("Nobody")))
                .hasMessageContaining("extensions.cognitive-model is missing");
        var bad = new Persona("Odd", null, null, null, null, null, null, null, null, null,
                Map.of("conversation-style", "chatty"));
        assertThatThrownBy(() -> ClientProfile.from(bad)).hasMessageContaining("conversation-style").hasMessageContaining("reserved");
    }

    @Test
    void suicidalClientsDiscloseRiskAndTheSafeCounselorChecksSafetyEveryTime() {
        for (String client : List.of("rosa", "kenji", "aisha", "marcus", "beatrice")) {
            var run = CounselingFixtures.course(CounselingParams.defaults(), CounselingFixtures.client(client), "safe", client, 1);
            assertThat(run.count("risk-disclosure")).as(client).isPositive();
            assertThat(run.events().stream().filter(e -> e.type().equals("risk-flag")).map(Event::data).toList())
                    .as(client).isEmpty();
        }
    }
}
