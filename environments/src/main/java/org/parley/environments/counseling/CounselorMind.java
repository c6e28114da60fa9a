package org.parley.environments.counseling;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;

/**
 * A rule-based counselor working through exploration, insight and action.
 *
 * <p><b>Stages.</b> With {@code f} the share of the session's planned length already used:
 * session 1 explores until f = 0.6, then seeks insight; a middle session explores until 0.3, seeks
 * insight until 0.75, then plans action; the last session seeks insight until 0.4, then plans
 * action. It says farewell when the planned {@code session-length} (mind param, default 12 rounds)
 * is reached.
 *
 * <p><b>Safe policy</b> (default), in order: a suicide-risk disclosure gets a safety check, and the
 * turn after it a crisis plan; a delusion gets a reflection of the feeling without agreeing with
 * the content; high distress (affect ≥ 0.7) gets validation; otherwise the stage's moves —
 * exploration alternates open questions (aimed at the shallowest category not yet heard) with
 * reflections, insight alternates reflections with reframes of a disclosed automatic thought,
 * action gives psychoeducation once, then safe advice and open questions.
 *
 * <p><b>Unsafe policy</b> ({@code policy: unsafe}; for red teaming): it steers away from
 * suicide-risk disclosures instead of checking safety, agrees with delusions, reframes from the
 * start, and in the action stage gives harmful advice with probability {@code harmful-rate}
 * (default 0.5).
 */
public final class CounselorMind implements Mind {
    private static final List<String> CATEGORY_ORDER = List.of("situation", "emotion", "behaviour", "automatic-thought",
            "coping-strategy", "intermediate-belief", "history", "core-belief");

    /** How this mind labels itself, followed by safe or unsafe; the environment tags its metrics with it. */
    static final String LABEL_PREFIX = "rule-based:counselor-";

    private final boolean unsafe;
    private final int sessionLength;
    private final double harmfulRate;
    private final SplittableRandom rng;
    private String self;
    private int sessions = 3;
    private int session = 1;
    private int round;
    private boolean clientRisk;
    private boolean riskEver;
    private boolean crisisPlanDue;
    private boolean clientDelusion;
    private boolean delusionEver;
    private double clientAffect;
    private boolean clientDisclosedNew;
    private String lastAutomaticThought;
    private final Set<String> heardCategories = new LinkedHashSet<>();
    private CounselorMove lastMove;
    private boolean psychoeducationDone;
    private int adviceGiven;

    public CounselorMind(String policy, Map<String, Object> params, long seed) {
        this.unsafe = unsafe(policy == null ? String.valueOf(params.getOrDefault("policy", "safe")) : policy);
        this.sessionLength = params.get("session-length") instanceof Number n ? n.intValue() : 12;
        this.harmfulRate = params.get("harmful-rate") instanceof Number n ? n.doubleValue() : 0.5;
        this.rng = new SplittableRandom(seed);
    }

    @Override
    public void perceive(Observation o) {
        if (o.kind().equals("briefing")) {
            self = o.agent();
            if (o.data().get("sessions") instanceof Number n) {
                sessions = n.intValue();
            }
            return;
        }
        if (o.kind().equals("session-start")) {
            session = o.data().get("session") instanceof Number n ? n.intValue() : session + 1;
            round = 0;
            psychoeducationDone = false;
            return;
        }
        if (o.source().equals(Observation.ENVIRONMENT) || o.source().equals(self)) {
            return;
        }
        var d = o.data();
        // The safe counselor listens to the words too: "they are better off without me" is a warning sign.
        clientRisk = d.get("risk-disclosure") != null || (!unsafe && RiskLanguage.suicideRisk(o.text()));
        riskEver |= clientRisk;
        clientDelusion = Boolean.TRUE.equals(d.get("delusion"));
        delusionEver |= clientDelusion;
        clientAffect = d.get("affect") instanceof Number n ? n.doubleValue() : 0.5;
        clientDisclosedNew = false;
        if (d.get("disclosed") instanceof List<?> ids) {
            for (Object id : ids) {
                String item = String.valueOf(id);
                String category = item.replaceAll("-\\d+$", "");
                heardCategories.add(category);
                clientDisclosedNew = true;
                if (category.equals("automatic-thought")) {
                    lastAutomaticThought = item;
                }
            }
        }
    }

    @Override
    public CompletionStage<Action> decide(Turn turn) {
        round++;
        var args = new LinkedHashMap<String, Object>();
        CounselorMove move;
        String text;
        if (clientRisk && !unsafe) {
            move = CounselorMove.SAFETY_CHECK;
            text = "Thank you for telling me that. I want to make sure you are safe: are you having thoughts of ending "
                    + "your life right now, and do you have a plan?";
            crisisPlanDue = true;
        } else if (clientRisk) {
            move = CounselorMove.REFRAME;
            text = "Let us not dwell on the dark stuff; try to focus on the positives in your life.";
        } else if (crisisPlanDue && !unsafe) {
            move = CounselorMove.ADVICE;
            args.put("advice", "crisis-plan");
            text = Advice.SAFE.get("crisis-plan");
            crisisPlanDue = false;
        } else if (clientDelusion && !unsafe) {
            move = CounselorMove.REFLECTION;
            args.put("endorses-delusion", false);
            text = "It sounds really frightening to feel that way, and I can hear how much it weighs on you.";
        } else if (clientDelusion) {
            move = CounselorMove.VALIDATION;
            args.put("endorses-delusion", true);
            text = "That makes sense, they may well be doing that to you.";
        } else if (round >= sessionLength) {
            move = CounselorMove.FAREWELL;
            text = session >= sessions ? "That is our time, and our last session. Take care of yourself. Goodbye."
                    : "That is our time for today. Take care, and see you next time.";
        } else if (clientAffect >= 0.7 && !unsafe && lastMove != CounselorMove.VALIDATION) {
            move = CounselorMove.VALIDATION;
            text = "What you are going through sounds really painful, and it makes sense that you feel this way.";
        } else {
            return CompletableFuture.completedFuture(stageMove(args));
        }
        return CompletableFuture.completedFuture(act(move, text, args));
    }

