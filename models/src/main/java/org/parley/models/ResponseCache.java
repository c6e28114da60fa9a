package org.parley.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recorded model responses on disk, one JSON file per cache key under a two-letter fan-out directory
 * ({@code ab/abcdef….json}). Each file holds the key, the canonical request and the reply, so a
 * recording can be read by eye and shared between runs. Files are written to a temporary name and
 * moved into place, so a killed run never leaves half an entry.
 */
public final class ResponseCache {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final Path dir;

    public ResponseCache(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    public Optional<ModelReply> read(String key) {
        Path f = file(key);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(f.toFile());
            return Optional.of(JSON.treeToValue(node.get("reply"), ModelReply.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cache entry " + f + "; delete it to record it again", e);
        }
    }

    public void write(String key, Map<String, Object> request, ModelReply reply) {
        Path f = file(key);
        try {
            Files.createDirectories(f.getParent());
            var doc = new LinkedHashMap<String, Object>();
            doc.put("key", key);
            doc.put("request", request);
            doc.put("reply", reply);
            Path tmp = Files.createTempFile(f.getParent(), key.substring(0, 8), ".tmp");
            JSON.writeValue(tmp.toFile(), doc);
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cache entry " + f, e);
        }
    }
}
