package org.parley.environments.socialveil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.agents.persona.Persona;
import org.parley.environments.barrier.Adaptation;
import org.parley.environments.barrier.CommunicationBarrier;
import org.parley.environments.barrier.BarrierGrader;
import org.parley.environments.barrier.BarrierType;
import org.parley.environments.barrier.Belief;
import org.parley.environments.barrier.InfoUnit;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.OrderedData;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Coordination;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.seed.Seeds;

/**
 * A Sotopia-style two-person episode in which agent A may carry a communication barrier.
 *
 * <p>A opens; A and B alternate; at most {@code max-rounds} rounds. The episode ends when either
 * leaves, says goodbye after round {@code goodbye-after-round}, or at the cap. The environment owns
 * the barrier's severity: after each of B's turns it scores B's repair attempt (1–5) and, when
 * dynamic severity is on, eases the severity and tells A. Rule-based minds report what they have
 * understood of the partner's information units in {@code args.understanding}; the grader reads
 * the last report of each agent (see {@link BarrierGrader}).
 */
public final class SocialVeilEnvironment implements Environment {
    public static final String ROLE_A = "agent-a";
    public static final String ROLE_B = "agent-b";

    private static final List<String> GOODBYES = List.of("goodbye", "bye", "see you", "take care", "farewell");

    private final SocialVeilParams params;
    private final CommunicationBarrier barrier;
    private final Adaptation adaptation;

    private Situation situation;
    private EpisodeContext context;
    private String idA;
    private String idB;
    private int turns;
    private int turnsA;
    private int turnsB;
    private boolean finished;
    private String endReason;
    private int repairAttempts;
    private int clarificationRequests;
    private int misunderstandings;
    private final Map<String, Belief> bBeliefs = new LinkedHashMap<>();
    private final Map<String, Belief> aBeliefs = new LinkedHashMap<>();
    private final Set<String> reportedMisreads = new LinkedHashSet<>();
    private boolean structuredReports;
    private Outcome outcome;

    public SocialVeilEnvironment(SocialVeilParams params) {
        this.params = params;
        this.barrier = new CommunicationBarrier(params.barrier());
        this.adaptation = Adaptation.parse(params.adaptation());
    }

    public Situation situation() {
        return situation;
    }

    public CommunicationBarrier barrier() {
        return barrier;
    }

    /** The situation an episode plays: the configured index, or one drawn from the seed. */
    public static int situationIndex(SocialVeilParams params, long episodeSeed) {
        if (params.situation() >= 0) {
            return params.situation();
        }
        return (int) Math.floorMod(Seeds.derive(episodeSeed, "situation"), (long) SituationCatalog.size());
    }

    @Override
    public Step start(EpisodeContext context) {
        this.context = context;
        this.situation = SituationCatalog.get(situationIndex(params, context.seed()));
        for (var p : context.agents()) {
            if (p.role().equals(ROLE_A)) {
                idA = p.id();
            } else if (p.role().equals(ROLE_B)) {
                idB = p.id();
            }
        }
        if (idA == null || idB == null) {
            throw new IllegalArgumentException("socialveil needs one agent in role " + ROLE_A + " and one in role "
                    + ROLE_B + "; check the scenario's agents list");
        }
        var step = Step.builder();
        step.observe(briefing(idA, idB, true));
        step.observe(briefing(idB, idA, false));
        var data = new LinkedHashMap<String, Object>();
        data.put("situation", situation.id());
        data.put("category", situation.category());
        data.put("barrier", barrier.type().key());
        data.put("severity", barrier.severity());
        data.put("adaptation", adaptation.key());
        step.event(new Fact("socialveil-start", null, data));
        // The barrier label of this episode's understanding, confusion and repair figures.
        step.event(new Coordination.BarrierDeclared(idA, barrier.type().key()));
        return step.build();
    }

    private Observation briefing(String self, String other, boolean isA) {
        var own = isA ? situation.unitsA() : situation.unitsB();
        var partner = isA ? situation.unitsB() : situation.unitsA();
        var data = new LinkedHashMap<String, Object>();
        data.put("role", isA ? ROLE_A : ROLE_B);
        data.put("partner", other);
        data.put("situation", situation.id());
        data.put("max-rounds", params.maxRounds());
        data.put("goodbye-after-round", params.goodbyeAfterRound());
        data.put("own-units", own.stream().map(SocialVeilEnvironment::unitData).toList());
        data.put("partner-topics", partner.stream().map(u -> OrderedData.of("unit", u.id(), "topic", u.topic())).toList());
        if (isA && barrier.type() != BarrierType.NONE) {
            data.put("barrier", barrierData());
        }
        if (!isA) {
            data.put("adaptation", adaptation.key());
        }
        var text = new StringBuilder();
        text.append("Scenario: ").append(situation.scenario()).append('\n');
        text.append("You are ").append(name(self)).append("; you are talking with ").append(name(other))
                .append(" (").append(situation.relationship()).append(").\n");
        Persona partnerPersona = persona(other);
        if (partnerPersona.publicInfo() != null) {
            text.append("What you know about them: ").append(partnerPersona.publicInfo()).append('\n');
        }
        text.append("Your private goal: ").append(isA ? situation.goalA() : situation.goalB()).append('\n');
        text.append("Information you need to get across: ");
        text.append(String.join("; ", own.stream().map(u -> u.topic() + " — " + u.value()).toList())).append('\n');
        text.append("Things you need to find out: ");
        text.append(String.join("; ", partner.stream().map(InfoUnit::topic).toList())).append('\n');
        text.append("Their goal is unknown to you. Say goodbye or leave when the conversation is done.");
        String overlay = isA ? barrier.promptOverlay() : adaptation.promptOverlay();
        if (!overlay.isEmpty()) {
            text.append('\n').append(overlay);
        }
        return new Observation(self, 0, Observation.ENVIRONMENT, "briefing", text.toString(), data);
    }

