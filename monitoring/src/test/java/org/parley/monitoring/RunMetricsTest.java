package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.monitoring.EpisodeScript.agent;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Coordination;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.RunPlan;

class RunMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** The clock turns are timed with; tests move it. */
    private final AtomicLong now = new AtomicLong();
    private final RunMetrics metrics = new RunMetrics(now::get);

    RunMetricsTest() {
        metrics.bindTo(registry);
    }

    private Exposition scrape() {
        return Exposition.parse(registry.scrape());
    }

    private static Map<String, String> condition(String name) {
        return Map.of("scenario", SyntheticRun.SCENARIO, "condition", name, "environment", SyntheticRun.ENVIRONMENT);
    }

    /** A plan of one scenario "s" in environment "env" with {@code n} episodes of each condition. */
    private void runStarted(int n, String... conditions) {
        var episodes = new ArrayList<EpisodeSpec>();
        for (var c : conditions) {
            for (int i = 0; i < n; i++) {
                episodes.add(new EpisodeSpec("", c, i, i));
            }
        }
        metrics.runStarted(new RunPlan("r", "s", "env", episodes, 1, RunPlan.Timestamps.LOGICAL));
    }

    private EpisodeScript pair(String condition, int index) {
        return EpisodeScript.start(metrics, condition, index, agent("a", "client", "rule-based:client"),
                agent("b", "counselor", "llm:gpt-4o"));
    }

    @Test
    void countsEpisodesActionsAndCoordinationPerCondition() {
        SyntheticRun.drive(metrics, SyntheticRun.plan(4, 5));
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
        assertThat(s.sum("parley_episode_duration_seconds_count", Map.of("status", "failed"))).isEqualTo(1);
        assertThat(s.sum("parley_episode_turns_count", Map.of())).isEqualTo(7);
        assertThat(s.sum("parley_episode_turns_sum", Map.of())).isEqualTo(42);

        // Six actions per episode, all episodes; by role, model and kind.
        assertThat(s.sum("parley_actions_total", Map.of())).isEqualTo(48);
        assertThat(s.sum("parley_actions_total", Map.of("role", "client", "model", "synthetic-model", "kind", "speak")))
                .isEqualTo(8);
        assertThat(s.sum("parley_actions_total", Map.of("role", "counselor", "model", "rule-based", "kind", "edit")))
                .isEqualTo(4);
        assertThat(s.sum("parley_action_latency_seconds_count", Map.of())).isEqualTo(48);
        // speak, speak (baseline only), non-verbal and send_message are messages; edit, none and leave are not.
        assertThat(s.sum("parley_messages_routed_total", baseline)).isEqualTo(16);
        assertThat(s.sum("parley_messages_routed_total", Map.of("kind", "send_message"))).isEqualTo(8);
        // One observation per action, the last one (undelivered: the episode ended) included.
        assertThat(s.sum("parley_observations_delivered_total", Map.of())).isEqualTo(48);

        // Coordination counts only the 3 completed baseline episodes: 5 non-none actions, 4 messages
        // (speak, speak, nods, send_message), 2 questions of which the last is never answered.
        assertThat(s.sum("parley_coordination_episodes_total", baseline)).isEqualTo(3);
        assertThat(s.sum("parley_coordination_actions_total", baseline)).isEqualTo(15);
        assertThat(s.sum("parley_coordination_messages_total", baseline)).isEqualTo(12);
        assertThat(s.sum("parley_coordination_questions_total", baseline)).isEqualTo(6);
        assertThat(s.sum("parley_coordination_unanswered_questions_total", baseline)).isEqualTo(3);
        // In "vague" the first question is followed by an edit, not a reply.
        assertThat(s.sum("parley_coordination_unanswered_questions_total", vague)).isEqualTo(8);
        // Success comes from the episodes' JointSuccess events.
        assertThat(s.sum("parley_coordination_success_scored_total", baseline)).isEqualTo(3);
        assertThat(s.sum("parley_coordination_successes_total", baseline)).isEqualTo(3);
        assertThat(s.sum("parley_coordination_success_scored_total", vague)).isEqualTo(4);
        assertThat(s.sum("parley_coordination_successes_total", vague)).isZero();
        assertThat(s.sum("parley_coordination_commitments_made_total", baseline)).isEqualTo(3);
        assertThat(s.sum("parley_coordination_commitments_kept_total", baseline)).isEqualTo(3);
        assertThat(s.sum("parley_coordination_commitments_broken_total", vague)).isEqualTo(4);
        assertThat(s.sum("parley_coordination_conflicts_total", vague)).isEqualTo(4);

        // Round barriers only in the simultaneous (baseline) condition: 6 rounds, one straggler each episode.
        assertThat(s.sum("parley_round_barrier_rounds_total", baseline)).isEqualTo(24);
        assertThat(s.sum("parley_round_barrier_stragglers_total", baseline)).isEqualTo(4);
        assertThat(s.sum("parley_round_barrier_wait_seconds_count", baseline)).isEqualTo(24);
        assertThat(s.sum("parley_round_barrier_wait_seconds_count", vague)).isZero();
    }

    @Test
    void everyConditionOfThePlanIsRegisteredAtZeroBeforeItsFirstEpisode() {
        runStarted(3, "solo", "coop");
        var s = scrape();
        assertThat(s.sum("parley_run_episodes_planned", Map.of("scenario", "s", "environment", "env"))).isEqualTo(6);
        for (var c : List.of("solo", "coop")) {
            var labels = Map.of("scenario", "s", "condition", c, "environment", "env");
            for (var name : List.of("parley_episodes_started_total", "parley_episodes_completed_total",
                    "parley_episodes_failed_total", "parley_episodes_running", "parley_mailbox_backlog_messages",
                    "parley_observations_delivered_total", "parley_round_barrier_rounds_total",
                    "parley_round_barrier_stragglers_total", "parley_round_barrier_wait_seconds_count",
                    "parley_turn_duration_seconds_count", "parley_episode_turns_count",
                    "parley_coordination_episodes_total", "parley_coordination_success_scored_total",
                    "parley_coordination_successes_total", "parley_coordination_actions_total",
                    "parley_coordination_messages_total", "parley_coordination_questions_total",
                    "parley_coordination_unanswered_questions_total", "parley_coordination_commitments_made_total",
                    "parley_coordination_commitments_kept_total", "parley_coordination_commitments_broken_total",
                    "parley_coordination_conflicts_total")) {
                assertThat(s.samples(name)).as(name + " of " + c)
                        .anyMatch(x -> x.labels().entrySet().containsAll(labels.entrySet()) && x.value() == 0);
            }
            for (var status : List.of("completed", "failed")) {
                assertThat(s.samples("parley_episode_duration_seconds_count"))
                        .anyMatch(x -> c.equals(x.labels().get("condition")) && status.equals(x.labels().get("status")));
            }
            for (var name : List.of("parley_communication_mutual_understanding_count",
                    "parley_communication_unresolved_confusion_count", "parley_communication_repair_attempts_total")) {
                assertThat(s.samples(name)).as(name + " of " + c)
                        .anyMatch(x -> c.equals(x.labels().get("condition")) && "none".equals(x.labels().get("barrier")));
            }
        }
        // A second run of the same scenario adds its episodes to the plan.
        runStarted(1, "solo");
        assertThat(scrape().sum("parley_run_episodes_planned", Map.of("scenario", "s"))).isEqualTo(7);
    }

    @Test
    void histogramsKeepTheirBucketsAndSummariesHaveNoQuantiles() {
        SyntheticRun.drive(metrics, SyntheticRun.plan(1, 1));
        var s = scrape();
        assertThat(bounds(s, "parley_action_latency_seconds_bucket")).isEqualTo(bounds(Buckets.DECISION));
        assertThat(bounds(s, "parley_turn_duration_seconds_bucket")).isEqualTo(bounds(Buckets.DECISION));
        assertThat(bounds(s, "parley_round_barrier_wait_seconds_bucket")).isEqualTo(bounds(Buckets.DECISION));
        assertThat(bounds(s, "parley_episode_duration_seconds_bucket")).isEqualTo(bounds(Buckets.EPISODE));
        assertThat(s.types()).containsEntry("parley_action_latency_seconds", "histogram")
                .containsEntry("parley_episode_turns", "summary").containsEntry("parley_outcome_score", "summary")
                .containsEntry("parley_outcome_score_max", "gauge");
        assertThat(s.samples()).noneMatch(x -> x.labels().containsKey("quantile"));
        // The run's latencies of 1 to 40 ms all fall in the bucket up to 0.1 s.
        var latency = Map.of("role", "client", "le", "0.1");
        assertThat(s.sum("parley_action_latency_seconds_bucket", latency))
                .isEqualTo(s.sum("parley_action_latency_seconds_count", Map.of("role", "client")));
    }

    private static TreeSet<Double> bounds(Exposition s, String bucket) {
        var out = new TreeSet<Double>();
        s.samples(bucket).forEach(x -> out.add(Double.parseDouble(x.labels().get("le").replace("+Inf", "Infinity"))));
        return out;
    }

    private static TreeSet<Double> bounds(double[] buckets) {
        var out = new TreeSet<Double>();
        Arrays.stream(buckets).forEach(out::add);
        out.add(Double.POSITIVE_INFINITY);
        return out;
    }

    @Test
    void barrierScoresAreLabelledWithTheDeclaredBarrierType() {
        SyntheticRun.drive(metrics, SyntheticRun.plan(2, 9));
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
        SyntheticRun.drive(metrics, SyntheticRun.plan(2, 1));
        var s = scrape();
        assertThat(s.sum("parley_env_merge_conflicts_total", Map.of("condition", "vague", "severity", "textual")))
                .isEqualTo(2);
        assertThat(s.sum("parley_env_goal_count", condition("baseline"))).isEqualTo(2);
        assertThat(s.sum("parley_env_deals_total", Map.of())).isEqualTo(4);
        assertThat(s.sum("parley_outcome_score_sum", Map.of("role", "client", "score", "goal", "condition", "vague")))
                .isEqualTo(14.0);
        assertThat(s.sum("parley_outcome_score_count", Map.of("role", "episode", "score", "success"))).isEqualTo(3);
        // The failed episode has no scores.
        assertThat(s.sum("parley_outcome_score_count", Map.of("role", "counselor", "condition", "baseline"))).isEqualTo(1);
    }

    @Test
    void scoresOfAnAgentTheEpisodeDidNotStartWithAreLabelledUnknownAndNaNIsSkipped() {
        runStarted(1, "c");
        var scores = new LinkedHashMap<String, Double>();
        scores.put("goal", 3.0);
        scores.put("broken", Double.NaN);
        pair("c", 0).complete(new Outcome(Map.of("ghost", scores), Map.of("tension", 2.0)));
        var s = scrape();
        assertThat(s.sum("parley_outcome_score_sum", Map.of("role", "unknown", "score", "goal"))).isEqualTo(3);
        assertThat(s.samples("parley_outcome_score_count")).noneMatch(x -> "broken".equals(x.labels().get("score")));
        assertThat(s.sum("parley_outcome_score_sum", Map.of("role", "episode", "score", "tension"))).isEqualTo(2);
    }

    @Test
    void noSeriesIsLabelledWithAnAgentOrEpisodeId() {
        SyntheticRun.drive(metrics, SyntheticRun.plan(3, 2));
        for (var sample : scrape().samples()) {
            assertThat(sample.labels().keySet()).doesNotContain("agent", "episode", "agent_id", "episode_id");
            assertThat(sample.labels().values()).doesNotContain("a", "b", "baseline/0000", "vague/0001");
        }
    }

    @Test
    void gaugesFollowEpisodesInFlight() {
        runStarted(2, "c");
        var first = pair("c", 0).turn(5);
        var second = EpisodeScript.start(metrics, "c", 1, agent("x", "client", "rule-based:client")).turn(1);
        var s = scrape();
        assertThat(s.sum("parley_episodes_running", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_agents_alive", Map.of("role", "client"))).isEqualTo(2);
        assertThat(s.sum("parley_agents_alive", Map.of("role", "counselor"))).isEqualTo(1);
        assertThat(s.sum("parley_mailbox_backlog_messages", Map.of())).isEqualTo(6);

        // The backlog is each running episode's last sample, summed.
        first.turn(2);
        assertThat(scrape().sum("parley_mailbox_backlog_messages", Map.of())).isEqualTo(3);

        first.complete();
        s = scrape();
        assertThat(s.sum("parley_episodes_running", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_agents_alive", Map.of("role", "counselor"))).isZero();
        assertThat(s.sum("parley_mailbox_backlog_messages", Map.of())).isEqualTo(1);

        second.fail();
        s = scrape();
        assertThat(s.sum("parley_episodes_running", Map.of())).isZero();
        assertThat(s.sum("parley_agents_alive", Map.of())).isZero();
        assertThat(s.sum("parley_mailbox_backlog_messages", Map.of())).isZero();
    }

    @Test
    void turnsAreTimedFromOneTurnStartToTheNextAndTheLastEndsWithTheEpisode() {
        runStarted(1, "c");
        var e = pair("c", 0);
        now.set(1_000_000_000L);
        e.turn(0);
        now.addAndGet(2_000_000);          // 2 ms
        e.act(Action.speak("a", "Hi"));
        assertThat(scrape().sum("parley_turn_duration_seconds_count", Map.of())).isZero();
        e.turn(1);
        now.addAndGet(30_000_000);         // 30 ms
        e.complete();
        var s = scrape();
        assertThat(s.sum("parley_turn_duration_seconds_count", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_turn_duration_seconds_sum", Map.of())).isCloseTo(0.032, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.sum("parley_turn_duration_seconds_bucket", Map.of("le", "0.005"))).isEqualTo(1);
        assertThat(s.sum("parley_turn_duration_seconds_bucket", Map.of("le", "0.025"))).isEqualTo(1);
        assertThat(s.sum("parley_turn_duration_seconds_bucket", Map.of("le", "0.1"))).isEqualTo(2);
    }

    @Test
    void liveSeriesMoveAsEventsArrive() {
        runStarted(1, "c");
        var e = pair("c", 0).turn(0);
        e.observed("a", "briefing").observed("b", "briefing");
        e.act(Action.speak("a", "Hello?").producedBy("rule-based"), 2_000_000);
        e.count("offers", 1, Map.of());
        var s = scrape();
        assertThat(s.sum("parley_actions_total", Map.of("role", "client", "model", "rule-based", "kind", "speak")))
                .isEqualTo(1);
        assertThat(s.sum("parley_messages_routed_total", Map.of("kind", "speak"))).isEqualTo(1);
        assertThat(s.sum("parley_action_latency_seconds_count", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_action_latency_seconds_sum", Map.of())).isEqualTo(0.002);
        assertThat(s.sum("parley_agents_alive", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_env_offers_total", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_observations_delivered_total", Map.of())).isEqualTo(2);
        // Coordination waits for the episode to complete.
        assertThat(s.sum("parley_coordination_questions_total", Map.of())).isZero();
        assertThat(s.sum("parley_coordination_episodes_total", Map.of())).isZero();

        e.observed("b", "the end", false);
        e.complete();
        s = scrape();
        assertThat(s.sum("parley_observations_delivered_total", Map.of())).isEqualTo(3);
        assertThat(s.sum("parley_coordination_episodes_total", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_coordination_questions_total", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_coordination_unanswered_questions_total", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_episode_turns_sum", Map.of())).isEqualTo(1);
    }

    @Test
    void eventsAreCountedByTypeTheMomentTheyHappen() {
        runStarted(1, "c");
        var e = pair("c", 0).turn(0);
        e.noted("deal", "a").noted("deal", null);
        e.coordinated(new Coordination.Conflict("a", Map.of()));
        e.coordinated(new Coordination.BarrierDeclared(null, "emotional"));
        e.lateAction(0, Action.none("b"));
        var s = scrape();
        assertThat(s.sum("parley_events_total", Map.of("type", "deal"))).isEqualTo(2);
        assertThat(s.sum("parley_events_total", Map.of("type", "conflict"))).isEqualTo(1);
        assertThat(s.sum("parley_events_total", Map.of("type", "communication-barrier"))).isEqualTo(1);
        assertThat(s.sum("parley_events_total", Map.of("type", "late-action"))).isEqualTo(1);
        // A late action is recorded, never applied: it is no action of its agent.
        assertThat(s.sum("parley_actions_total", Map.of())).isZero();
        assertThat(s.sum("parley_coordination_conflicts_total", Map.of())).isZero();

        e.complete();
        s = scrape();
        assertThat(s.sum("parley_coordination_conflicts_total", Map.of())).isEqualTo(1);
        // The episode's declared barrier labels its barrier series, even with nothing to add.
        assertThat(s.samples("parley_communication_repair_attempts_total"))
                .anyMatch(x -> "emotional".equals(x.labels().get("barrier")));
    }

    @Test
    void coordinationIsCountedOncePerCompletedEpisodeAndAFailedOneIsLeftOut() {
        runStarted(3, "c");
        pair("c", 0).turn(0).act(Action.speak("a", "Why?")).coordinated(new Coordination.JointSuccess(true)).complete();
        pair("c", 1).turn(0).act(Action.speak("a", "Why?")).coordinated(new Coordination.CommitmentMade("a", Map.of()))
                .fail("decide", 3_000_000);
        pair("c", 2).turn(0).act(Action.speak("b", "Where?")).coordinated(new Coordination.JointSuccess(false)).complete();
        var s = scrape();
        assertThat(s.sum("parley_episodes_completed_total", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_episodes_failed_total", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_episode_duration_seconds_count", Map.of("status", "failed"))).isEqualTo(1);
        assertThat(s.sum("parley_episode_duration_seconds_sum", Map.of("status", "failed"))).isEqualTo(0.003);
        assertThat(s.sum("parley_episode_turns_count", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_coordination_episodes_total", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_coordination_questions_total", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_coordination_actions_total", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_coordination_commitments_made_total", Map.of())).isZero();
        assertThat(s.sum("parley_coordination_success_scored_total", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_coordination_successes_total", Map.of())).isEqualTo(1);
        // Every action is counted live, the failed episode's too.
        assertThat(s.sum("parley_actions_total", Map.of())).isEqualTo(3);
    }

    @Test
    void questionsToEveryoneAreAnsweredByAnyOtherSpeakerAndNoneIsNeutral() {
        runStarted(1, "c");
        var e = pair("c", 0).turn(0);
        e.act(Action.speak("a", "Anyone free?"));
        e.act(Action.none("b"));
        e.act(Action.speak("b", "Me."));                                  // answers
        e.act(Action.speak("a", "Ok").withArgs(Map.of("question", true)));
        e.act(Action.of("b", "action", "walks away"));                    // not an answer
        e.act(Action.speak("b", "Really \"done?\"  ").addressedTo("a")); // open at the end
        e.complete();
        var s = scrape();
        assertThat(s.sum("parley_coordination_questions_total", Map.of())).isEqualTo(3);
        assertThat(s.sum("parley_coordination_unanswered_questions_total", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_coordination_actions_total", Map.of())).isEqualTo(5);
        assertThat(s.sum("parley_coordination_messages_total", Map.of())).isEqualTo(4);
    }

    @Test
    void declaredQuestionsReplaceTheConversationRule() {
        runStarted(1, "c");
        var e = pair("c", 0).turn(0);
        e.act(Action.speak("a", "Anyone free?"));  // inferred, but the episode declares its questions
        e.coordinated(new Coordination.Question("a", "b", "q1"));
        e.coordinated(new Coordination.Question("b", "a", "q2"));
        e.coordinated(new Coordination.Answer("b", "q1"));
        e.complete();
        var s = scrape();
        assertThat(s.sum("parley_coordination_questions_total", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_coordination_unanswered_questions_total", Map.of())).isEqualTo(1);
    }

    @Test
    void anEpisodeEndedWithoutAStartIsCountedAsStartedAndFailed() {
        runStarted(1, "c");
        var spec = new EpisodeSpec("", "c", 0, 0);
        metrics.accept(new EpisodeEvent.Finished(spec.id(), 0, EpisodeScript.result(spec, EpisodeResult.Status.FAILED,
                "failed: episode actor crashed", 0, 0, Outcome.empty(), List.of()), 5_000_000));
        var s = scrape();
        assertThat(s.sum("parley_episodes_started_total", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_episodes_failed_total", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_episodes_running", Map.of())).isZero();
        assertThat(s.sum("parley_coordination_episodes_total", Map.of())).isZero();
    }

    @Test
    void eventsOfAnEpisodeThatIsNotRunningAreIgnored() {
        runStarted(1, "c");
        metrics.accept(new EpisodeEvent.TurnStarted("c/0007", 0, 4));
        metrics.accept(new EpisodeEvent.Acted("c/0007", 0, "client", Action.speak("a", "Hi"), 1));
        var s = scrape();
        assertThat(s.sum("parley_mailbox_backlog_messages", Map.of())).isZero();
        assertThat(s.samples("parley_actions_total")).isEmpty();
    }

    @Test
    void aSinkReusedForAnotherScenarioLabelsItsSeriesWithTheNewOne() {
        SyntheticRun.drive(metrics, SyntheticRun.plan(1, 1));
        var other = new RunPlan("second", "other-scenario", "other-env", SyntheticRun.plan(1, 2).episodes(), 1,
                RunPlan.Timestamps.LOGICAL);
        SyntheticRun.drive(metrics, other);
        SyntheticRun.drive(metrics, SyntheticRun.plan(1, 3));
        var s = scrape();
        assertThat(s.sum("parley_episodes_started_total", Map.of("scenario", "other-scenario", "environment", "other-env")))
                .isEqualTo(2);
        assertThat(s.sum("parley_episodes_started_total", Map.of("scenario", SyntheticRun.SCENARIO))).isEqualTo(4);
        assertThat(s.sum("parley_run_episodes_planned", Map.of("scenario", "other-scenario"))).isEqualTo(2);
        assertThat(s.sum("parley_run_episodes_planned", Map.of("scenario", SyntheticRun.SCENARIO))).isEqualTo(4);
        assertThat(s.sum("parley_episodes_running", Map.of())).isZero();
    }

    @Test
    void aPlanWithoutScenarioOrEnvironmentIsLabelledUnknown() {
        metrics.runStarted(new RunPlan("r", null, "", List.of(new EpisodeSpec("", "c", 0, 0)), 1, null));
        assertThat(scrape().sum("parley_episodes_started_total", Map.of("scenario", "unknown", "environment", "unknown")))
                .isZero();
        assertThat(scrape().samples("parley_episodes_started_total")).hasSize(1);
    }

    @Test
    void modelLabelsDropTheMindPrefix() {
        assertThat(ConditionMeters.model("llm:gpt-4o-mini")).isEqualTo("gpt-4o-mini");
        assertThat(ConditionMeters.model("rule-based:negotiator")).isEqualTo("rule-based");
        assertThat(ConditionMeters.model("scripted")).isEqualTo("scripted");
        assertThat(ConditionMeters.model(null)).isEqualTo("unknown");
    }

    @Test
    void mindsThatDescribeThemselvesDifferentlyEveryActionAreStillCountedByModel() {
        runStarted(1, "c");
        var e = pair("c", 0).turn(0);
        int n = 100;
        for (int i = 0; i < n; i++) {
            e.act(Action.speak("a", "Offer " + i).producedBy("rule-based:haggler-" + i));
        }
        e.complete();
        var s = scrape();
        assertThat(s.sum("parley_actions_total", Map.of("model", "rule-based", "kind", "speak"))).isEqualTo(n);
        assertThat(s.samples("parley_actions_total")).hasSize(1);
        assertThat(s.sum("parley_messages_routed_total", Map.of("kind", "speak"))).isEqualTo(n);
        assertThat(s.sum("parley_action_latency_seconds_count", Map.of("model", "rule-based"))).isEqualTo(n);
        assertThat(s.sum("parley_coordination_messages_total", Map.of())).isEqualTo(n);
    }

    @Test
    void mustBeBoundBeforeTheRunAndOnlyOnce() {
        var unbound = new RunMetrics();
        assertThatThrownBy(() -> unbound.runStarted(SyntheticRun.plan(1, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bindTo");
        assertThatThrownBy(() -> metrics.bindTo(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already bound");
    }
}
