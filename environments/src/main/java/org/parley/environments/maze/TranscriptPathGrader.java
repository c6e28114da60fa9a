package org.parley.environments.maze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a free-form maze dialogue into a path and checks it against the maze, for runs whose
 * agents talk instead of calling {@code propose}/{@code accept}.
 *
 * <p>Two readings, the first that finds anything wins:
 * <ol>
 *   <li><b>stated path</b>: the latest message with {@code path:} (e.g. "Final path: right, right,
 *       down x3, left"). It counts as agreed when every other speaker's latest stated path is the
 *       same, or when the next message by another speaker starts with an affirmation.</li>
 *   <li><b>agreed moves</b>: a message proposing exactly one move ("let's move east", "go up")
 *       followed by another speaker's message that starts with an affirmation ("Agreed", "OK",
 *       "yes") adds that move.</li>
 * </ol>
 * The path is then walked from the start: a step into a wall or off the map is a bump and leaves
 * the position unchanged (as in the environment); reaching the goal ends the walk.
 */
public final class TranscriptPathGrader {

    /** One message of the dialogue. */
    public record Message(String speaker, String text) {}

    /**
     * What the grader read and how the path fares.
     *
     * @param path        the extracted moves
     * @param source      {@code stated-path}, {@code agreed-moves} or {@code none}
     * @param agreed      whether the partners agreed on it (always true for agreed moves)
     * @param bumps       steps into walls or off the map
     * @param end         where the walk ended
     * @param reachedGoal whether the walk reached the goal
     */
    public record Grade(List<Direction> path, String source, boolean agreed, int bumps, Cell end, boolean reachedGoal) {

        public boolean solved() {
            return reachedGoal && agreed;
        }
    }

    private static final String DIR = "north|south|east|west|up|down|left|right";
    private static final Pattern STATED = Pattern.compile("(?i)\\bpath\\s*[:=]\\s*(.+)", Pattern.DOTALL);
    private static final Pattern PROPOSAL = Pattern.compile(
            "(?i)\\b(?:move|go|step|head|walk)(?:\\s+(?:one|1)\\s+(?:step|cell|square))?\\s+(?:to\\s+the\\s+)?(" + DIR + ")\\b");
    private static final Pattern AFFIRMATION = Pattern.compile(
            "(?i)^\\W*(?:yes|yeah|yep|ok|okay|agreed|agree|sure|accept|accepted|confirmed|deal|sounds good|correct|let'?s do (?:it|that))\\b");
    private static final Pattern TOKEN = Pattern.compile(
            "(?i)(?:(\\d+)\\s*(?:x|times|\\*)?\\s*)?\\b(" + DIR + "|[nsewudlr])\\b(?:\\s*(?:x|\\*)\\s*(\\d+)|\\s+(\\d+)\\s+times)?");

    public Grade grade(Maze maze, List<Message> messages) {
        var stated = statedPath(messages);
        if (stated.isPresent()) {
            var s = stated.get();
            return walk(maze, s.path, "stated-path", s.agreed);
        }
        var moves = agreedMoves(messages);
        return walk(maze, moves, moves.isEmpty() ? "none" : "agreed-moves", !moves.isEmpty());
    }

    /** Reads directions with optional counts ("down x3", "3 right", "R R D") from a fragment. */
    public static List<Direction> parseDirections(String text) {
        var out = new ArrayList<Direction>();
        // Drop contractions first: the "s" of "it's" is not a move south.
        Matcher m = TOKEN.matcher(text.replaceAll("\\b\\w+'\\w*", " "));
        while (m.find()) {
            var direction = Direction.parse(m.group(2));
            if (direction.isEmpty()) {
                continue;
            }
            int count = 1;
            for (int g : new int[] {1, 3, 4}) {
                if (m.group(g) != null) {
                    count = Integer.parseInt(m.group(g));
                }
            }
            for (int i = 0; i < Math.min(count, 100); i++) {
                out.add(direction.get());
            }
        }
        return out;
    }

    private record Stated(List<Direction> path, boolean agreed) {}

    private Optional<Stated> statedPath(List<Message> messages) {
        var latestBySpeaker = new LinkedHashMap<String, List<Direction>>();
        int lastIndex = -1;
        for (int i = 0; i < messages.size(); i++) {
            Matcher m = STATED.matcher(messages.get(i).text());
            if (m.find()) {
                var path = parseDirections(firstLine(m.group(1)));
                if (!path.isEmpty()) {
                    latestBySpeaker.put(messages.get(i).speaker(), path);
                    lastIndex = i;
                }
            }
        }
        if (lastIndex < 0) {
            return Optional.empty();
        }
        var last = messages.get(lastIndex);
        var path = latestBySpeaker.get(last.speaker());
        boolean othersMatch = latestBySpeaker.size() > 1
                && latestBySpeaker.values().stream().allMatch(path::equals);
        boolean affirmedNext = lastIndex + 1 < messages.size()
                && !messages.get(lastIndex + 1).speaker().equals(last.speaker())
                && AFFIRMATION.matcher(messages.get(lastIndex + 1).text()).find();
        boolean alone = speakers(messages) == 1;
        return Optional.of(new Stated(path, alone || othersMatch || affirmedNext));
    }

    private List<Direction> agreedMoves(List<Message> messages) {
        var out = new ArrayList<Direction>();
        boolean alone = speakers(messages) == 1;
        for (int i = 0; i < messages.size(); i++) {
            var msg = messages.get(i);
            if (AFFIRMATION.matcher(msg.text()).find() && !alone) {
                continue;   // an acceptance repeats the move it accepts; it is not a new proposal
            }
            Matcher m = PROPOSAL.matcher(msg.text());
            Direction proposed = null;
            int found = 0;
            while (m.find()) {
                found++;
                proposed = Direction.parse(m.group(1)).orElse(null);
            }
            if (found != 1 || proposed == null) {
                continue;
            }
            if (alone) {
                out.add(proposed);
            } else if (i + 1 < messages.size() && !messages.get(i + 1).speaker().equals(msg.speaker())
                    && AFFIRMATION.matcher(messages.get(i + 1).text()).find()) {
                out.add(proposed);
            }
        }
        return out;
    }

    private static int speakers(List<Message> messages) {
        return (int) messages.stream().map(Message::speaker).distinct().count();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).toLowerCase(Locale.ROOT);
    }

    private static Grade walk(Maze maze, List<Direction> path, String source, boolean agreed) {
        var here = maze.start();
        int bumps = 0;
        boolean reached = here.equals(maze.goal());
        for (var d : path) {
            if (reached) {
                break;
            }
            var next = here.step(d);
            if (maze.isWall(next)) {
                bumps++;
            } else {
                here = next;
                reached = here.equals(maze.goal());
            }
        }
        return new Grade(List.copyOf(path), source, agreed, bumps, here, reached);
    }

    /** The grade as named scores, prefixed {@code transcript_}. */
    public static Map<String, Double> scores(Grade grade) {
        var out = new LinkedHashMap<String, Double>();
        out.put("transcript_solved", grade.solved() ? 1.0 : 0.0);
        out.put("transcript_path_length", (double) grade.path().size());
        out.put("transcript_bumps", (double) grade.bumps());
        return out;
    }
}
