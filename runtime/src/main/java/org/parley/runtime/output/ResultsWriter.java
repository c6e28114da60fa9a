package org.parley.runtime.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.RunReport;

/**
 * Writes results.csv as episodes finish: one row per episode × agent, appended and flushed at
 * once, so a killed run keeps every finished episode. An {@link EventSink}: it reads each episode's
 * {@link EpisodeEvent.Started} (its agents, for the rows of an episode that failed before its
 * minds existed) and {@link EpisodeEvent.Finished}.
 *
 * <p>Columns: {@link ResultRow#BASE_COLUMNS}, then one per score. The header is written with the
 * score names of the first episode to finish; if a later episode brings a score nobody had yet,
 * the file is rewritten once with the wider header (earlier rows get an empty cell). At the end
 * of the run the file is rewritten sorted (condition, index, agent) with columns in a stable
 * order, so the same seed gives a byte-identical file however episodes interleaved.
 */
public final class ResultsWriter implements EventSink {
    private final Path file;
    private final String runId;
    private final List<String> conditionOrder;
    private final List<String> agentOrder;
    /** Agents (id, role) of the episodes running, from their start. */
    private final Map<String, List<EpisodeEvent.Started.Agent>> running = new java.util.HashMap<>();
    private List<String> scoreColumns;
    private Writer out;
    /** The file is sorted and nothing was appended since: finishing again has nothing to do. */
    private boolean sorted;
    private int rowsWritten;

    /**
     * @param file           results.csv; appended to when it already has rows (resume)
     * @param conditionOrder condition names in declared order, for the final sort
     * @param agentOrder     agent ids in declared order, for the final sort
     */
    public ResultsWriter(Path file, String runId, List<String> conditionOrder, List<String> agentOrder) throws IOException {
        this.file = file;
        this.runId = runId;
        this.conditionOrder = List.copyOf(conditionOrder);
        this.agentOrder = List.copyOf(agentOrder);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ResultsTable existing = ResultsTable.read(file);
        if (Files.exists(file)) {
            // keep only complete rows: a line cut off by a kill is dropped before appending
            existing.writeAtomically(file);
            scoreColumns = existing.rows().isEmpty() && existing.scoreColumns().isEmpty() ? null : new ArrayList<>(existing.scoreColumns());
            rowsWritten = existing.rows().size();
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void accept(EpisodeEvent event) {
        switch (event) {
            case EpisodeEvent.Started s -> running.put(s.episode(), s.agents());
            case EpisodeEvent.Finished f -> append(rows(runId, f.result(), running.remove(f.episode())));
            default -> { }
        }
    }

    /**
     * The rows of one finished episode, in declared agent order.
     *
     * @param started the episode's agents as it started, or null
     */
    public static List<ResultRow> rows(String runId, EpisodeResult result, List<EpisodeEvent.Started.Agent> started) {
        var agents = new LinkedHashMap<String, EpisodeResult.AgentInfo>();
        if (started != null) {
            started.forEach(a -> agents.put(a.id(), new EpisodeResult.AgentInfo(a.role(), "")));
        }
        if (result.agents() != null) {
            agents.putAll(result.agents());
        }
        var episodeScores = new LinkedHashMap<String, String>();
        if (result.outcome() != null) {
            result.outcome().episodeScores().forEach((k, v) -> episodeScores.put(ResultRow.EPISODE_PREFIX + k, Numbers.format(v)));
        }
        String status = result.status() == EpisodeResult.Status.COMPLETED ? "completed" : "failed";
        List<ResultRow> rows = new ArrayList<>();
        if (agents.isEmpty()) {
            agents.put("", new EpisodeResult.AgentInfo("", ""));
        }
        agents.forEach((id, info) -> {
            var scores = new LinkedHashMap<String, String>();
            if (result.outcome() != null) {
                result.outcome().agentScores().getOrDefault(id, Map.of()).forEach((k, v) -> scores.put(k, Numbers.format(v)));
            }
            scores.putAll(episodeScores);
            rows.add(new ResultRow(runId, result.condition(), result.episodeId(), result.index(), result.seed(), id,
                    info.role(), info.mind(), status, result.endReason(), result.turns(), scores));
        });
        return rows;
    }

    /** Appends rows of one episode and flushes; widens the header first if they bring new scores. */
    public void append(List<ResultRow> rows) {
        try {
            List<String> seen = ResultsTable.columnsOf(rows);
            if (scoreColumns == null) {
                scoreColumns = new ArrayList<>(seen);
                open(false);
                out.write(Csv.line(new ResultsTable(scoreColumns, List.of()).header()));
            } else if (!scoreColumns.containsAll(seen)) {
                closeQuietly();
                ResultsTable existing = ResultsTable.read(file);
                for (String c : seen) {
                    if (!scoreColumns.contains(c)) {
                        scoreColumns.add(c);
                    }
                }
                new ResultsTable(scoreColumns, existing.rows()).writeAtomically(file);
                out = null;
            }
            if (out == null) {
                open(true);
            }
            var sb = new StringBuilder();
            for (ResultRow r : rows) {
                sb.append(Csv.line(r.fields(scoreColumns)));
            }
            out.write(sb.toString());
            out.flush();
            rowsWritten += rows.size();
            sorted = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void open(boolean append) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    @Override
    public void runFinished(RunReport report) {
        finish();
    }

    /** Closes the file and rewrites it sorted; safe to call more than once. */
    public void finish() {
        if (sorted) {
            return;
        }
        sorted = true;
        closeQuietly();
        out = null;
        try {
            if (Files.exists(file)) {
                ResultsTable.read(file).sorted(conditionOrder, agentOrder).writeAtomically(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sort " + file, e);
        }
    }

    public int rowsWritten() {
        return rowsWritten;
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the rows were flushed after each episode; nothing is lost
            }
        }
    }
}
