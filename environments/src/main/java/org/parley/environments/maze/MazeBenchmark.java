package org.parley.environments.maze;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.agents.persona.Persona;
import org.parley.runtime.seed.Seeds;

/**
 * Prints how many maze episodes per second rule-based navigators play in one thread, without the
 * actor runtime (environment + minds only), for solo, a strong pair and a weak pair.
 *
 * <p>Usage: {@code MazeBenchmark [seconds-per-condition]} (default 5).
 */
public final class MazeBenchmark {

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        var strong = persona("Strong", 0.9, 0.95, 0.7, 0.7);
        var weak = persona("Weak", 0.15, 0.6, 0.4, 0.4);
        var pair = MazeParams.defaults();
        var conditions = new LinkedHashMap<String, Map.Entry<MazeParams, List<MazeLockstep.Agent>>>();
        conditions.put("solo", Map.entry(pair.withTeam("solo"), List.of(agent("a", strong), agent("b", weak))));
        conditions.put("pair-strong", Map.entry(pair, List.of(agent("a", strong), agent("b", strong))));
        conditions.put("pair-weak", Map.entry(pair, List.of(agent("a", weak), agent("b", weak))));
        var runner = new MazeLockstep();
        System.out.printf("maze benchmark: %s, one thread, %.0f s per condition, rule-based navigators%n",
                Runtime.version(), seconds);
        long allEpisodes = 0;
        double allSeconds = 0;
        for (var c : conditions.entrySet()) {
            // Warm up the JIT on the same work before timing it.
            play(runner, c.getKey(), c.getValue(), 0, 2_000);
            long began = System.nanoTime();
            long deadline = began + (long) (seconds * 1e9);
            int episodes = 0;
            long solved = 0;
            long turns = 0;
            while (System.nanoTime() < deadline) {
                var batch = play(runner, c.getKey(), c.getValue(), 10_000 + episodes, 200);
                episodes += 200;
                solved += batch[0];
                turns += batch[1];
            }
            double elapsed = (System.nanoTime() - began) / 1e9;
            allEpisodes += episodes;
            allSeconds += elapsed;
            System.out.printf("%-12s %,9.0f episodes/s  %,10.0f turns/s  (%d episodes, solved %.3f)%n", c.getKey(),
                    episodes / elapsed, turns / elapsed, episodes, (double) solved / episodes);
        }
        System.out.printf("%-12s %,9.0f episodes/s%n", "all", allEpisodes / allSeconds);
    }

    private static long[] play(MazeLockstep runner, String name, Map.Entry<MazeParams, List<MazeLockstep.Agent>> c,
            int from, int count) {
        long solved = 0;
        long turns = 0;
        for (int i = from; i < from + count; i++) {
            var e = runner.play(c.getKey(), c.getValue(), null, name, name + "/" + i, Seeds.episode(1, name, i), 120, false);
            solved += (long) e.score("solved");
            turns += e.turns();
        }
        return new long[] {solved, turns};
    }

    private static MazeLockstep.Agent agent(String id, Persona persona) {
        return new MazeLockstep.Agent(id, persona, Map.of());
    }

    private static Persona persona(String name, double grounding, double spatial, double trust, double verbosity) {
        var ext = new LinkedHashMap<String, Object>();
        ext.put("grounding-skill", grounding);
        ext.put("spatial-skill", spatial);
        ext.put("trust", trust);
        ext.put("verbosity", verbosity);
        return new Persona(name, null, null, null, null, null, null, null, null, null, ext);
    }

    private MazeBenchmark() {}
}
