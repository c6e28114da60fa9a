package org.parley.environments.codebase.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.agents.persona.Persona;
import org.parley.environments.codebase.CodebaseParams;

/**
 * Prints coding episodes per second with rule-based coders on the plain driver, per condition
 * (solo, coop of two, team of four), single-threaded. Arguments: episodes per condition (default 2000).
 * Run with {@code java -cp <environments classpath> org.parley.environments.codebase.bench.CodingBenchmark 2000}.
 */
public final class CodingBenchmark {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

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
            long c0 = CPU.getCurrentThreadCpuTime();
            double success = run(driver, p, coders, condition, episodes);
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
            // CPU time too: on a shared machine wall-clock rates say more about the neighbours.
            System.out.printf("%-8s %6d episodes: %8.1f episodes/s wall (%.2f s), %8.1f episodes/s per CPU-second (success %.3f)%n",
                    condition, episodes, episodes / secs, secs, episodes / cpu, success / episodes);
        }
    }

    private static double run(PlainDriver driver, CodebaseParams p, List<PlainDriver.Coder> coders, String condition, int n) {
        double success = 0;
        for (int i = 0; i < n; i++) success += driver.run(p, coders, condition, i, 42).score("success");
        return success;
    }
}
