package org.parley.environments.maze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.OrderedData;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;

/**
 * Rule-based maze partner (policy {@code navigator}). It shares the cells it sees in its own
 * coordinate convention, builds a joint map from what it sees and what it understands of its
 * partner's reports, plans over that map, and proposes and answers moves.
 *
 * <p>The failure the Collaboration Gap paper reports comes from grounding: unless the pair settles
 * one convention (or names its frame and is understood), each reads the other's "(2, 3)" in its
 * own frame, so the joint map is wrong, proposals look absurd to the partner, moves are disputed
 * and bump into walls. Skill parameters ({@link NavigatorSkills}) set how likely each step of
 * grounding, planning and trusting is; a {@link SkillSchedule} can swap them at a set turn (relay).
 */
public final class NavigatorMind implements Mind {
    public static final String POLICY = "navigator";

    /** Share of moves planned wrongly by an agent with spatial skill 0. */
    private static final double PLAN_ERROR = 0.3;
    /** Share of reported cells with an off-by-one slip at spatial skill 0. */
    private static final double REPORT_SLIP = 0.25;
    /** Chance that an objection comes with a counter-proposal rather than a bare "no". */
    private static final double COUNTER_PROPOSAL = 0.5;
    /** Extra planning cost of a move the partner objected to from the same cell. */
    private static final int VETO_COST = 6;

    private final String id;
    private final SplittableRandom random;
    private final SkillSchedule schedule;
    private final Convention own;

    private NavigatorSkills skills;
    private boolean briefed;
    private boolean solo;
    private boolean transcript;
    private String partner;
    private int rows;
    private Cell goal;
    private Cell position;
    private JointMap map;
    private final List<Cell> unreported = new ArrayList<>();
    private final List<Boolean> unreportedWall = new ArrayList<>();
    private final List<Cell> seen = new ArrayList<>();
    private final List<Boolean> seenWall = new ArrayList<>();

    private Convention agreed;
    private Convention offered;
    private Convention partnerOffer;
    private boolean reportedBeforeAgreement;
    private boolean suspectMisreading = true;   // nothing is settled before the first turn
    private long lastOfferTurn = Long.MIN_VALUE / 2;

    private Direction partnerProposal;
    private Direction myProposal;
    private final List<Direction> agreedMoves = new ArrayList<>();
    /** Moves the partner talked this agent out of, as "row,col,direction". */
    private final Set<String> vetoed = new TreeSet<>();
    private boolean pathStated;
    private boolean partnerStatedPath;

    public NavigatorMind(String id, long seed, SkillSchedule schedule, Convention own) {
        this.id = id;
        this.random = new SplittableRandom(seed);
        this.schedule = schedule;
        this.own = own;
        this.skills = schedule.at(0);
    }

    public Convention ownConvention() {
        return own;
    }

    /** The settled convention, or null while none is. */
    public Convention agreedConvention() {
        return agreed;
    }

    @Override
    public String describe() {
        return "rule-based:" + POLICY;
    }

    // ---------------------------------------------------------------- perceiving

    @Override
    public void perceive(Observation o) {
        if (o.kind().equals(MazeActions.BRIEFING)) {
            brief(o.data());
            return;
        }
        if (!briefed) {
            return;
        }
        switch (o.kind()) {
            case MazeActions.PROPOSE -> {
                var d = Direction.parse(String.valueOf(o.data().get("direction"))).orElseThrow();
                if (o.source().equals(id)) {
                    myProposal = d;
                } else {
                    partnerProposal = d;
                    myProposal = null;
                    objected(o.data());
                }
            }
            case MazeActions.ACCEPT -> {
                partnerProposal = null;
                myProposal = null;
            }
            case MazeActions.REJECT -> {
                partnerProposal = null;
                myProposal = null;
                if (!o.source().equals(id)) {
                    objected(o.data());
                }
            }
            case MazeActions.MOVED, MazeActions.GOAL -> position = Cell.fromList(o.data().get("position"));
            case MazeActions.BLOCKED -> bumped(o.data());
            case ActionKinds.SPEAK -> {
                if (!o.source().equals(id)) {   // one's own words, if echoed, are not news
                    heard(o);
                }
            }
            default -> { }
        }
    }

