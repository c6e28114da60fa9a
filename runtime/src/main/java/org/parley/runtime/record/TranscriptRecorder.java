package org.parley.runtime.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.Json;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.TranscriptEntry;

/**
 * Writes each episode's transcript to {@code <dir>/episodes/<episodeId>.jsonl}: one compact JSON
 * object per line, appended and handed to the operating system line by line, so a killed run
 * leaves every finished line on disk. Episode ids such as {@code baseline/0007} give one folder
 * per condition. A (re)started episode truncates its file, so resuming a run never duplicates
 * lines; the file is closed when the episode finishes.
 *
 * <p>Runs may have thousands of episodes in flight, more than a process may keep files open. The
 * recorder therefore keeps at most {@code maxOpenFiles} open and reopens the others in append mode
 * when their next line comes. It is thread-safe: episodes write concurrently.
 *
 * <pre>{@code
 * var recorder = new TranscriptRecorder(Path.of("runs", runId));
 * Simulation.run(plan, RunListener.all(List.of(recorder, progress)));
 * }</pre>
 */
public final class TranscriptRecorder implements RunListener {
    /** Default cap on simultaneously open transcript files. */
    public static final int DEFAULT_MAX_OPEN_FILES = 256;

    private static final byte NEWLINE = '\n';

    private final Path episodesDir;
    private final int maxOpenFiles;
    private final ObjectWriter writer = Json.mapper().writerFor(TranscriptEntry.class);
    /** Episodes in flight: id to its file. */
    private final Map<String, Path> files = new HashMap<>();
    /** Open channels, least recently written first. */
    private final LinkedHashMap<String, FileChannel> open = new LinkedHashMap<>(16, 0.75f, true);

    /** Records into {@code runDir/episodes}. */
    public TranscriptRecorder(Path runDir) {
        this(runDir, DEFAULT_MAX_OPEN_FILES);
    }

    public TranscriptRecorder(Path runDir, int maxOpenFiles) {
        if (maxOpenFiles < 1) {
            throw new IllegalArgumentException("maxOpenFiles must be at least 1, was " + maxOpenFiles);
        }
        this.episodesDir = runDir.resolve("episodes").toAbsolutePath().normalize();
        this.maxOpenFiles = maxOpenFiles;
    }

    /** Where the transcript of an episode goes. */
    public Path transcriptOf(String episodeId) {
        Path file = episodesDir.resolve(episodeId + ".jsonl").normalize();
        if (!file.startsWith(episodesDir) || episodeId.isBlank()) {
            throw new IllegalArgumentException("episode id '" + episodeId
                    + "' does not name a file inside the run's episodes folder; use ids like condition/0001");
        }
        return file;
    }

    @Override
    public void episodeStarted(EpisodePlan episode) {
        Path file = transcriptOf(episode.id());
        synchronized (this) {
            close(episode.id());
            try {
                Files.createDirectories(file.getParent());
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                files.put(episode.id(), file);
                keepOpen(episode.id(), channel);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write transcript " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void transcript(EpisodePlan episode, TranscriptEntry entry) {
        byte[] json;
        try {
            json = writer.writeValueAsBytes(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("transcript entry " + entry.seq() + " of " + episode.id()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put(NEWLINE).flip();
        synchronized (this) {
            FileChannel channel = channel(episode.id());
            try {
                while (line.hasRemaining()) {
                    channel.write(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to transcript " + files.get(episode.id()) + ": "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public void episodeFinished(EpisodeResult result, Duration duration) {
        synchronized (this) {
            close(result.episodeId());
            files.remove(result.episodeId());
        }
    }

    /** Number of transcript files currently open (at most the configured cap). */
    public synchronized int openFiles() {
        return open.size();
    }

    private FileChannel channel(String episodeId) {
        FileChannel channel = open.get(episodeId);
        if (channel != null) {
            return channel;
        }
        Path file = files.get(episodeId);
        if (file == null) {
            throw new IllegalStateException("transcript line for episode " + episodeId + " before it started");
        }
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen transcript " + file + ": " + e.getMessage(), e);
        }
        keepOpen(episodeId, channel);
        return channel;
    }

    private void keepOpen(String episodeId, FileChannel channel) {
        open.put(episodeId, channel);
        Iterator<Map.Entry<String, FileChannel>> eldest = open.entrySet().iterator();
        while (open.size() > maxOpenFiles && eldest.hasNext()) {
            var e = eldest.next();
            if (!e.getKey().equals(episodeId)) {
                closeQuietly(e.getValue());
                eldest.remove();
            }
        }
    }

    private void close(String episodeId) {
        FileChannel channel = open.remove(episodeId);
        if (channel != null) {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Every line was already written through; a failing close loses nothing.
        }
    }
}
