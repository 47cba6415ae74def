package io.github.authletetestkit.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Loads this module's classes ({@code io.github.authletetestkit.junit.*}, main and test) afresh and makes
 * the packages in {@code hidden} disappear, as on a user's classpath without them; everything else comes
 * from the test classpath as usual (so the mock server and its parsed spec are shared).
 */
final class IsolatingClassLoader extends ClassLoader {

    private static final String OWN = "io.github.authletetestkit.junit.";

    private final List<String> hidden;

    IsolatingClassLoader(ClassLoader parent, String... hiddenPackages) {
        super("isolating", parent);
        this.hidden = List.of(hiddenPackages);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            if (hidden.stream().anyMatch(name::startsWith)) {
                throw new ClassNotFoundException(name + " (hidden by the test)");
            }
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && name.startsWith(OWN)) {
                loaded = defineOwn(name);
            }
            if (loaded == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> defineOwn(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public URL getResource(String name) {
        return isHidden(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return isHidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    private boolean isHidden(String resource) {
        return hidden.stream().anyMatch(p -> resource.startsWith(p.replace('.', '/')));
    }
}
