package org.parley.environments.codebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.parley.agents.persona.Persona;
import org.parley.environments.codebase.bench.PlainDriver;
import org.parley.environments.codebase.lang.SourceEdits;
import org.parley.environments.codebase.task.CodingTask;
import org.parley.environments.spi.EnvironmentType;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;

class CodebaseEnvironmentTest {
    private final CodebaseParams params = CodebaseParams.defaults().withTeamView(true);

    private CodebaseEnvironment twoCoders(CodebaseParams p) {
        CodingTask task = CodebaseEnvironmentType.task(p, "coop/0003", 1, 2);
        return new CodebaseEnvironment(p, task, List.of("ann", "ben"));
    }

    private static Step start(CodebaseEnvironment env) {
        return env.start(new EpisodeContext("coop/0003", "coop", 1,
                List.of(new EpisodeContext.Participant("ann", "coder", 11, null),
                        new EpisodeContext.Participant("ben", "coder", 12, null)),
                SimulationMetrics.NONE));
    }

    private static Action tool(String agent, String kind, Map<String, Object> args) {
        return new Action(agent, kind, "", null, args, 0, null);
    }

    private static Observation only(Step step, String agent) {
        var mine = step.observations().stream().filter(o -> o.agent().equals(agent)).toList();
        assertThat(mine).hasSize(1);
        return mine.getFirst();
    }

    @Test
    void isDiscoveredByServiceLoader() {
        var names = new ArrayList<String>();
        for (EnvironmentType<?> t : ServiceLoader.load(EnvironmentType.class)) names.add(t.name());
        assertThat(names).contains("codebase");
    }

    @Test
    void briefsEachCoderWithItsOwnFeatureAndOffersTheToolsOfTheCondition() {
        var env = twoCoders(params);
        Step first = start(env);
        assertThat(first.observations()).extracting(Observation::agent).containsExactly("ann", "ben");
        var ann = first.observations().getFirst();
        assertThat(ann.kind()).isEqualTo("briefing");
        assertThat(ann.text()).contains("f1").doesNotContain("- f2");
        assertThat(env.actionSpace("ann").tools()).extracting(t -> t.name())
                .containsExactly("list_files", "read_file", "write_file", "apply_patch", "run_tests", "send_message",
                        "peer_diff", "dry_run_merge", "submit");
        assertThat(env.actionSpace("ann").tools()).allMatch(t -> t.parametersSchema().startsWith("{\"type\":\"object\""));
        var silent = twoCoders(CodebaseParams.defaults().withMessaging(false));
        start(silent);
        assertThat(silent.actionSpace("ann").tools()).extracting(t -> t.name()).doesNotContain("send_message", "peer_diff");
        Step refused = silent.act(new Action("ann", "send_message", "hi", "ben", Map.of("to", "ben", "text", "hi"), 0, null));
        assertThat(only(refused, "ann").text()).contains("messaging is not available");
    }

