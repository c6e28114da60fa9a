package org.parley.scenarios.run;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.parley.monitoring.EpisodeCoordination;

/**
 * {@code coordination.jsonl} in the run folder: one line per completed episode with the
 * coordination tallies the monitoring listener counted, appended as episodes finish. The
 * summary's {@code coordination} figures are computed from it over every finished episode, so
 * they cover the whole run after a resume and do not depend on which episode finished first.
 */
public final class CoordinationLog implements Consumer<EpisodeCoordination>, AutoCloseable {
    public static final String FILE = "coordination.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private BufferedWriter writer;

    CoordinationLog(Path file) {
        this.file = file;
    }

    /** Appends one episode's line (thread-safe; flushed, so a killed run keeps what it wrote). */
    @Override
    public synchronized void accept(EpisodeCoordination episode) {
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            writer.write(JSON.writeValueAsString(episode));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    /**
     * The logged episodes among {@code finished}, the last line winning for an episode that ran
     * twice (a resume re-runs episodes cut off mid-write); a last line cut off by a kill is skipped.
     */
    static Map<String, EpisodeCoordination> read(Path file, Set<String> finished) throws IOException {
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
            if (finished.contains(e.episode())) {
                byEpisode.put(e.episode(), e);
            }
        }
        return byEpisode;
    }

    /** Keeps only the lines of finished episodes (before a resume re-runs the others). */
    static void cleanUp(Path file, Set<String> finished) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> keep = new ArrayList<>();
        for (EpisodeCoordination e : read(file, finished).values()) {
            keep.add(JSON.writeValueAsString(e));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, keep, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