    private Map<String, Object> barrierData() {
        var spec = barrier.spec();
        var m = new LinkedHashMap<String, Object>();
        m.put("type", spec.type());
        m.put("severity", barrier.severity());
        m.put("dynamic-severity", spec.dynamicSeverity());
        m.put("ambiguity-devices", spec.ambiguityDevices());
        m.put("min-devices-per-turn", spec.minDevicesPerTurn());
        m.put("context-style", spec.contextStyle());
        m.put("hedge-rate", spec.hedgeRate());
        m.put("imperative-rate", spec.imperativeRate());
        m.put("affect-lexicon", spec.affectLexicon());
        m.put("exclamation-bias", spec.exclamationBias());
        m.put("escalation-rate", spec.escalationRate());
        return m;
    }

    private static Map<String, Object> unitData(InfoUnit u) {
        var m = new LinkedHashMap<String, Object>();
        m.put("unit", u.id());
        m.put("topic", u.topic());
        m.put("value", u.value());
        m.put("distractors", u.distractors());
        return m;
    }

    /** The barrier's overlay for the barriered agent's prompt; empty for every other agent. */
    public String promptOverlayFor(String agent) {
        return agent.equals(idA) ? barrier.promptOverlay() : "";
    }

    @Override
    public ActionSpace actionSpace(String agent) {
        return ActionSpace.of(ActionKinds.SPEAK, ActionKinds.NON_VERBAL, ActionKinds.ACTION, ActionKinds.NONE, ActionKinds.LEAVE);
    }

    @Override
    public Step act(Action action) {
        if (finished) {
            return Step.of().ending(endReason);
        }
        boolean fromA = action.agent().equals(idA);
        if (!fromA && !action.agent().equals(idB)) {
            throw new IllegalArgumentException("socialveil: unknown agent " + action.agent());
        }
        turns++;
        if (fromA) {
            turnsA++;
        } else {
            turnsB++;
        }
        // A round is one turn of each; counted per agent so it holds under any turn protocol.
        int round = Math.max(turnsA, turnsB);
        var step = Step.builder();
        String other = fromA ? idB : idA;
        var tags = tags();

        readUnderstanding(action, fromA ? aBeliefs : bBeliefs, fromA ? situation.unitsB() : situation.unitsA(), step);

        if (action.args().get("clarify") instanceof List<?> asked && !asked.isEmpty()) {
            clarificationRequests++;
            context.metrics().count("barrier_clarification_requests", 1, tags);
            step.event(new Fact("clarification-request", action.agent(), OrderedData.of("units", asked, "round", round)));
        }
        var delivered = new LinkedHashMap<String, Object>(action.args());
        if (!fromA) {
            double score = repairScore(action);
            if (score > 1) {
                repairAttempts++;
                context.metrics().count("barrier_repair_attempts", 1, tags);
                double before = barrier.severity();
                double after = barrier.applyRepair(score);
                var data = new LinkedHashMap<String, Object>();
                data.put("score", score);
                data.put("moves", repairMoves(action));
                data.put("severity-before", round3(before));
                data.put("severity-after", round3(after));
                step.event(new Coordination.RepairAttempt(action.agent(), data));
            }
        }
        if (fromA) {
            delivered.remove("understanding");
        } else {
            delivered.remove("understanding");
            delivered.put("barrier-severity", round3(barrier.severity()));
        }
        step.observe(new Observation(other, turns, action.agent(), action.kind(), action.text(), delivered));

        String reason = null;
        if (action.is(ActionKinds.LEAVE)) {
            reason = "leave";
        } else if (round > params.goodbyeAfterRound() && saysGoodbye(action.text())) {
            reason = "goodbye";
        } else if (Math.min(turnsA, turnsB) >= params.maxRounds()) {
            reason = "max-rounds";
        }
        if (reason != null) {
            finish(reason, step);
        }
        return step.build();
    }

    @Override
    public Step end(String reason) {
        var step = Step.builder();
        if (!finished) {
            finish(reason, step);
        }
        return step.build();
    }