    @Test
    @SuppressWarnings("unchecked")
    void editsTestsMessagesAndTheTeamViewWork() {
        var env = twoCoders(params);
        start(env);
        var f1 = env.task().features().getFirst();
        var change = f1.change();
        String file = change.file();
        Observation read = only(env.act(tool("ann", "read_file", Map.of("path", file))), "ann");
        String content = (String) read.data().get("content");
        Observation failing = only(env.act(tool("ann", "run_tests", Map.of("feature", f1.id()))), "ann");
        assertThat((List<Object>) failing.data().get("failing")).containsExactly(f1.id());

        String code = SourceEdits.functionText(change.apply(content), change.function());
        env.act(tool("ann", "apply_patch", Map.of("path", file, "function", change.function(), "code", code)));
        Observation passing = only(env.act(tool("ann", "run_tests", Map.of("feature", f1.id()))), "ann");
        assertThat((List<?>) passing.data().get("failing")).isEmpty();

        Step sent = env.act(new Action("ann", "send_message", "I will change function " + change.function() + " in " + file
                + ". Are you touching it?", "ben", Map.of(), 60_000, null));
        assertThat(sent.observations()).anyMatch(o -> o.agent().equals("ben") && o.text().startsWith("[Message from ann]: "));
        assertThat(sent.events()).extracting(Event::type).contains("question-asked", "commitment-made", "message");
        Step answered = env.act(new Action("ben", "send_message", "No, go ahead.", "ann", Map.of(), 0, null));
        assertThat(answered.events()).extracting(Event::type).contains("question-answered");

        Observation diff = only(env.act(tool("ben", "peer_diff", Map.of("peer", "ann"))), "ben");
        assertThat((List<Object>) diff.data().get("changed")).containsExactly(change.target());
        Observation dry = only(env.act(tool("ben", "dry_run_merge", Map.of())), "ben");
        assertThat((List<?>) dry.data().get("conflicts")).isEmpty();

        env.act(tool("ann", "submit", Map.of()));
        assertThat(env.actionSpace("ann").tools()).isEmpty();
        Step last = env.act(tool("ben", "submit", Map.of()));
        assertThat(last.endReason()).isEqualTo("all-submitted");
        assertThat(last.events()).extracting(Event::type).contains("commitment-kept", "merge");
        var scores = env.outcome().episodeScores();
        assertThat(scores).containsEntry("feature_f1", 1.0).containsEntry("feature_f2", 0.0).containsEntry("success", 0.0)
                .containsEntry("merge_missing", 1.0).containsEntry("commitments_kept", 1.0)
                .containsEntry("unanswered_question_rate", 0.0);
        assertThat(scores.get("message_share")).isEqualTo(2.0 / 10);
    }

    @Test
    void anExhaustedBudgetSubmitsTheBranchAsItStands() {
        var env = twoCoders(CodebaseParams.defaults().withStepBudget(3));
        start(env);
        env.act(tool("ann", "list_files", Map.of()));
        env.act(tool("ann", "list_files", Map.of()));
        Step third = env.act(tool("ann", "list_files", Map.of()));
        assertThat(third.events()).extracting(Event::type).contains("budget-exhausted");
        assertThat(env.actionSpace("ann").tools()).isEmpty();
        Step ended = env.end("max-turns");
        assertThat(ended.events()).extracting(Event::type).contains("merge");
        assertThat(env.outcome().episodeScores()).containsEntry("budget_exhausted", 1.0).containsEntry("success", 0.0);
    }

    @Test
    void anExternalTestCommandRunsInACopyOfTheWorkspaceWithATimeout() {
        var counting = twoCoders(CodebaseParams.defaults().withExternalTests(
                new ExternalTests(List.of("sh", "-c", "ls *.fn | wc -l"), 5_000L)));
        start(counting);
        Observation counted = only(counting.act(tool("ann", "run_tests", Map.of())), "ann");
        assertThat(counted.data()).containsEntry("external-exit", 0).containsEntry("external-timed-out", false);
        assertThat(counted.text()).containsPattern("exit 0\\n\\s*3");
        var slow = twoCoders(CodebaseParams.defaults().withExternalTests(new ExternalTests(List.of("sleep", "5"), 200L)));
        start(slow);
        Observation stopped = only(slow.act(tool("ann", "run_tests", Map.of())), "ann");
        assertThat(stopped.data()).containsEntry("external-timed-out", true);
        assertThat(stopped.text()).contains("timed out");
    }

    @Test
    void theSameSeedReplaysTheSameEpisode() {
        var driver = new PlainDriver();
        var coders = List.of(new PlainDriver.Coder("ann", Persona.named("Ann"), Map.of()),
                new PlainDriver.Coder("ben", Persona.named("Ben"), Map.of()));
        for (int i = 0; i < 5; i++) {
            var a = driver.run(params, coders, "coop", i, 9);
            var b = driver.run(params, coders, "coop", i, 9);
            assertThat(a.events()).isEqualTo(b.events());
            assertThat(a.outcome()).isEqualTo(b.outcome());
        }
    }
}
