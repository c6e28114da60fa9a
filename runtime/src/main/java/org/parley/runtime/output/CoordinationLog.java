package org.parley.runtime.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.runtime.coordination.CoordinationTally;
import org.parley.runtime.coordination.EpisodeCoordination;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.run.RunReport;

/**
 * {@code coordination.jsonl} in the run folder: one line per completed episode with its
 * coordination tallies ({@link EpisodeCoordination}, counted from its events by a
 * {@link CoordinationTally}), appended as episodes finish and rewritten in condition and index
 * order when the run ends, so the file is the same bytes for the same seed. The summary's
 * {@code coordination} figures are computed from it over every finished episode, so they cover the
 * whole run after a resume.
 *
 * <p>It also keeps this session's timing figures per condition (round-barrier stragglers, action
 * latency), which the console prints and no file holds: they depend on the machine.
 */
public final class CoordinationLog implements EventSink {
    public static final String FILE = "coordination.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final List<String> conditionOrder;
    private final Map<String, CoordinationTally> running = new HashMap<>();
    private final Map<String, SessionTiming> timing = new LinkedHashMap<>();
    private BufferedWriter writer;
    /** The file is sorted and nothing was appended since: finishing again has nothing to do. */
    private boolean sorted;

    /** Round-barrier and latency figures of one condition in this session. */
    public static final class SessionTiming {
        long rounds;
        long stragglers;
        long decisions;
        long latencyNanos;

        /** Stragglers per closed round, or null without rounds. */
        public Double stragglersPerRound() {
            return rounds == 0 ? null : (double) stragglers / rounds;
        }

        /** Mean time a mind took to decide, or null without decisions. */
        public Double meanActionLatencySeconds() {
            return decisions == 0 ? null : latencyNanos / 1e9 / decisions;
        }
    }

    /**
     * @param file           coordination.jsonl; appended to when it exists (resume)
     * @param conditionOrder condition names in declared order, for the final sort
     */
    public CoordinationLog(Path file, List<String> conditionOrder) {
        this.file = file;
        this.conditionOrder = List.copyOf(conditionOrder);
    }

    @Override
    public void accept(EpisodeEvent event) {
        switch (event) {
            case EpisodeEvent.Started s -> running.put(s.episode(), new CoordinationTally(s.episode(), s.condition(), s.index()));
            case EpisodeEvent.Acted a -> {
                var t = timing(a.episode());
                if (t != null) {
                    t.decisions++;
                    t.latencyNanos += a.latencyNanos();
                }
                tally(a);
            }
            case EpisodeEvent.RoundClosed r -> {
                var t = timing(r.episode());
                if (t != null) {
                    t.rounds++;
                    t.stragglers += r.stragglers().size();
                }
            }
            case EpisodeEvent.Finished f -> {
                var tally = running.remove(f.episode());
                if (tally != null && !f.result().failed()) {
                    append(tally.result());
                }
            }
            default -> tally(event);
        }
    }

    private void tally(EpisodeEvent event) {
        var tally = running.get(event.episode());
        if (tally != null) {
            tally.accept(event);
        }
    }

    private SessionTiming timing(String episode) {
        var tally = running.get(episode);
        return tally == null ? null : timing.computeIfAbsent(tally.condition(), c -> new SessionTiming());
    }

    /** This session's timing figures by condition. */
    public Map<String, SessionTiming> timing() {
        return timing;
    }

    private void append(EpisodeCoordination episode) {
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            sorted = false;
            writer.write(JSON.writeValueAsString(episode));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void runFinished(RunReport report) {
        close();
        if (sorted) {
            return;
        }
        sorted = true;
        try {
            rewriteSorted(file, conditionOrder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sort " + file + ": " + e.getMessage(), e);
        }
    }

    /** Closes the file; safe to call more than once. */
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // every line was flushed when it was written
            }
            writer = null;
        }
    }

    /**
     * The logged episodes among {@code finished}, the last line winning for an episode that ran
     * twice (a resume re-runs episodes cut off mid-write); a last line cut off by a kill is skipped.
     */
    public static Map<String, EpisodeCoordination> read(Path file, Set<String> finished) throws IOException {
        var byEpisode = new LinkedHashMap<String, EpisodeCoordination>();
        if (!Files.exists(file)) {
            return byEpisode;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            EpisodeCoordination e;
            try {
                e = JSON.readValue(line, EpisodeCoordination.class);
            } catch (IOException cutOff) {
                continue;
            }
            if (finished == null || finished.contains(e.episode())) {
                byEpisode.put(e.episode(), e);
            }
        }
        return byEpisode;
    }

    /** Keeps only the lines of finished episodes (before a resume re-runs the others). */
    public static void cleanUp(Path file, Set<String> finished) throws IOException {
        if (Files.exists(file)) {
            write(file, new ArrayList<>(read(file, finished).values()));
        }
    }

    /** Rewrites the file in condition (declared order, others by name) and index order. */
    static void rewriteSorted(Path file, List<String> conditionOrder) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        var episodes = new ArrayList<>(read(file, null).values());
        episodes.sort(Comparator.comparingInt((EpisodeCoordination e) -> {
                    int i = conditionOrder.indexOf(e.condition());
                    return i < 0 ? Integer.MAX_VALUE : i;
                }).thenComparing(EpisodeCoordination::condition).thenComparingInt(EpisodeCoordination::index));
        write(file, episodes);
    }

    private static void write(Path file, List<EpisodeCoordination> episodes) throws IOException {
        var lines = new ArrayList<String>(episodes.size());
        for (var e : episodes) {
            lines.add(JSON.writeValueAsString(e));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
