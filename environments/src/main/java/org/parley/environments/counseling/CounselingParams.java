package org.parley.environments.counseling;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Parameters of the {@code counseling} environment ({@code environment.params}).
 *
 * @param sessions         sessions in one episode (the course of treatment); default 3
 * @param maxRounds        cap on rounds per session (one round = client, then counselor); default 20
 * @param farewellKeywords words that mark the counselor's farewell and close a session
 * @param distressRebound  between sessions, share of the way distress and risk drift back to baseline; default 0.3
 * @param trustCarryover   between sessions, share of the trust gained that is kept; default 0.8
 * @param critic           whose utterances a DEAR MAN critic rates and comments on: none, client or counselor
 */
public record CounselingParams(
        Integer sessions,
        @JsonProperty("max-rounds") Integer maxRounds,
        @JsonProperty("farewell-keywords") List<String> farewellKeywords,
        @JsonProperty("distress-rebound") Double distressRebound,
        @JsonProperty("trust-carryover") Double trustCarryover,
        String critic) {

    public static final List<String> DEFAULT_FAREWELLS =
            List.of("goodbye", "see you next", "until next time", "that's our time", "that is our time", "take care");

    public CounselingParams {
        sessions = sessions == null ? 3 : sessions;
        maxRounds = maxRounds == null ? 20 : maxRounds;
        farewellKeywords = farewellKeywords == null || farewellKeywords.isEmpty() ? DEFAULT_FAREWELLS : List.copyOf(farewellKeywords);
        distressRebound = distressRebound == null ? 0.3 : distressRebound;
        trustCarryover = trustCarryover == null ? 0.8 : trustCarryover;
        critic = critic == null ? "none" : critic;
    }

    public static CounselingParams defaults() {
        return new CounselingParams(null, null, null, null, null, null);
    }

    public CounselingParams withCritic(String target) {
        return new CounselingParams(sessions, maxRounds, farewellKeywords, distressRebound, trustCarryover, target);
    }

    public CounselingParams withSessions(int n) {
        return new CounselingParams(n, maxRounds, farewellKeywords, distressRebound, trustCarryover, critic);
    }
}
