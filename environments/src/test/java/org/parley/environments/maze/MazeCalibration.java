package org.parley.environments.maze;

import org.parley.runtime.seed.Seeds;

/**
 * Prints per-condition rates of the bundled conditions for tuning; not a test.
 * Arguments: episodes (300), turn cap (40), moves (joint), split (columns).
 */
public final class MazeCalibration {
    public static void main(String[] args) {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int cap = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        var moves = args.length > 2 ? args[2] : "joint";
        var split = args.length > 3 ? args[3] : "columns";
        var runner = new MazeLockstep();
        for (var c : MazeConditions.all(MazeParams.defaults().withTurnCap(cap).withMoves(moves).withSplit(split))) {
            double solved = 0, turns = 0, disputed = 0, failed = 0, grounded = 0, tsolved = 0;
            for (int i = 0; i < episodes; i++) {
                long seed = Seeds.episode(42, "maze", i);
                var e = runner.play(c.params(), c.agents(), c.firstSpeaker(), c.name(), c.name() + "/" + i, seed,
                        MazeConditions.MAX_TURNS, false);
                solved += e.score("solved");
                tsolved += e.score("transcript_solved");
                if (e.score("solved") > 0) turns += e.score("turns_to_solve");
                disputed += e.score("disputed_moves");
                failed += e.score("failed_moves");
                grounded += e.outcome().episodeScores().getOrDefault("grounding_achieved", 0.0);
            }
            System.out.printf("%-18s solved %.3f  transcript %.3f  turns %.1f  disputed %.2f  failed %.2f  grounded %.2f%n",
                    c.name(), solved / episodes, tsolved / episodes, turns / Math.max(1, solved), disputed / episodes,
                    failed / episodes, grounded / episodes);
        }
    }
}
