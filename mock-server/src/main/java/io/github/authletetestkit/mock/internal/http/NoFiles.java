package io.github.authletetestkit.mock.internal.http;

import com.github.tomakehurst.wiremock.common.BinaryFile;
import com.github.tomakehurst.wiremock.common.Errors;
import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.common.NotPermittedException;
import com.github.tomakehurst.wiremock.common.TextFile;
import java.net.URI;
import java.util.List;

/**
 * WireMock's file root when none is configured: empty and not writable, so the mock neither loads stubs from
 * nor serves or writes files in the directory it happens to start in (WireMock's default is
 * {@code ./src/test/resources}). A write through the admin API is refused as not permitted.
 */
public final class NoFiles implements FileSource {

    private final String path;

    public NoFiles() {
        this("");
    }

    private NoFiles(String path) {
        this.path = path;
    }

    @Override
    public BinaryFile getBinaryFileNamed(String name) {
        return new BinaryFile(missing(name));
    }

    @Override
    public TextFile getTextFileNamed(String name) {
        return new TextFile(missing(name));
    }

    /** A file that reads as not found: WireMock answers 404 for it. */
    private URI missing(String name) {
        return URI.create("file:///authlete-mock-no-files/" + path + "/" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    @Override
    public void createIfNecessary() {
    }

    @Override
    public FileSource child(String subDirectoryName) {
        return new NoFiles(path.isEmpty() ? subDirectoryName : path + "/" + subDirectoryName);
    }

    @Override
    public String getPath() {
        return path;
    }

    @Override
    public URI getUri() {
        return URI.create("file:///authlete-mock-no-files/" + path);
    }

    @Override
    public List<TextFile> listFilesRecursively() {
        return List.of();
    }

    @Override
    public void writeTextFile(String name, String contents) {
        refuse();
    }

    @Override
    public void writeBinaryFile(String name, byte[] contents) {
        refuse();
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public void deleteFile(String name) {
        refuse();
    }

    private static void refuse() {
        throw new NotPermittedException(Errors.notPermitted("The mock has no file root; start it with --root-dir DIR to keep files."));
    }
}
