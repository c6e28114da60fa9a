package org.parley.scenarios.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL part-way and finished with {@code parley run --resume} ends with
 * exactly one transcript per planned episode and the same bytes as a run that was never
 * interrupted. The resume itself is killed once too, so a resumed run's own leftovers (rows of two
 * sessions, half-written transcripts) are cleaned up as well.
 */
class KillAndResumeTest {
    /** Three conditions × this many episodes: long enough to be caught mid-way, short enough for a test. */
    private static final String EPISODES = "100";

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void aKilledRunResumedEndsExactlyLikeAnUninterruptedOne() throws Exception {
        String scenario = ParleyJvm.bundled("quickstart.yaml").toString();
        Path killed = dir.resolve("killed/run");
        Path reference = dir.resolve("reference/run");
        Path logs = dir.resolve("logs");

        killMidway(ParleyJvm.start(logs, "first", "run", scenario, "--out", killed.toString(),
                "--episodes", EPISODES, "--parallel", "4", "--seed", "7", "--quiet"), killed, 12);
        assertThat(killed.resolve("summary.json")).as("a killed run has no summary yet").doesNotExist();
        // the resume is killed as well, later on
        killMidway(ParleyJvm.start(logs, "second", "run", "--resume", killed.toString(), "--quiet"), killed, 150);

        // the reference run goes alongside the last resume: one JVM each, the same scenario and seed
        ParleyJvm.Running uninterrupted = ParleyJvm.start(logs, "reference", "run", scenario, "--out",
                reference.toString(), "--episodes", EPISODES, "--parallel", "2", "--seed", "7", "--quiet");
        // only --parallel may change on resume; a different value shows that it does not matter
        ParleyJvm.runOk(logs, "third", "run", "--resume", killed.toString(), "--parallel", "3", "--quiet");
        assertThat(uninterrupted.await(120)).as("reference run%n%s", uninterrupted.output()).isZero();

        RunFolders.assertComplete(killed);
        RunFolders.assertComplete(reference);
        RunFolders.assertSameOutputs(reference, killed);
        RunFolders.assertSameManifest(reference, killed);
    }

    /** Waits until {@code episodes} episodes have results rows, then SIGKILLs the process. */
    private static void killMidway(ParleyJvm.Running running, Path run, int episodes) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (RunFolders.resultRows(run) < 2 * episodes) {
            if (!running.process().isAlive()) {
                throw new AssertionError("the run ended (exit " + running.process().exitValue() + ") before it could be "
                        + "killed mid-way, with " + RunFolders.resultRows(run) + " results rows\n" + running.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + episodes + " episodes after 90 s\n" + running.output());
            }
            Thread.sleep(5);
        }
        running.process().destroyForcibly(); // SIGKILL: no shutdown hooks, no final sort, no summary
        running.process().waitFor();
        assertThat(running.process().exitValue()).as("exit status of the killed JVM").isNotZero();

        int planned = RunFolders.plannedEpisodes(run).size();
        int rows = RunFolders.resultRows(run);
        assertThat(rows).as("results rows when killed (%d episodes planned)", planned)
                .isGreaterThanOrEqualTo(2 * episodes)
                .isLessThan(2 * planned);
        System.out.printf("killed after %d of %d results rows; %d transcripts on disk%n", rows, 2 * planned,
                RunFolders.transcripts(run).size());
    }
}
