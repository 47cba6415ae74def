package io.github.authletetestkit.spec.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Testkit's version, as the build wrote it: one value for the mock, the contract suite and {@code /api/info}. */
public final class TestkitVersion {

    private static final String RESOURCE = "testkit-version.properties";
    private static final String VERSION = read();

    private TestkitVersion() {}

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = TestkitVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the spec module's jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
