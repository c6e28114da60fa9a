package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.TranscriptEntry;

class MonitoringListenerTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MonitoringListener listener = new MonitoringListener(registry);

    private Exposition scrape() {
        return Exposition.parse(registry.scrape());
    }

    private static Map<String, String> condition(String name) {
        return Map.of("scenario", SyntheticRun.SCENARIO, "condition", name, "environment", SyntheticRun.ENVIRONMENT);
    }

    @Test
    void countsEpisodesActionsAndCoordinationPerCondition() {
        SyntheticRun.drive(listener, SyntheticRun.plan(4, 5));
        var s = scrape();
        var baseline = condition("baseline");
        var vague = condition("vague");

        assertThat(s.sum("parley_run_episodes_planned", Map.of())).isEqualTo(8);
        assertThat(s.sum("parley_episodes_started_total", baseline)).isEqualTo(4);
        assertThat(s.sum("parley_episodes_completed_total", baseline)).isEqualTo(3);
        assertThat(s.sum("parley_episodes_failed_total", baseline)).isEqualTo(1);
        assertThat(s.sum("parley_episodes_failed_total", vague)).isZero();
        assertThat(s.sum("parley_episodes_running", Map.of())).isZero();
        assertThat(s.sum("parley_agents_alive", Map.of())).isZero();

        // Six actions per episode, all episodes; by role, model and kind.
        assertThat(s.sum("parley_actions_total", Map.of())).isEqualTo(48);
        assertThat(s.sum("parley_actions_total", Map.of("role", "client", "model", "synthetic-model", "kind", "speak")))
                .isEqualTo(8);
        assertThat(s.sum("parley_actions_total", Map.of("role", "counselor", "model", "rule-based", "kind", "edit")))
                .isEqualTo(4);
        assertThat(s.sum("parley_action_latency_seconds_count", Map.of())).isEqualTo(48);

        // Coordination counts only the 3 completed baseline episodes: 5 non-none actions, 4 messages
        // (speak, speak, nods, send_message), 2 questions of which the last is never answered.
        assertThat(s.sum("parley_coordination_episodes_total", baseline)).isEqualTo(3);
        assertThat(s.sum("parley_coordination_actions_total", baseline)).isEqualTo(15);
        assertThat(s.sum("parley_coordination_messages_total", baseline)).isEqualTo(12);
        assertThat(s.sum("parley_coordination_questions_total", baseline)).isEqualTo(6);
        assertThat(s.sum("parley_coordination_unanswered_questions_total", baseline)).isEqualTo(3);
        // In "vague" the first question is followed by an edit, not a reply.
        assertThat(s.sum("parley_coordination_unanswered_questions_total", vague)).isEqualTo(8);
        assertThat(s.sum("parley_coordination_success_scored_total", baseline)).isEqualTo(3);
        assertThat(s.sum("parley_coordination_successes_total", baseline)).isEqualTo(3);
        assertThat(s.sum("parley_coordination_successes_total", vague)).isZero();
        assertThat(s.sum("parley_coordination_commitments_made_total", baseline)).isEqualTo(3);
        assertThat(s.sum("parley_coordination_commitments_kept_total", baseline)).isEqualTo(3);
        assertThat(s.sum("parley_coordination_commitments_broken_total", vague)).isEqualTo(4);
        assertThat(s.sum("parley_coordination_conflicts_total", vague)).isEqualTo(4);

        // Round barriers only in the simultaneous (baseline) condition: 6 rounds, one straggler each episode.
        assertThat(s.sum("parley_round_barrier_rounds_total", baseline)).isEqualTo(24);
        assertThat(s.sum("parley_round_barrier_stragglers_total", baseline)).isEqualTo(4);
        assertThat(s.sum("parley_round_barrier_wait_seconds_count", vague)).isZero();
    }

    @Test
    void summaryGivesTheSameFiguresPerConditionInPlanOrder() {
        SyntheticRun.drive(listener, SyntheticRun.plan(4, 5));
        var summary = listener.summary();
        assertThat(summary).extracting(ConditionSummary::condition).containsExactly("baseline", "vague");
        var baseline = summary.get(0);
        assertThat(baseline.started()).isEqualTo(4);
        assertThat(baseline.completed()).isEqualTo(3);
        assertThat(baseline.failed()).isEqualTo(1);
        assertThat(baseline.successRate()).isEqualTo(1.0);
        assertThat(baseline.messageShare()).isEqualTo(12.0 / 15);
        assertThat(baseline.messagesPerOtherAction()).isEqualTo(12.0 / 3);
        assertThat(baseline.unansweredQuestionRate()).isEqualTo(0.5);
        assertThat(baseline.commitmentsKeptRate()).isEqualTo(1.0);
        assertThat(baseline.conflictsPerEpisode()).isEqualTo(0.0);
        assertThat(baseline.stragglersPerRound()).isEqualTo(4.0 / 24);
        assertThat(baseline.meanActionLatencySeconds()).isPositive();
        var vague = summary.get(1);
        assertThat(vague.successRate()).isEqualTo(0.0);
        assertThat(vague.commitmentsKeptRate()).isEqualTo(0.0);
        assertThat(vague.stragglersPerRound()).isNull();
        assertThat(vague.repairAttemptsPerEpisode()).isEqualTo(1.0);
        assertThat(vague.toMap()).containsEntry("stragglers_per_round", null).containsEntry("episodes_completed", 4L);
        assertThat(vague.format()).startsWith("vague: 4 completed, 0 failed, success 0.0%").doesNotContain("stragglers");
    }

    @Test
    void barrierScoresAreLabelledWithTheDeclaredBarrierType() {
        SyntheticRun.drive(listener, SyntheticRun.plan(2, 9));
        var s = scrape();
        var declared = Map.of("condition", "vague", "barrier", "semantic-vagueness");
        assertThat(s.sum("parley_communication_mutual_understanding_count", declared)).isEqualTo(2);
        assertThat(s.sum("parley_communication_unresolved_confusion_sum", declared)).isEqualTo(4.0);
        assertThat(s.sum("parley_communication_repair_attempts_total", declared)).isEqualTo(2);
        assertThat(s.sum("parley_communication_mutual_understanding_count",
                Map.of("condition", "baseline", "barrier", "none"))).isEqualTo(1);
    }

    @Test
    void environmentMetricsGetRuntimeTagsAndOutcomeScoresGetRoles() {
        SyntheticRun.drive(listener, SyntheticRun.plan(2, 1));
        var s = scrape();
        assertThat(s.sum("parley_env_merge_conflicts_total", Map.of("condition", "vague", "severity", "textual")))
                .isEqualTo(2);
        assertThat(s.sum("parley_env_goal_count", condition("baseline"))).isEqualTo(2);
        assertThat(s.sum("parley_outcome_score_sum", Map.of("role", "client", "score", "goal", "condition", "vague")))
                .isEqualTo(14.0);
        assertThat(s.sum("parley_outcome_score_count", Map.of("role", "episode", "score", "success"))).isEqualTo(3);
    }

    @Test
    void noSeriesIsLabelledWithAnAgentOrEpisodeId() {
        SyntheticRun.drive(listener, SyntheticRun.plan(3, 2));
        for (var sample : scrape().samples()) {
            assertThat(sample.labels().keySet()).doesNotContain("agent", "episode", "agent_id", "episode_id");
            assertThat(sample.labels().values()).doesNotContain("a", "b", "baseline/0", "vague/1");
        }
    }

    @Test
    void gaugesFollowEpisodesInFlight() {
        var plan = SyntheticRun.plan(1, 4);
        listener.runStarted(plan);
        var episode = plan.episodes().get(0);
        listener.episodeStarted(episode);
        listener.backlog(episode, 5);
        var s = scrape();
        assertThat(s.sum("parley_episodes_running", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_agents_alive", Map.of("role", "client"))).isEqualTo(1);
        assertThat(s.sum("parley_mailbox_backlog_messages", Map.of())).isEqualTo(5);

        listener.backlog(episode, 2);
        assertThat(scrape().sum("parley_mailbox_backlog_messages", Map.of())).isEqualTo(2);

        listener.episodeFinished(result(episode, EpisodeResult.Status.COMPLETED, Outcome.empty()), Duration.ofSeconds(1));
        s = scrape();
        assertThat(s.sum("parley_episodes_running", Map.of())).isZero();
        assertThat(s.sum("parley_agents_alive", Map.of())).isZero();
        assertThat(s.sum("parley_mailbox_backlog_messages", Map.of())).isZero();
        assertThat(listener.episodesInFlight()).isZero();

        // An episode-end line that arrives after the episode finished does not bring it back.
        listener.transcript(episode, new TranscriptEntry(9, 3, "9", TranscriptEntry.EPISODE_END, null, Map.of()));
        assertThat(listener.episodesInFlight()).isZero();
        assertThat(scrape().sum("parley_episodes_started_total", Map.of())).isEqualTo(1);
    }

    @Test
    void questionsToEveryoneAreAnsweredByAnyOtherSpeakerAndNoneIsNeutral() {
        var plan = SyntheticRun.plan(1, 4);
        var episode = plan.episodes().get(0);
        listener.runStarted(new RunPlan("r", "q", "env", List.of(episode), 1, RunPlan.Timestamps.LOGICAL));
        listener.episodeStarted(episode);
        act(episode, Action.speak("a", "Anyone free?"));
        act(episode, Action.none("b"));
        act(episode, Action.speak("b", "Me."));                                  // answers
        act(episode, Action.speak("a", "Ok").withArgs(Map.of("question", true)));
        act(episode, Action.of("b", "action", "walks away"));                    // not an answer
        act(episode, Action.speak("b", "Really \"done?\"  ").addressedTo("a")); // open at the end
        listener.episodeFinished(result(episode, EpisodeResult.Status.COMPLETED, Outcome.empty()), Duration.ZERO);
        var s = scrape();
        assertThat(s.sum("parley_coordination_questions_total", Map.of())).isEqualTo(3);
        assertThat(s.sum("parley_coordination_unanswered_questions_total", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_coordination_actions_total", Map.of())).isEqualTo(5);
        assertThat(s.sum("parley_coordination_messages_total", Map.of())).isEqualTo(4);
    }

    @Test
    void severalQuestionsOpenAtOnceAreEachSettledByTheirOwnResponder() {
        var two = SyntheticRun.episode("baseline", 0, 4);
        var episode = new EpisodePlan(two.id(), two.condition(), two.index(), two.seed(), two.protocol(), two.limits(),
                two.environment(), List.of(two.agents().get(0), two.agents().get(1),
                        new EpisodePlan.AgentPlan("c", "observer", 5, two.agents().get(0).mind())));
        listener.runStarted(new RunPlan("r", "q", "env", List.of(episode), 1, RunPlan.Timestamps.LOGICAL));
        var heard = listener.startEpisode(episode);
        heard.actionDecided("client", Action.speak("a", "Ready?").addressedTo("c"), Duration.ZERO);     // Q1 a->c
        heard.actionDecided("counselor", Action.speak("b", "Anyone?"), Duration.ZERO);                  // Q2 b->all
        heard.actionDecided("client", Action.speak("a", "You there?").addressedTo("b"), Duration.ZERO); // answers Q2; Q3 a->b
        heard.actionDecided("counselor", Action.of("b", "action", "walks away"), Duration.ZERO);         // Q3 unanswered
        heard.actionDecided("observer", Action.speak("c", "Yes."), Duration.ZERO);                       // answers Q1
        heard.actionDecided("client", Action.speak("a", "And you?").addressedTo("b"), Duration.ZERO);   // Q4 a->b
        heard.actionDecided("client", Action.speak("a", "Still?").addressedTo("c"), Duration.ZERO);     // Q5 a->c
        heard.actionDecided("observer", Action.speak("c", "Still."), Duration.ZERO);                     // answers Q5
        assertThat(scrape().sum("parley_agents_alive", Map.of("role", "observer"))).isEqualTo(1);
        var named = Map.of("a", new EpisodeResult.AgentInfo("client", "x"), "b",
                new EpisodeResult.AgentInfo("counselor", "x"), "c", new EpisodeResult.AgentInfo("observer", "x"));
        heard.finished(new EpisodeResult(episode.id(), episode.condition(), episode.index(), episode.seed(),
                EpisodeResult.Status.COMPLETED, "done", 3, Outcome.empty(), named), Duration.ZERO);  // Q4 open
        var s = scrape();
        // the agents the result names leave their roles' gauges, as the plan's would
        assertThat(s.sum("parley_agents_alive", Map.of("role", "observer"))).isZero();
        assertThat(s.sum("parley_agents_alive", Map.of())).isZero();
        assertThat(s.sum("parley_coordination_questions_total", Map.of())).isEqualTo(5);
        assertThat(s.sum("parley_coordination_unanswered_questions_total", Map.of())).isEqualTo(2);
    }

    @Test
    void theEpisodesOwnListenerCountsLive() {
        var plan = SyntheticRun.plan(1, 4);
        var episode = plan.episodes().get(0);
        listener.runStarted(plan);
        var heard = listener.startEpisode(episode);
        assertThat(listener.episodesInFlight()).isEqualTo(1);
        heard.transcript(new TranscriptEntry(0, 1, "0", TranscriptEntry.OBSERVATION, "a", Map.of()));
        heard.transcript(new TranscriptEntry(1, 1, "1", TranscriptEntry.OBSERVATION, "b", Map.of()));
        heard.actionDecided("client", Action.speak("a", "Hello?").producedBy("rule-based"), Duration.ofMillis(2));
        heard.metrics().count("offers");
        var s = scrape();
        assertThat(s.sum("parley_actions_total", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_messages_routed_total", Map.of("kind", "speak"))).isEqualTo(1);
        assertThat(s.sum("parley_action_latency_seconds_count", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_agents_alive", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_env_offers_total", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_observations_delivered_total", Map.of())).isEqualTo(2);
        heard.transcript(new TranscriptEntry(2, 2, "2", TranscriptEntry.OBSERVATION, "a", Map.of()));
        assertThat(scrape().sum("parley_turn_duration_seconds_count", Map.of())).isEqualTo(1);

        heard.finished(result(episode, EpisodeResult.Status.COMPLETED, Outcome.empty()), Duration.ZERO);
        s = scrape();
        assertThat(s.sum("parley_observations_delivered_total", Map.of())).isEqualTo(3);
        assertThat(s.sum("parley_agents_alive", Map.of())).isZero();
        assertThat(s.sum("parley_coordination_questions_total", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_coordination_unanswered_questions_total", Map.of())).isEqualTo(1);
        assertThat(listener.episodesInFlight()).isZero();
        // A second end of the same episode is not counted again.
        heard.finished(result(episode, EpisodeResult.Status.COMPLETED, Outcome.empty()), Duration.ZERO);
        assertThat(scrape().sum("parley_episodes_completed_total", Map.of())).isEqualTo(1);
    }

    @Test
    void eventNamesAreReadFromEitherKeyAndCountedLive() {
        var plan = SyntheticRun.plan(1, 4);
        var episode = plan.episodes().get(0);
        listener.runStarted(plan);
        listener.transcript(episode, new TranscriptEntry(0, 1, "0", TranscriptEntry.EVENT, null, Map.of("event", "deal")));
        listener.transcript(episode, new TranscriptEntry(1, 1, "1", TranscriptEntry.EVENT, null, Map.of("type", "deal")));
        listener.transcript(episode, new TranscriptEntry(2, 2, "2", TranscriptEntry.EVENT, null,
                Map.of("event", "conflict")));
        listener.transcript(episode, new TranscriptEntry(3, 2, "3", TranscriptEntry.EVENT, null,
                Map.of("event", Map.of("type", "deal", "agent", "a", "data", Map.of("price", 3)))));
        listener.transcript(episode, new TranscriptEntry(4, 2, "4", TranscriptEntry.EVENT, null,
                Map.of("event", Map.of("type", "communication-barrier", "data", Map.of("barrier", "emotional")))));
        var s = scrape();
        assertThat(s.sum("parley_events_total", Map.of("type", "deal"))).isEqualTo(3);
        assertThat(s.sum("parley_events_total", Map.of("type", "conflict"))).isEqualTo(1);
        // Coordination waits for the episode to complete.
        assertThat(s.sum("parley_coordination_conflicts_total", Map.of())).isZero();
        listener.episodeFinished(result(episode, EpisodeResult.Status.COMPLETED, Outcome.empty()), Duration.ZERO);
        assertThat(scrape().sum("parley_coordination_conflicts_total", Map.of())).isEqualTo(1);
        assertThat(scrape().sum("parley_communication_repair_attempts_total", Map.of("barrier", "emotional"))).isZero();
        assertThat(scrape().samples("parley_communication_repair_attempts_total"))
                .anyMatch(x -> "emotional".equals(x.labels().get("barrier")));
    }

    @Test
    void aListenerReusedForAnotherScenarioLabelsItsSeriesWithTheNewOne() {
        SyntheticRun.drive(listener, SyntheticRun.plan(1, 1));
        var other = new RunPlan("second", "other-scenario", "other-env", SyntheticRun.plan(1, 2).episodes(), 1,
                RunPlan.Timestamps.LOGICAL);
        SyntheticRun.drive(listener, other);
        var s = scrape();
        assertThat(s.sum("parley_episodes_started_total", Map.of("scenario", "other-scenario", "environment", "other-env")))
                .isEqualTo(2);
        assertThat(s.sum("parley_episodes_started_total", Map.of("scenario", SyntheticRun.SCENARIO))).isEqualTo(2);
        assertThat(listener.summary()).hasSize(2).allMatch(c -> c.started() == 1);
        assertThat(s.sum("parley_run_episodes_planned", Map.of("scenario", "other-scenario"))).isEqualTo(2);
        assertThat(s.sum("parley_run_episodes_planned", Map.of("scenario", SyntheticRun.SCENARIO))).isEqualTo(2);
    }

    @Test
    void aFailedEpisodeIsLeftOutOfCoordination() {
        var plan = SyntheticRun.plan(1, 4);
        var episode = plan.episodes().get(0);
        listener.runStarted(plan);
        act(episode, Action.speak("a", "Why?"));
        listener.episodeFinished(result(episode, EpisodeResult.Status.FAILED, Outcome.empty()), Duration.ofMillis(3));
        var s = scrape();
        assertThat(s.sum("parley_episodes_failed_total", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_episode_duration_seconds_count", Map.of("status", "failed"))).isEqualTo(1);
        assertThat(s.sum("parley_coordination_questions_total", Map.of())).isZero();
        assertThat(s.sum("parley_coordination_episodes_total", Map.of())).isZero();
    }

    @Test
    void modelLabelsDropTheMindPrefix() {
        assertThat(MonitoringListener.modelLabel("llm:gpt-4o-mini")).isEqualTo("gpt-4o-mini");
        assertThat(MonitoringListener.modelLabel("rule-based:negotiator")).isEqualTo("rule-based");
        assertThat(MonitoringListener.modelLabel("scripted")).isEqualTo("scripted");
    }

    @Test
    void anEnvironmentMetricUsedAsBothCountAndObservationKeepsItsFirstKind() {
        var plan = SyntheticRun.plan(1, 4);
        listener.runStarted(plan);
        var metrics = listener.metrics(plan.episodes().get(0));
        metrics.count("offers", 1, Map.of("side", "buyer"));
        metrics.count("offers", 1, Map.of("side", "seller", "round", "1"));
        metrics.observe("offers", 9, Map.of("side", "buyer"));
        metrics.count("Offer-Size", 2, Map.of());
        var s = scrape();
        assertThat(s.sum("parley_env_offers_total", Map.of("side", "buyer"))).isEqualTo(1);
        assertThat(s.samples("parley_env_offers_total")).hasSize(2);
        assertThat(s.samples("parley_env_offers_count")).isEmpty();
        assertThat(s.sum("parley_env_offer_size_total", Map.of())).isEqualTo(2);
    }

    @Test
    void mindsThatDescribeThemselvesDifferentlyEveryActionAreStillCountedByModel() {
        var plan = SyntheticRun.plan(1, 4);
        var episode = plan.episodes().get(0);
        listener.runStarted(plan);
        int n = ConditionMeters.MAX_CACHED_ACTIONS + 20;
        for (int i = 0; i < n; i++) {
            act(episode, Action.speak("a", "Offer " + i).producedBy("rule-based:haggler-" + i));
        }
        listener.episodeFinished(result(episode, EpisodeResult.Status.COMPLETED, Outcome.empty()), Duration.ZERO);
        var s = scrape();
        assertThat(s.sum("parley_actions_total", Map.of("model", "rule-based", "kind", "speak"))).isEqualTo(n);
        assertThat(s.sum("parley_messages_routed_total", Map.of("kind", "speak"))).isEqualTo(n);
        assertThat(s.sum("parley_action_latency_seconds_count", Map.of("model", "rule-based"))).isEqualTo(n);
        assertThat(s.sum("parley_coordination_messages_total", Map.of())).isEqualTo(n);
    }

    private void act(EpisodePlan episode, Action action) {
        var role = episode.agents().stream().filter(a -> a.id().equals(action.agent())).findFirst().orElseThrow().role();
        listener.actionDecided(episode, role, action, Duration.ofMillis(1));
    }

    private static EpisodeResult result(EpisodePlan episode, EpisodeResult.Status status, Outcome outcome) {
        return new EpisodeResult(episode.id(), episode.condition(), episode.index(), episode.seed(), status, "done", 3,
                outcome, Map.of());
    }
}
