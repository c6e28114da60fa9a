package org.parley.scenarios.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL part-way and finished with {@code parley run --resume} ends with
 * exactly one transcript per planned episode and the same bytes as a run that was never
 * interrupted.
 */
class KillAndResumeTest {
    /** Three conditions × this many episodes: long enough to be caught mid-way, short enough for a test. */
    private static final String EPISODES = "100";
    /** Kill once this many episodes have their results rows (each has two agents' rows). */
    private static final int KILL_AFTER_EPISODES = 12;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void aKilledRunResumedEndsExactlyLikeAnUninterruptedOne() throws Exception {
        String scenario = ParleyJvm.bundled("quickstart.yaml").toString();
        Path killed = dir.resolve("killed/run");
        Path reference = dir.resolve("reference/run");
        Path logs = dir.resolve("logs");

        ParleyJvm.Running running = ParleyJvm.start(logs, "killed", "run", scenario, "--out", killed.toString(),
                "--episodes", EPISODES, "--parallel", "4", "--seed", "7", "--quiet");
        long deadline = System.nanoTime() + 90_000_000_000L;
        int rowsAtKill;
        while (true) {
            rowsAtKill = RunFolders.resultRows(killed);
            if (rowsAtKill >= 2 * KILL_AFTER_EPISODES) {
                break;
            }
            if (!running.process().isAlive()) {
                throw new AssertionError("the run ended (exit " + running.process().exitValue() + ") before it could be "
                        + "killed mid-way, with " + rowsAtKill + " results rows\n" + running.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no results after 90 s\n" + running.output());
            }
            Thread.sleep(5);
        }
        running.process().destroyForcibly(); // SIGKILL: no shutdown hooks, no final sort, no summary
        running.process().waitFor();
        assertThat(running.process().exitValue()).as("exit status of the killed JVM").isNotZero();

        int planned = RunFolders.plannedEpisodes(killed).size();
        int rowsAfterKill = RunFolders.resultRows(killed);
        assertThat(rowsAfterKill).as("results rows when killed (%d episodes planned)", planned)
                .isGreaterThanOrEqualTo(rowsAtKill)
                .isLessThan(2 * planned);
        assertThat(killed.resolve("summary.json")).as("a killed run has no summary yet").doesNotExist();
        System.out.printf("killed after %d of %d results rows; %d transcripts on disk%n", rowsAfterKill, 2 * planned,
                RunFolders.transcripts(killed).size());

        // the reference run goes alongside the resume: one JVM each, the same scenario and seed
        ParleyJvm.Running uninterrupted = ParleyJvm.start(logs, "reference", "run", scenario, "--out",
                reference.toString(), "--episodes", EPISODES, "--parallel", "2", "--seed", "7", "--quiet");
        // only --parallel may change on resume; a different value shows that it does not matter
        ParleyJvm.runOk(logs, "resume", "run", "--resume", killed.toString(), "--parallel", "3", "--quiet");
        assertThat(uninterrupted.await(120)).as("reference run%n%s", uninterrupted.output()).isZero();

        RunFolders.assertComplete(killed);
        RunFolders.assertComplete(reference);
        RunFolders.assertSameOutputs(reference, killed);
        RunFolders.assertSameManifest(reference, killed);
    }
}
