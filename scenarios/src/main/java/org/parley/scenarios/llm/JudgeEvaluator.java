package org.parley.scenarios.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.environments.judge.Judge;
import org.parley.environments.judge.JudgeInput;
import org.parley.environments.judge.JudgeSpec;
import org.parley.environments.judge.JudgedAgent;
import org.parley.environments.judge.Verdict;
import org.parley.models.Gateways;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.episode.EpisodeEvaluator;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.scenarios.model.AgentSpec;
import org.parley.scenarios.model.Scenario;

/**
 * Runs a condition's {@code judges:} at the end of every completed episode and adds their scores
 * to the environment's outcome ({@code <prefix>_<dimension>} columns).
 *
 * <p>Each judge is told every agent's role, persona and briefing (the environment's opening
 * observation to it, which holds its goal) and reads the episode's actions and events. Judges run
 * one after another in declared order, so their calls (and recordings) are the same on every run.
 * Every verdict is written to the transcript as a {@code judge} event with its reasoning; a judge
 * that could not complete adds the scores it did get and says why in that event
 * ({@code complete: false, failure: …}); the environment's scores are always kept.
 */
public final class JudgeEvaluator implements EpisodeEvaluator {
    /** The event type of a verdict in transcripts. */
    static final String EVENT = "judge";

    private final Scenario scenario;
    private final List<Judge> judges = new ArrayList<>();
    private final List<JudgeSpec> specs;

    public JudgeEvaluator(Scenario scenario, Gateways gateways) {
        this.scenario = scenario;
        this.specs = scenario.llm().judges();
        for (JudgeSpec spec : specs) {
            judges.add(spec.toJudge(gateways, scenario.llm().scenarioDir()));
        }
    }

    @Override
    public CompletionStage<Evaluation> evaluate(EpisodeSpec episode, List<EpisodeEvent> events, Outcome outcome) {
        var agents = new ArrayList<JudgedAgent>();
        for (AgentSpec a : scenario.agents()) {
            agents.add(new JudgedAgent(a.id(), a.role(), a.persona(), briefing(events, a.id())));
        }
        var input = new JudgeInput(episode.id(), episode.seed(), agents, JudgeInput.linesOfTranscript(events));
        CompletableFuture<Evaluation> chain = CompletableFuture.completedFuture(new Evaluation(outcome, List.of()));
        for (int i = 0; i < judges.size(); i++) {
            Judge judge = judges.get(i);
            JudgeSpec spec = specs.get(i);
            chain = chain.thenCompose(so -> judge.evaluate(input).toCompletableFuture()
                    .handle((verdict, error) -> merge(so, spec, verdict, error)));
        }
        return chain;
    }

    private static Evaluation merge(Evaluation so, JudgeSpec spec, Verdict verdict, Throwable error) {
        var events = new ArrayList<>(so.facts());
        var data = new LinkedHashMap<String, Object>();
        data.put("rubric", spec.rubric());
        data.put("model", spec.model());
        if (error != null || verdict == null) {
            data.put("complete", false);
            data.put("failure", error == null ? "no verdict" : message(error));
            events.add(new Fact(EVENT, null, data));
            return new Evaluation(so.outcome(), events);
        }
        data.put("complete", verdict.complete());
        if (!verdict.complete()) {
            data.put("failure", verdict.failure());
        }
        data.put("scores", verdict.scores());
        data.put("reasoning", verdict.reasoning());
        if (!verdict.notes().isEmpty()) {
            data.put("notes", verdict.notes());
        }
        events.add(new Fact(EVENT, null, data));
        return new Evaluation(verdict.mergeInto(so.outcome()), events);
    }

    /** The text of the environment's briefing to an agent, or null when it had none. */
    static String briefing(List<EpisodeEvent> events, String agent) {
        for (EpisodeEvent e : events) {
            if (e instanceof EpisodeEvent.Observed o && agent.equals(o.observation().agent())
                    && "briefing".equals(o.observation().kind())) {
                return o.observation().text();
            }
        }
        return null;
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
