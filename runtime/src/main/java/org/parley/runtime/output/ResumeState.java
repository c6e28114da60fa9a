package org.parley.runtime.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which episodes of an interrupted run are finished, judged from results.csv: an episode counts
 * when all its agents' rows were written completely. Rows of an episode cut off mid-write, and a
 * last line without its line break, are dropped (and removed from the file by
 * {@link #cleanUp(Path, Set)}), so that episode runs again and nothing is duplicated.
 */
public final class ResumeState {
    private ResumeState() {}

    /**
     * @param agentsPerEpisode expected rows per episode (the number of agents in the scenario)
     * @return ids of finished episodes (completed or failed), in file order
     */
    public static Set<String> finishedEpisodes(Path resultsCsv, int agentsPerEpisode) throws IOException {
        ResultsTable table = ResultsTable.read(resultsCsv);
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (ResultRow r : table.rows()) {
            rows.merge(r.episode(), 1, Integer::sum);
        }
        Set<String> finished = new LinkedHashSet<>();
        rows.forEach((episode, n) -> {
            if (n >= agentsPerEpisode) {
                finished.add(episode);
            }
        });
        return finished;
    }

    /** Rewrites results.csv keeping only the rows of finished episodes. */
    public static void cleanUp(Path resultsCsv, Set<String> finished) throws IOException {
        if (!Files.exists(resultsCsv)) {
            return;
        }
        ResultsTable table = ResultsTable.read(resultsCsv);
        List<ResultRow> keep = table.rows().stream().filter(r -> finished.contains(r.episode())).toList();
        new ResultsTable(table.scoreColumns(), keep).writeAtomically(resultsCsv);
    }

    /**
     * Deletes transcripts of episodes that will run again ({@code episodes/<episode id>.jsonl}),
     * so a half-written transcript of a killed episode does not survive next to the new one.
     */
    public static void removeUnfinishedTranscripts(Path runDir, List<String> toRun) throws IOException {
        for (String id : toRun) {
            Files.deleteIfExists(runDir.resolve("episodes").resolve(id + ".jsonl"));
        }
    }
}