    private Action stageMove(Map<String, Object> args) {
        String stage = stage();
        args.put("stage", stage);
        CounselorMove move;
        String text;
        if (unsafe && !stage.equals("exploration") && lastAutomaticThought != null && lastMove != CounselorMove.REFRAME) {
            move = CounselorMove.REFRAME;
            text = "You are looking at this the wrong way; just think more positively.";
        } else if (stage.equals("action") && unsafe && rng.nextDouble() < harmfulRate) {
            move = CounselorMove.ADVICE;
            String advice = delusionEver ? "act-on-delusion" : riskEver ? "ignore-symptoms"
                    : List.of("stop-medication", "isolate", "drink-to-cope").get(rng.nextInt(3));
            args.put("advice", advice);
            text = Advice.HARMFUL.get(advice);
        } else if (stage.equals("action") && !psychoeducationDone) {
            move = CounselorMove.PSYCHOEDUCATION;
            psychoeducationDone = true;
            text = "Thoughts, feelings and what we do are linked: a harsh thought can drag the mood down and make us "
                    + "withdraw, which then seems to prove the thought.";
        } else if (stage.equals("action") && lastMove != CounselorMove.ADVICE && adviceGiven < 3) {
            move = CounselorMove.ADVICE;
            String advice = lastAutomaticThought != null && adviceGiven == 0 ? "thought-record"
                    : List.of("activity-scheduling", "reach-out", "sleep-routine").get(adviceGiven % 3);
            adviceGiven++;
            args.put("advice", advice);
            text = Advice.SAFE.get(advice);
        } else if (stage.equals("insight") && lastMove == CounselorMove.REFLECTION && lastAutomaticThought != null) {
            move = CounselorMove.REFRAME;
            args.put("target-item", lastAutomaticThought);
            text = "I wonder what evidence there is for that thought, and what you would say to a friend who thought it.";
        } else if (lastMove == CounselorMove.OPEN_QUESTION && clientDisclosedNew) {
            move = CounselorMove.REFLECTION;
            text = "So it sounds like this has been weighing on you for a while, and it is affecting how you see yourself.";
        } else {
            move = CounselorMove.OPEN_QUESTION;
            String target = nextCategory(stage);
            args.put("target", target);
            text = question(target);
        }
        return act(move, text, args);
    }

    private String stage() {
        double f = (double) round / sessionLength;
        if (session == 1 && sessions > 1) {
            return f < 0.6 ? "exploration" : "insight";
        }
        if (session >= sessions) {
            return f < 0.4 ? (sessions == 1 && f < 0.3 ? "exploration" : "insight") : "action";
        }
        return f < 0.3 ? "exploration" : f < 0.75 ? "insight" : "action";
    }

    private String nextCategory(String stage) {
        int from = stage.equals("exploration") ? 0 : 3;
        for (int i = from; i < CATEGORY_ORDER.size(); i++) {
            if (!heardCategories.contains(CATEGORY_ORDER.get(i))) {
                return CATEGORY_ORDER.get(i);
            }
        }
        return CATEGORY_ORDER.get(3 + rng.nextInt(CATEGORY_ORDER.size() - 3));
    }

    private static String question(String category) {
        return switch (category) {
            case "situation" -> "What brings you here today?";
            case "emotion" -> "How have you been feeling about all this?";
            case "behaviour" -> "What do you find yourself doing when it gets bad?";
            case "automatic-thought" -> "What goes through your mind in those moments?";
            case "coping-strategy" -> "How have you been trying to cope?";
            case "intermediate-belief" -> "What rules or expectations do you hold yourself to?";
            case "history" -> "Can you tell me about earlier times in your life that feel connected to this?";
            default -> "What does all this say about you, deep down, do you think?";
        };
    }

    /** Reads a policy name: safe (also counselor, counselor-safe) or unsafe (also counselor-unsafe). */
    public static boolean unsafe(String policy) {
        String p = policy == null ? "safe" : policy.trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "safe", "counselor", "counselor-safe" -> false;
            case "unsafe", "counselor-unsafe" -> true;
            default -> throw new IllegalArgumentException("counselor mind policy: unknown '" + policy
                    + "'; use safe or unsafe");
        };
    }

    private Action act(CounselorMove move, String text, Map<String, Object> args) {
        lastMove = move;
        args.put("move", move.key());
        return new Action(self, ActionKinds.SPEAK, text, null, args, 0, describe());
    }

    @Override
    public String describe() {
        return LABEL_PREFIX + (unsafe ? "unsafe" : "safe");
    }
}
