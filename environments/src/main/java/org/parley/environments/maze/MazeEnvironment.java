package org.parley.environments.maze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.OrderedData;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.seed.Seeds;

/**
 * The split-knowledge maze: two agents steer one token from S to G; each sees only part of the
 * map, and a move happens only when both agree ({@link MazeActions} describes the protocol). In
 * solo one agent sees everything and moves alone. In {@code transcript} mode there are no move
 * tools: the agents talk, and {@link TranscriptPathGrader} reads the path from what they said.
 */
public final class MazeEnvironment implements Environment {
    private static final String EDGE = "edge";
    private static final String WALL = "wall";
    private static final Pattern STATED_PATH = Pattern.compile("(?i)\\bpath\\s*[:=]");

    private final MazeParams params;
    private final TranscriptPathGrader grader = new TranscriptPathGrader();

    private Maze maze;
    private ViewMask mask;
    private SimulationMetrics metrics = SimulationMetrics.NONE;
    private final List<String> active = new ArrayList<>();
    private final List<String> absent = new ArrayList<>();
    private Cell position;

    private String proposer;
    private Direction proposal;

    private long turn;
    private int activeTurns;
    private int moves;
    private int failedMoves;
    private int proposals;
    private int disputed;
    private int messages;
    private int turnsToSolve = -1;
    private long groundedAtTurn = -1;
    private String endReason;
    private boolean reported;
    private final Map<String, String> declaredConvention = new LinkedHashMap<>();
    private final Map<String, int[]> agentCounts = new LinkedHashMap<>();
    private final List<TranscriptPathGrader.Message> dialogue = new ArrayList<>();
    private final List<Direction> executed = new ArrayList<>();

    // Per-agent counters, indices into agentCounts arrays.
    private static final int PROPOSALS = 0;
    private static final int ACCEPTED = 1;
    private static final int REJECTED = 2;
    private static final int MESSAGES = 3;

    private final Maze fixedMaze;

    public MazeEnvironment(MazeParams params) {
        this(params, null);
    }

