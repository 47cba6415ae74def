package io.github.authletetestkit.mock.internal.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.internal.state.SeedException;
import io.github.authletetestkit.mock.model.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

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
     * Gets the file's directory ready before the first save: created if missing, temporary files a killed run
     * left behind removed, and checked to be writable, so that a state that cannot be saved is known at start
     * rather than lost at exit. An {@link IllegalStateException} that names the directory otherwise.
     */
    public void prepare() {
        Path directory = path.getParent();
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(directory, path.getFileName() + "*.tmp")) {
                for (Path temp : stale) {
                    Files.deleteIfExists(temp);
                }
            }
            Files.delete(Files.createTempFile(directory, path.getFileName().toString(), ".tmp"));
        } catch (IOException | SecurityException e) {
            String reason = e instanceof FileSystemException failure && failure.getReason() != null ? failure.getReason() : "cannot create a file there";
            throw new IllegalStateException("the state file's directory " + directory + " is not writable (" + reason + ")", e);
        }
    }

    /**
     * Replaces the file with {@code document}: written to a temporary file in the same directory, then moved
     * over the old one in one step, so a crash mid-write leaves the previous version intact.
     * Stale temporary files are named {@code <file name>*.tmp}; {@link #prepare()} removes them.
     */
    public void write(JsonNode document) throws IOException {
        Path directory = path.getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, path.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                // on disk before the rename, so that a power loss cannot leave an empty file under the old name
                channel.force(true);
            }
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
