package org.parley.environments.codebase.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.agents.persona.Persona;
import org.parley.environments.codebase.CodebaseParams;

/**
 * Prints coding episodes per second with rule-based coders on the plain driver, per condition
 * (solo, coop of two, team of four). Arguments: episodes per condition (default 2000).
 */
public final class CodingBenchmark {
    private CodingBenchmark() {}

    public static void main(String[] args) {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        var driver = new PlainDriver();
        var params = CodebaseParams.defaults();
        for (int team : new int[] {1, 2, 4}) {
            var coders = new ArrayList<PlainDriver.Coder>();
            for (int i = 0; i < team; i++) coders.add(new PlainDriver.Coder("coder" + (i + 1), Persona.named("Coder " + (i + 1)), Map.of()));
            var p = team == 1 ? params.withFeatures(2) : params;
            String condition = team == 1 ? "solo" : "team-" + team;
            // Warm-up so the JIT has compiled the interpreter and JGit paths before timing.
            run(driver, p, coders, condition, Math.min(200, episodes));
            long t0 = System.nanoTime();
            double success = run(driver, p, coders, condition, episodes);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%-8s %6d episodes in %6.2f s = %8.1f episodes/s (success %.3f)%n",
                    condition, episodes, secs, episodes / secs, success / episodes);
        }
    }

    private static double run(PlainDriver driver, CodebaseParams p, List<PlainDriver.Coder> coders, String condition, int n) {
        double success = 0;
        for (int i = 0; i < n; i++) success += driver.run(p, coders, condition, i, 42).score("success");
        return success;
    }
}