    private void finish(String reason, Step.Builder step) {
        finished = true;
        endReason = reason;
        var scores = new LinkedHashMap<String, Double>();
        var agentScores = new LinkedHashMap<String, Map<String, Double>>();
        var tags = tags();
        scores.put("repair_attempts", (double) repairAttempts);
        scores.put("clarification_requests", (double) clarificationRequests);
        scores.put("misunderstandings", (double) misunderstandings);
        scores.put("rounds", (double) Math.max(turnsA, turnsB));
        scores.put("final_severity", round3(barrier.severity()));
        if (structuredReports) {
            var grade = BarrierGrader.grade(
                    new BarrierGrader.Direction(situation.unitsA(), bBeliefs),
                    new BarrierGrader.Direction(situation.unitsB(), aBeliefs));
            scores.put("mutual_understanding", round3(grade.mutualUnderstanding()));
            scores.put("unresolved_confusion", round3(grade.unresolvedConfusion()));
            agentScores.put(idA, OrderedData.of("goal", round3(grade.goalA())));
            agentScores.put(idB, OrderedData.of("goal", round3(grade.goalB())));
            context.metrics().observe("mutual_understanding", grade.mutualUnderstanding(), tags);
            context.metrics().observe("unresolved_confusion", grade.unresolvedConfusion(), tags);
            var data = new LinkedHashMap<String, Object>();
            data.put("correct", grade.correct());
            data.put("correct-doubted", grade.correctDoubted());
            data.put("misread", grade.misread());
            data.put("unclear", grade.unclear());
            data.put("missing", grade.missing());
            step.event(new Fact("barrier-grade", null, data));
        }
        context.metrics().observe("barrier_repair_attempts_per_episode", repairAttempts, tags);
        outcome = new Outcome(agentScores, scores);
        step.event(new Fact("episode-end", null, OrderedData.of("reason", reason)));
        step.end(reason);
    }

    @Override
    public Outcome outcome() {
        return outcome == null ? Outcome.empty() : outcome;
    }

    /**
     * Scores B's repair attempt 1–5 from its structured moves: a clarification request that targets
     * units B really has not got right (+2), a paraphrase check (+1.5), calming an upset partner
     * (+1); untargeted questions count half. 1 means no repair at all. A {@code repair-score} arg
     * (1–5, from a judge using the barrier-repair rubric) takes precedence.
     */
    double repairScore(Action action) {
        if (action.args().get("repair-score") instanceof Number judged) {
            // A judge (LLM runs) scored this turn with the barrier-repair rubric; use its score.
            return Math.max(1, Math.min(5, judged.doubleValue()));
        }
        double s = 1;
        if (action.args().get("clarify") instanceof List<?> asked && !asked.isEmpty()) {
            long targeted = asked.stream().filter(id -> !correct(String.valueOf(id))).count();
            s += targeted > 0 ? 2 : 1;
        }
        if (action.args().get("paraphrase") instanceof List<?> p && !p.isEmpty()) {
            s += 1.5;
        }
        if (Boolean.TRUE.equals(action.args().get("calm"))) {
            s += barrier.type() == BarrierType.EMOTIONAL_INTERFERENCE ? 1 : 0.5;
        }
        return Math.min(5, s);
    }

    private boolean correct(String unitId) {
        var belief = bBeliefs.get(unitId);
        return situation.unitsA().stream().anyMatch(u -> u.id().equals(unitId)
                && BarrierGrader.state(u, belief).equals("correct"));
    }

    private static List<String> repairMoves(Action action) {
        var moves = new ArrayList<String>();
        if (action.args().get("clarify") instanceof List<?> l && !l.isEmpty()) {
            moves.add("clarify");
        }
        if (action.args().get("paraphrase") instanceof List<?> l && !l.isEmpty()) {
            moves.add("paraphrase");
        }
        if (Boolean.TRUE.equals(action.args().get("calm"))) {
            moves.add("calm");
        }
        return moves;
    }

    private void readUnderstanding(Action action, Map<String, Belief> into, List<InfoUnit> units, Step.Builder step) {
        if (!(action.args().get("understanding") instanceof Map<?, ?> report)) {
            return;
        }
        structuredReports = true;
        for (InfoUnit u : units) {
            if (report.get(u.id()) instanceof Map<?, ?> b) {
                Object value = b.get("value");
                var belief = new Belief(value == null ? null : String.valueOf(value), Boolean.TRUE.equals(b.get("doubted")));
                into.put(u.id(), belief);
                if (BarrierGrader.state(u, belief).equals("misread") && reportedMisreads.add(action.agent() + "/" + u.id())) {
                    misunderstandings++;
                    context.metrics().count("barrier_misunderstandings", 1, tags());
                    var data = new LinkedHashMap<String, Object>();
                    data.put("unit", u.id());
                    data.put("believed", belief.value());
                    data.put("actual", u.value());
                    step.event(new Fact("misunderstanding", action.agent(), data));
                }
            }
        }
    }

    private Map<String, String> tags() {
        var t = new LinkedHashMap<String, String>();
        t.put("barrier_type", barrier.type().key());
        t.put("adaptation", adaptation.key());
        return t;
    }

    static boolean saysGoodbye(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return GOODBYES.stream().anyMatch(g -> t.matches("(?s).*\\b" + g + "\\b.*"));
    }

    private String name(String id) {
        return persona(id).name();
    }

    private Persona persona(String id) {
        return Persona.of(context.agent(id));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
