package io.github.authletetestkit.mock.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.state.SeedException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A JSON document on disk: read whole, written whole so that a reader never sees half a file. */
public final class StateFile {

    private final Path path;

    public StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.exists(path);
    }

    /** The file's JSON; a {@link SeedException} naming the file when it cannot be read or is not JSON. */
    public JsonNode read() {
        try {
            return Json.MAPPER.readTree(Files.readString(path));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new SeedException("", "not valid JSON" + where + ": " + e.getOriginalMessage()).in(path.toString());
        } catch (NoSuchFileException e) {
            throw new SeedException("", "no such file").in(path.toString());
        } catch (AccessDeniedException e) {
            throw new SeedException("", "not readable (permission denied)").in(path.toString());
        } catch (IOException e) {
            throw new SeedException("", "cannot be read: " + (e.getMessage() == null ? "I/O error" : e.getMessage())).in(path.toString());
        }
    }

    /**
     * Replaces the file with {@code document}: written to a temporary file in the same directory, then moved
     * over the old one in one step, so a crash mid-write leaves the previous version intact.
     */
    public void write(JsonNode document) throws IOException {
        Path directory = path.getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, path.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