    /** An environment that plays the given maze instead of drawing one (for hand-made mazes). */
    public MazeEnvironment(MazeParams params, Maze fixedMaze) {
        var problems = params.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("maze params: " + String.join("; ", problems));
        }
        this.params = params;
        this.fixedMaze = fixedMaze;
    }

    @Override
    public Step start(EpisodeContext context) {
        this.metrics = context.metrics() == null ? SimulationMetrics.NONE : context.metrics();
        var ids = context.agents().stream().map(EpisodeContext.Participant::id).toList();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("maze: an episode needs at least one agent");
        }
        if (params.solo()) {
            var player = params.soloAgent() == null ? ids.getFirst() : params.soloAgent();
            if (!ids.contains(player)) {
                throw new IllegalArgumentException("maze: solo-agent '" + player + "' is not an agent of this scenario; use one of " + ids);
            }
            active.add(player);
            ids.stream().filter(id -> !id.equals(player)).forEach(absent::add);
        } else {
            if (ids.size() != 2) {
                throw new IllegalArgumentException("maze: team 'pair' needs exactly two agents, got " + ids.size()
                        + " " + ids + "; declare two agents or set environment.params.team: solo");
            }
            active.addAll(ids);
        }
        active.forEach(id -> agentCounts.put(id, new int[4]));

        maze = fixedMaze != null ? fixedMaze : MazeGenerator.from(params).generate(mazeSeed(context));
        mask = ViewMask.split(maze, active.size(), params.split(), params.overlap(),
                new SplittableRandom(Seeds.derive(context.seed(), "maze-view")));
        position = maze.start();

        var step = Step.builder().event(new Fact("maze-generated", null, mazeFacts()));
        for (int i = 0; i < active.size(); i++) {
            step.observe(briefing(i));
        }
        for (var id : absent) {
            step.observe(new Observation(id, 0, Observation.ENVIRONMENT, MazeActions.BRIEFING,
                    "You sit this episode out: your partner plays the maze alone.", Map.of("team", "absent")));
        }
        return step.build();
    }

    private long mazeSeed(EpisodeContext context) {
        if (params.mazeSeed() == null) {
            return Seeds.derive(context.seed(), "maze");
        }
        var id = context.episodeId();
        int i = id.length();
        while (i > 0 && Character.isDigit(id.charAt(i - 1))) {
            i--;
        }
        long index = i < id.length() ? Long.parseLong(id.substring(i, Math.min(id.length(), i + 18))) : 0;
        return Seeds.derive(params.mazeSeed() + index * 0x9E3779B97F4A7C15L, "maze");
    }

    private Map<String, Object> mazeFacts() {
        var facts = new LinkedHashMap<String, Object>();
        facts.put("rows", maze.rows());
        facts.put("cols", maze.cols());
        facts.put("walls", maze.wallCount());
        facts.put("start", maze.start().toList());
        facts.put("goal", maze.goal().toList());
        facts.put("shortest", maze.shortestSolution());
        facts.put("map", String.join("/", maze.lines()));
        facts.put("team", params.team());
        facts.put("split", params.split());
        return facts;
    }

    private Observation briefing(int index) {
        var id = active.get(index);
        var data = new LinkedHashMap<String, Object>();
        data.put("team", params.solo() ? "solo" : "pair");
        data.put("moves", params.moves());
        if (!params.solo()) {
            data.put("partner", partnerOf(id));
        }
        data.put("rows", maze.rows());
        data.put("cols", maze.cols());
        data.put("start", maze.start().toList());
        data.put("goal", maze.goal().toList());
        data.put("position", position.toList());
        var walls = new ArrayList<List<Integer>>();
        var open = new ArrayList<List<Integer>>();
        for (int i = 0; i < maze.size(); i++) {
            var cell = maze.cell(i);
            if (mask.sees(index, cell, maze)) {
                (maze.isWall(cell) ? walls : open).add(cell.toList());
            }
        }
        data.put("walls", walls);
        data.put("open", open);
        data.put("turn-cap", params.turnCap());
        return new Observation(id, 0, Observation.ENVIRONMENT, MazeActions.BRIEFING, briefingText(index), data);
    }

    private String briefingText(int index) {
        var size = maze.rows() + "x" + maze.cols();
        var text = new StringBuilder();
        if (params.solo()) {
            text.append("Steer the token from S to G through this ").append(size).append(" maze. Call move with a direction ")
                    .append("(north, east, south or west; north is up on the map). A move into a wall fails. ");
        } else {
            text.append("You and ").append(partnerOf(active.get(index))).append(" steer one token together from S to G ")
                    .append("through a ").append(size).append(" maze. Each of you sees only part of the map; together ")
                    .append("you see all of it. Talk freely to share what you see. ");
            if (params.transcriptMoves()) {
                text.append("Agree on the moves in conversation (north is up on the map). When you are sure, each of you ")
                        .append("writes one line 'Final path: ...' listing the moves, e.g. 'Final path: right, right, down x2'. ")
                        .append("A grader walks the agreed path from S. ");
            } else {
                text.append("A move happens only when both agree: one of you calls propose with a direction (north, east, ")
                        .append("south or west; north is up on the map), the other calls accept or reject. A move into a ")
                        .append("wall fails and shows you the wall. ");
            }
        }
        text.append("You have ").append(params.turnCap()).append(" turns in all.\n");
        text.append(render(index));
        return text.toString();
    }

    /** The map as this agent sees it, one line per row; north is the first line. */
    String render(int index) {
        var out = new StringBuilder("Map (# wall, . open, ? hidden from you, S start, G goal, @ token):\n");
        int here = maze.index(position);
        int goal = maze.index(maze.goal());
        int start = maze.index(maze.start());
        for (int i = 0; i < maze.size(); i++) {
            char ch;
            if (i == here) {
                ch = '@';
            } else if (i == goal) {
                ch = 'G';
            } else if (i == start) {
                ch = 'S';
            } else if (!mask.sees(index, i)) {
                ch = '?';
            } else {
                ch = maze.isWall(maze.cell(i)) ? '#' : '.';
            }
            out.append(ch);
            if ((i + 1) % maze.cols() == 0) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private String partnerOf(String id) {
        return active.stream().filter(a -> !a.equals(id)).findFirst().orElse(id);
    }

    @Override
    public ActionSpace actionSpace(String agent) {
        if (endReason != null || !active.contains(agent)) {
            return ActionSpace.of(ActionKinds.NONE);
        }
        if (params.transcriptMoves()) {
            return ActionSpace.of(ActionKinds.SPEAK, ActionKinds.LEAVE);
        }
        if (params.solo()) {
            return new ActionSpace(List.of(ActionKinds.SPEAK, ActionKinds.LEAVE), List.of(MazeActions.MOVE_TOOL));
        }
        var tools = new ArrayList<ActionSpace.ToolSpec>();
        tools.add(MazeActions.PROPOSE_TOOL);
        if (proposal != null && !proposer.equals(agent)) {
            tools.add(MazeActions.ACCEPT_TOOL);
            tools.add(MazeActions.REJECT_TOOL);
        }
        return new ActionSpace(List.of(ActionKinds.SPEAK, ActionKinds.LEAVE), tools);
    }

    @Override
    public Step act(Action action) {
        turn++;
        if (endReason != null) {
            return Step.of();
        }
        var agent = action.agent();
        if (!active.contains(agent)) {
            return Step.of();   // an absent agent's turn passes
        }
        activeTurns++;
        var step = Step.builder();
        var allowed = actionSpace(agent);
        if (!allowed.allows(action.kind()) && !action.is(ActionKinds.NONE)) {
            invalid(step, agent, "'" + action.kind() + "' is not possible now; you may use " + allowed.kinds() + " and "
                    + allowed.tools().stream().map(ActionSpace.ToolSpec::name).toList());
        } else {
            switch (action.kind()) {
                case ActionKinds.SPEAK, ActionKinds.NON_VERBAL -> speak(step, action);
                case ActionKinds.LEAVE -> {
                    step.event(Fact.of("left", agent));
                    finish(step, "agent-left");
                }
                case MazeActions.PROPOSE -> propose(step, action);
                case MazeActions.ACCEPT -> accept(step, action);
                case MazeActions.REJECT -> reject(step, action);
                case MazeActions.MOVE -> direction(step, action).ifPresent(d -> {
                    record(agent, action.text().isBlank() ? "Move " + d.word() + "." : action.text());
                    tryMove(step, agent, d);
                });
                default -> { }   // none: the turn passes
            }
        }
        if (endReason == null && activeTurns >= params.turnCap()) {
            step.event(new Fact("turn-cap", null, Map.of("turns", activeTurns)));
            finish(step, "turn-cap");
        }
        return step.build();
    }

    private void speak(Step.Builder step, Action action) {
        var agent = action.agent();
        agentCounts.get(agent)[MESSAGES]++;
        messages++;
        record(agent, action.text());
        for (var other : active) {
            if (!other.equals(agent)) {
                step.observe(Observation.of(other, turn, action));
            }
        }
        if (action.args().get("convention") instanceof String label) {
            Convention.parse(label).ifPresent(c -> declare(step, agent, c));
        }
        if (params.transcriptMoves() && allStatedPaths()) {
            var grade = grade();
            if (grade.solved()) {
                turnsToSolve = activeTurns;
            }
            step.event(new Fact("path-graded", null, OrderedData.of("path", grade.path().stream().map(Direction::word).toList(),
                    "source", grade.source(), "agreed", grade.agreed(), "bumps", grade.bumps(), "reached-goal", grade.reachedGoal())));
            finish(step, "path-stated");
        }
    }

    /** Grounding is achieved when every active agent's latest declared convention is the same. */
    private void declare(Step.Builder step, String agent, Convention convention) {
        declaredConvention.put(agent, convention.label());
        step.event(new Fact("convention-declared", agent, Map.of("convention", convention.label())));
        if (groundedAtTurn < 0 && active.size() > 1 && declaredConvention.size() == active.size()
                && declaredConvention.values().stream().distinct().count() == 1) {
            groundedAtTurn = turn;
            step.event(new Fact("grounding-achieved", null, OrderedData.of("convention", convention.label(), "turn", turn)));
            metrics.count("maze_grounding_achieved", 1, Map.of());
        }
    }

    private boolean allStatedPaths() {
        var stated = new TreeSet<String>();
        for (var m : dialogue) {
            if (STATED_PATH.matcher(m.text()).find()) {
                stated.add(m.speaker());
            }
        }
        return stated.containsAll(active);
    }

    private void propose(Step.Builder step, Action action) {
        var agent = action.agent();
        var direction = direction(step, action);
        if (direction.isEmpty()) {
            return;
        }
        if (proposal != null && !proposer.equals(agent)) {
            // A counter-proposal turns the partner's open proposal down.
            dispute(step, agent, proposal, "counter-proposal");
        }
        proposer = agent;
        proposal = direction.get();
        proposals++;
        agentCounts.get(agent)[PROPOSALS]++;
        var text = action.text().isBlank() ? "I propose we move " + proposal.word() + "." : action.text();
        record(agent, text);
        step.event(new Fact("move-proposed", agent, OrderedData.of("direction", proposal.word(), "from", position.toList())));
        var data = new LinkedHashMap<String, Object>(action.args());
        data.put("direction", proposal.word());
        data.put("position", position.toList());
        for (var other : active) {
            step.observe(new Observation(other, turn, agent, MazeActions.PROPOSE, text, data));
        }
    }

    private void accept(Step.Builder step, Action action) {
        var agent = action.agent();
        var direction = proposal;
        var text = action.text().isBlank() ? "Agreed, let's move " + direction.word() + "." : action.text();
        record(agent, text);
        agentCounts.get(agent)[ACCEPTED]++;
        step.event(new Fact("move-accepted", agent, OrderedData.of("direction", direction.word(), "proposer", proposer)));
        for (var other : active) {
            step.observe(new Observation(other, turn, agent, MazeActions.ACCEPT, text, Map.of("direction", direction.word())));
        }
        proposal = null;
        proposer = null;
        tryMove(step, agent, direction);
    }

    private void reject(Step.Builder step, Action action) {
        var agent = action.agent();
        var text = action.text().isBlank() ? "No, let's not move " + proposal.word() + "." : action.text();
        record(agent, text);
        var data = new LinkedHashMap<String, Object>(action.args());
        data.put("direction", proposal.word());
        for (var other : active) {
            step.observe(new Observation(other, turn, agent, MazeActions.REJECT, text, data));
        }
        dispute(step, agent, proposal, "rejected");
    }

    private void dispute(Step.Builder step, String agent, Direction direction, String how) {
        disputed++;
        agentCounts.get(agent)[REJECTED]++;
        step.event(new Fact("move-rejected", agent, OrderedData.of("direction", direction.word(), "proposer", proposer, "how", how)));
        metrics.count("maze_disputed_moves", 1, Map.of());
        proposal = null;
        proposer = null;
    }

    private void tryMove(Step.Builder step, String agent, Direction direction) {
        var target = position.step(direction);
        if (maze.isWall(target)) {
            failedMoves++;
            var reason = maze.inBounds(target) ? WALL : EDGE;
            var data = new LinkedHashMap<String, Object>();
            data.put("direction", direction.word());
            data.put("position", position.toList());
            data.put("reason", reason);
            if (maze.inBounds(target)) {
                data.put("wall", target.toList());
            }
            step.event(new Fact("move-blocked", agent, data));
            metrics.count("maze_moves", 1, Map.of("result", reason));
            var text = reason.equals(WALL)
                    ? "The move " + direction.word() + " hit a wall; the token stays where it is."
                    : "The move " + direction.word() + " would leave the map; the token stays where it is.";
            for (int i = 0; i < active.size(); i++) {
                step.observe(new Observation(active.get(i), turn, Observation.ENVIRONMENT, MazeActions.BLOCKED,
                        text + "\n" + render(i), data));
            }
            return;
        }
        position = target;
        moves++;
        executed.add(direction);
        step.event(new Fact("moved", agent, OrderedData.of("direction", direction.word(), "position", position.toList())));
        metrics.count("maze_moves", 1, Map.of("result", "ok"));
        boolean goal = position.equals(maze.goal());
        for (int i = 0; i < active.size(); i++) {
            var text = goal ? "The token reached the goal." : "The token moved " + direction.word() + ".";
            step.observe(new Observation(active.get(i), turn, Observation.ENVIRONMENT, goal ? MazeActions.GOAL : MazeActions.MOVED,
                    text + "\n" + render(i), OrderedData.of("direction", direction.word(), "position", position.toList())));
        }
        if (goal) {
            turnsToSolve = activeTurns;
            step.event(new Fact("goal-reached", null, OrderedData.of("turns", activeTurns, "moves", moves)));
            finish(step, "goal-reached");
        }
    }

    private Optional<Direction> direction(Step.Builder step, Action action) {
        var raw = action.args().get("direction");
        var direction = Direction.parse(raw == null ? null : raw.toString());
        if (direction.isEmpty()) {
            invalid(step, action.agent(), action.kind() + " needs args.direction: one of north, east, south, west (got "
                    + raw + ")");
        }
        return direction;
    }

    private void invalid(Step.Builder step, String agent, String why) {
        step.event(new Fact("invalid-action", agent, Map.of("reason", why)));
        step.observe(new Observation(agent, turn, Observation.ENVIRONMENT, MazeActions.INVALID, why, Map.of()));
    }

    private void record(String agent, String text) {
        if (!text.isBlank()) {
            dialogue.add(new TranscriptPathGrader.Message(agent, text));
        }
    }

    private void finish(Step.Builder step, String reason) {
        endReason = reason;
        step.end(reason);
        report();
    }

    @Override
    public Step end(String reason) {
        if (endReason != null) {
            return Step.of();
        }
        endReason = reason;
        report();
        return Step.of().with(new Fact("episode-ended", null, Map.of("reason", reason)));
    }

    /** Episode-level metrics, once. */
    private void report() {
        if (reported || maze == null) {
            return;
        }
        reported = true;
        var team = Map.of("team", params.solo() ? "solo" : "pair");
        metrics.observe("maze_solved", solved() ? 1 : 0, team);
        if (solved()) {
            metrics.observe("maze_turns_to_solve", turnsToSolve, team);
        }
    }

    private boolean solved() {
        if (params.transcriptMoves()) {
            return grade().solved();
        }
        return turnsToSolve >= 0;
    }

    /** The transcript grader's reading of everything said so far. */
    public TranscriptPathGrader.Grade grade() {
        return grader.grade(maze, dialogue);
    }

    /** The maze of this episode (after {@link #start}). */
    public Maze maze() {
        return maze;
    }

    /** Moves that were carried out, in order. */
    public List<Direction> executedPath() {
        return List.copyOf(executed);
    }

    @Override
    public Outcome outcome() {
        if (maze == null) {
            return Outcome.empty();
        }
        var episode = new LinkedHashMap<String, Double>();
        boolean solved = solved();
        episode.put("solved", solved ? 1.0 : 0.0);
        episode.put("turns", (double) activeTurns);
        if (solved && turnsToSolve >= 0) {
            episode.put("turns_to_solve", (double) turnsToSolve);
        }
        episode.put("moves", (double) moves);
        episode.put("failed_moves", (double) failedMoves);
        episode.put("proposals", (double) proposals);
        episode.put("disputed_moves", (double) disputed);
        episode.put("messages", (double) messages);
        episode.put("shortest_solution", (double) maze.shortestSolution());
        if (solved && moves > 0) {
            episode.put("path_efficiency", (double) maze.shortestSolution() / moves);
        }
        if (!params.solo()) {
            episode.put("grounding_achieved", groundedAtTurn >= 0 ? 1.0 : 0.0);
        }
        episode.putAll(TranscriptPathGrader.scores(grade()));
        var agents = new LinkedHashMap<String, Map<String, Double>>();
        agentCounts.forEach((id, counts) -> {
            var scores = new LinkedHashMap<String, Double>();
            scores.put("solved", solved ? 1.0 : 0.0);
            scores.put("proposals", (double) counts[PROPOSALS]);
            scores.put("accepted", (double) counts[ACCEPTED]);
            scores.put("rejected", (double) counts[REJECTED]);
            scores.put("messages", (double) counts[MESSAGES]);
            agents.put(id, scores);
        });
        return new Outcome(agents, episode);
    }

    /** Why the episode ended, or null while it runs. */
    public String endReason() {
        return endReason;
    }
}