    private void brief(Map<String, Object> data) {
        if (!"pair".equals(data.get("team")) && !"solo".equals(data.get("team"))) {
            return;   // absent this episode
        }
        briefed = true;
        solo = "solo".equals(data.get("team"));
        transcript = "transcript".equals(data.get("moves"));
        partner = (String) data.get("partner");
        rows = ((Number) data.get("rows")).intValue();
        int cols = ((Number) data.get("cols")).intValue();
        goal = Cell.fromList(data.get("goal"));
        position = Cell.fromList(data.get("position"));
        map = new JointMap(rows, cols);
        var start = Cell.fromList(data.get("start"));
        map.see(start, false);
        map.see(goal, false);
        for (var w : (List<?>) data.get("walls")) {
            var c = Cell.fromList(w);
            map.see(c, true);
            seen.add(c);
            seenWall.add(true);
        }
        for (var w : (List<?>) data.get("open")) {
            var c = Cell.fromList(w);
            map.see(c, false);
            if (!c.equals(start) && !c.equals(goal)) {
                seen.add(c);
                seenWall.add(false);
            }
        }
        queueReports();
    }

    /** Orders what to tell: cells between start and goal first, walls before open cells. */
    private void queueReports() {
        unreported.clear();
        unreportedWall.clear();
        var order = new ArrayList<Integer>();
        for (int i = 0; i < seen.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> seen.get(i).distance(position) + seen.get(i).distance(goal))
                .thenComparing(i -> !seenWall.get(i)));
        for (int i : order) {
            unreported.add(seen.get(i));
            unreportedWall.add(seenWall.get(i));
        }
    }

    private void bumped(Map<String, Object> data) {
        if (data.get("wall") != null) {
            var wall = Cell.fromList(data.get("wall"));
            boolean believedOpen = map.get(wall) == JointMap.Knowledge.OPEN_REPORTED;
            map.see(wall, true);
            if (believedOpen && agreed == null && roll(skills.grounding())) {
                suspectMisreading = true;
            }
        }
        myProposal = null;
        partnerProposal = null;
    }

    private void heard(Observation o) {
        var args = o.data();
        var intent = String.valueOf(args.get("intent"));
        switch (intent) {
            case "convention" -> Convention.parse((String) args.get("convention")).ifPresent(c -> {
                if (!c.equals(agreed)) {
                    partnerOffer = c;
                }
            });
            case "convention-agree" -> Convention.parse((String) args.get("convention")).ifPresent(c -> {
                if (c.equals(offered)) {
                    settle(c);
                }
            });
            case "report" -> readReport(args);
            case "propose" -> {
                partnerProposal = Direction.parse(String.valueOf(args.get("direction"))).orElse(null);
                myProposal = null;
                objected(args);
            }
            case "accept" -> {
                if (myProposal != null) {
                    believeMove(myProposal);
                }
                myProposal = null;
            }
            case "reject" -> {
                myProposal = null;
                objected(args);
            }
            case "final-path" -> partnerStatedPath = true;
            default -> { }
        }
    }

    private void readReport(Map<String, Object> args) {
        var frame = own;
        if (agreed != null) {
            frame = agreed;
        }
        // A stated frame helps only if the listener notices it; weak listeners read everything
        // in their own frame.
        if (Boolean.TRUE.equals(args.get("stated")) && roll(0.5 + 0.5 * skills.grounding())) {
            frame = Convention.parse((String) args.get("frame")).orElse(frame);
        }
        int conflicts = 0;
        for (var key : List.of("walls", "open")) {
            if (args.get(key) instanceof List<?> cells) {
                for (var pair : cells) {
                    var nums = (List<?>) pair;
                    var cell = frame.decode(((Number) nums.get(0)).intValue(), ((Number) nums.get(1)).intValue(), rows);
                    if (map.hear(cell, key.equals("walls"))) {
                        conflicts++;
                    }
                }
            }
        }
        if (conflicts > 0 && agreed == null && roll(skills.grounding())) {
            suspectMisreading = true;
        }
    }

    /**
     * The partner turned a proposal down and said why. Directions need no convention, so "there is
     * a wall to the east" is understood correctly even by a pair that never grounded coordinates.
     */
    private void objected(Map<String, Object> args) {
        var rejected = Direction.parse(String.valueOf(args.get("rejected"))).orElse(null);
        if (rejected == null) {
            return;
        }
        var target = position.step(rejected);
        switch (String.valueOf(args.get("reason"))) {
            case "wall-seen" -> map.hear(target, true);
            case "wall-reported" -> {
                // They think I told them about a wall there; if I see it open, we read coordinates differently.
                if (map.get(target) == JointMap.Knowledge.OPEN_SEEN && agreed == null && roll(skills.grounding())) {
                    suspectMisreading = true;
                }
                if (!roll(skills.trust())) {
                    vetoed.add(veto(position, rejected));
                }
            }
            case "detour" -> {
                if (roll(0.5 + 0.5 * skills.trust())) {
                    vetoed.add(veto(position, rejected));
                }
            }
            default -> { }
        }
    }

    private static String veto(Cell at, Direction d) {
        return at.row() + "," + at.col() + "," + d.word();
    }

    private void settle(Convention c) {
        agreed = c;
        offered = null;
        partnerOffer = null;
        suspectMisreading = false;
        // A skilled partner knows that what was said before the agreement may have been misread.
        if (roll(skills.grounding())) {
            map.forgetReports();
            if (reportedBeforeAgreement && !c.equals(own)) {
                queueReports();
            }
        }
    }

    // ---------------------------------------------------------------- deciding

    @Override
    public CompletionStage<Action> decide(Turn turn) {
        skills = schedule.at(turn.number());
        return CompletableFuture.completedFuture(choose(turn).producedBy(describe()));
    }

    private Action choose(Turn turn) {
        if (!briefed || turn.actions().kinds().equals(List.of(ActionKinds.NONE))) {
            return Action.none(id);
        }
        if (transcript && pathStated) {
            return Action.none(id);
        }
        if (transcript && (partnerStatedPath || (solo && position.equals(goal)))) {
            return statePath();
        }
        if (solo) {
            return soloMove();
        }
        if (partnerProposal != null) {
            return answer(partnerProposal);
        }
        if (partnerOffer != null) {
            var offer = partnerOffer;
            partnerOffer = null;
            if (roll(0.5 + 0.5 * skills.grounding())) {
                settle(offer);
                return say("Agreed: " + offer.describe() + ".", OrderedData.of("intent", "convention-agree", "convention", offer.label()));
            }
        }
        if (agreed == null && suspectMisreading && turn.number() - lastOfferTurn >= 2) {
            suspectMisreading = false;
            if (roll(skills.grounding())) {
                lastOfferTurn = turn.number();
                offered = own;
                // Keep suspecting until the partner agrees, so the offer can be repeated.
                suspectMisreading = true;
                return say("Before we compare cells, let's agree on coordinates: I will use " + own.describe()
                        + ". Please use the same.", OrderedData.of("intent", "convention", "convention", own.label()));
            }
        }
        if (!unreported.isEmpty()) {
            return report();
        }
        if (transcript && position.equals(goal)) {
            return statePath();
        }
        if (myProposal == null) {
            return propose(plan());
        }
        return say("I am waiting for your answer on moving " + myProposal.word() + ".", Map.of());
    }

    private Action soloMove() {
        var d = plan();
        if (transcript) {
            believeMove(d);
        }
        return new Action(id, transcript ? ActionKinds.SPEAK : MazeActions.MOVE, "Move " + d.word() + ".", null,
                Map.of("direction", d.word()), 0, null);
    }

    private Action report() {
        var frame = agreed != null ? agreed : own;
        boolean listOpen = skills.verbosity() >= 0.4;
        int perMessage = 2 + (int) Math.round(6 * skills.verbosity());
        boolean stated = agreed == null && roll(skills.grounding());
        var walls = new ArrayList<List<Integer>>();
        var open = new ArrayList<List<Integer>>();
        while (!unreported.isEmpty() && walls.size() + open.size() < perMessage) {
            var cell = unreported.removeFirst();
            boolean wall = unreportedWall.removeFirst();
            if (!wall && !listOpen) {
                continue;
            }
            var slipped = random.nextDouble() < REPORT_SLIP * (1 - skills.spatial()) ? slip(cell) : cell;
            var nums = frame.encode(slipped, rows);
            (wall ? walls : open).add(List.of(nums[0], nums[1]));
        }
        if (agreed == null) {
            reportedBeforeAgreement = true;
        }
        var text = new StringBuilder(stated ? "Using " + frame.describe() + ": " : "");
        text.append(walls.isEmpty() ? "I see no walls there" : "walls at " + pairs(walls));
        if (!open.isEmpty()) {
            text.append("; open at ").append(pairs(open));
        }
        text.append('.');
        var args = new LinkedHashMap<String, Object>();
        args.put("intent", "report");
        args.put("walls", walls);
        args.put("open", open);
        args.put("frame", frame.label());
        args.put("stated", stated);
        return say(Character.toUpperCase(text.charAt(0)) + text.substring(1), args);
    }

    private Cell slip(Cell cell) {
        var d = Direction.ALL.get(random.nextInt(4));
        return cell.step(d);
    }

    private static String pairs(List<List<Integer>> cells) {
        var out = new StringBuilder();
        for (var c : cells) {
            out.append(out.isEmpty() ? "" : ", ").append('(').append(c.get(0)).append(", ").append(c.get(1)).append(')');
        }
        return out.toString();
    }

    private Action propose(Direction d) {
        myProposal = d;
        var text = "I propose we move " + d.word() + ".";
        if (transcript) {
            return say(text, OrderedData.of("intent", "propose", "direction", d.word()));
        }
        return new Action(id, MazeActions.PROPOSE, text, null, Map.of("direction", d.word()), 0, null);
    }

    private Action answer(Direction d) {
        partnerProposal = null;
        var target = position.step(d);
        String objection = null;
        String reason = null;
        if (!map.inBounds(target)) {
            objection = "No, going " + d.word() + " would leave the map.";
            reason = "edge";
        } else if (map.get(target) == JointMap.Knowledge.WALL_SEEN) {
            objection = "No, I can see a wall to the " + d.word() + ".";
            reason = "wall-seen";
        } else if (map.get(target) == JointMap.Knowledge.WALL_REPORTED && !roll(0.5 * skills.trust())) {
            objection = "No, as I understood your report there is a wall to the " + d.word() + ".";
            reason = "wall-reported";
        } else {
            var costs = map.costsTo(goal);
            boolean detour = map.cost(target) + map.costAt(costs, target) > map.costAt(costs, position);
            if (detour && !roll(skills.trust())) {
                objection = "No, " + d.word() + " takes us away from the goal on my map.";
                reason = "detour";
            }
        }
        if (objection != null) {
            var args = new LinkedHashMap<String, Object>();
            args.put("reason", reason);
            args.put("rejected", d.word());
            var counter = bestStep(map.costsTo(goal));
            if (counter != null && counter != d && roll(COUNTER_PROPOSAL)) {
                myProposal = counter;
                args.put("direction", counter.word());
                var text = objection + " Let's go " + counter.word() + " instead.";
                if (transcript) {
                    args.put("intent", "propose");
                    return say(text, args);
                }
                return new Action(id, MazeActions.PROPOSE, text, null, args, 0, null);
            }
            if (transcript) {
                args.put("intent", "reject");
                return say(objection, args);
            }
            return new Action(id, MazeActions.REJECT, objection, null, args, 0, null);
        }
        var text = "Agreed, let's move " + d.word() + ".";
        if (transcript) {
            believeMove(d);
            return say(text, OrderedData.of("intent", "accept", "direction", d.word()));
        }
        return new Action(id, MazeActions.ACCEPT, text, null, Map.of(), 0, null);
    }

    /** Without feedback from the map (transcript mode) both partners track the token themselves. */
    private void believeMove(Direction d) {
        agreedMoves.add(d);
        var target = position.step(d);
        if (map.inBounds(target) && map.get(target) != JointMap.Knowledge.WALL_SEEN) {
            position = target;
        }
    }

    private Action statePath() {
        pathStated = true;
        var words = agreedMoves.stream().map(Direction::word).toList();
        return say("Final path: " + String.join(", ", words) + ".", Map.of("intent", "final-path"));
    }

    /** The next move by the joint map, with the agent's planning errors. */
    private Direction plan() {
        var costs = map.costsTo(goal);
        var best = bestStep(costs);
        if (best == null) {
            // Boxed in on our own map: what we understood from the partner must be wrong.
            map.forgetReports();
            if (agreed == null && roll(skills.grounding())) {
                suspectMisreading = true;
            }
            best = bestStep(map.costsTo(goal));
        }
        if (best == null || random.nextDouble() < PLAN_ERROR * (1 - skills.spatial())) {
            var options = new ArrayList<Direction>();
            for (var d : Direction.ALL) {
                if (map.inBounds(position.step(d)) && d != best) {
                    options.add(d);
                }
            }
            return options.get(random.nextInt(options.size()));
        }
        return best;
    }

    private Direction bestStep(int[] costs) {
        Direction best = null;
        int bestCost = JointMap.FAR;
        for (var d : Direction.ALL) {
            var next = position.step(d);
            if (!map.inBounds(next) || map.believedWall(next)) {
                continue;
            }
            int c = map.cost(next) + map.costAt(costs, next) + (vetoed.contains(veto(position, d)) ? VETO_COST : 0);
            if (c < bestCost) {
                bestCost = c;
                best = d;
            }
        }
        return best;
    }

    private Action say(String text, Map<String, Object> args) {
        return new Action(id, ActionKinds.SPEAK, text, null, args, 0, null);
    }

    private boolean roll(double p) {
        return random.nextDouble() < p;
    }
}
