package org.parley.environments.maze;

import org.parley.runtime.seed.Seeds;

/** Prints one episode's log for reading; not a test. */
public final class MazeShowEpisode {
    public static void main(String[] args) {
        var name = args[0];
        int index = Integer.parseInt(args[1]);
        var c = MazeConditions.all(MazeParams.defaults().withTurnCap(40)).stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        long seed = Seeds.episode(42, "maze", index);
        var e = new MazeLockstep().play(c.params(), c.agents(), c.firstSpeaker(), c.name(), c.name() + "/" + index, seed,
                MazeConditions.MAX_TURNS, true);
        e.log().forEach(System.out::println);
        System.out.println(e.endReason() + " " + e.outcome());
    }
}
