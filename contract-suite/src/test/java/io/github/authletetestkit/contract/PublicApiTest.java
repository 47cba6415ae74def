package io.github.authletetestkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exported API of every module is the packages below; everything else of ours sits in an {@code .internal.}
 * package and may change in any release. This test keeps the line: no package outside both groups, and no public
 * signature of the API that names an internal type (which would make the internal type API by the back door).
 */
class PublicApiTest {

    private static final String OURS = "io.github.authletetestkit.";

    /** The packages users touch: the mock and its settings, the control interface, JUnit, the contract suite's command line. */
    static final Set<String> API_PACKAGES = Set.of(
            "io.github.authletetestkit.mock",
            "io.github.authletetestkit.mock.control",
            "io.github.authletetestkit.mock.coverage",
            "io.github.authletetestkit.mock.model",
            "io.github.authletetestkit.junit",
            "io.github.authletetestkit.contract.cli");

    private static List<Class<?>> ourClasses;

    @BeforeAll
    static void loadOurClasses() {
        ourClasses = classNamesOnClassPath().stream().map(PublicApiTest::load).toList();
    }

    @Test
    void everyPackageIsEitherApiOrInternal() {
        Set<String> neither = new TreeSet<>();
        for (Class<?> type : ourClasses) {
            String pkg = type.getPackageName();
            if (!API_PACKAGES.contains(pkg) && !isInternal(pkg)) {
                neither.add(pkg);
            }
        }
        assertThat(neither).as("packages that are neither API nor .internal.").isEmpty();
        assertThat(ourClasses.stream().map(Class::getPackageName).filter(API_PACKAGES::contains).distinct())
                .as("every API package is on the class path").hasSameSizeAs(API_PACKAGES);
    }

    @Test
    void noApiSignatureNamesAnInternalType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : ourClasses) {
            if (API_PACKAGES.contains(type.getPackageName()) && isExported(type)) {
                leaks.addAll(leaksOf(type));
            }
        }
        assertThat(leaks).as("API members whose signature names an internal type").isEmpty();
    }

    @Test
    void theCheckSeesALeak() {
        // the checker itself: an exported class with an internal type in a signature is reported
        assertThat(leaksOf(Leaky.class)).singleElement().asString().contains("internal");
    }

    /** Exported: public, and every enclosing class public too. */
    private static boolean isExported(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    static List<String> leaksOf(Class<?> type) {
        List<String> leaks = new ArrayList<>();
        check(type.getName() + " extends", type.getGenericSuperclass(), leaks);
        for (Type implemented : type.getGenericInterfaces()) {
            check(type.getName() + " implements", implemented, leaks);
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field)) {
                check(type.getName() + "." + field.getName(), field.getGenericType(), leaks);
            }
        }
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
        executables.addAll(List.of(type.getDeclaredConstructors()));
        for (Executable executable : executables) {
            if (!visible(executable) || executable.isSynthetic()) {
                continue;
            }
            String where = type.getName() + "." + executable.getName() + "()";
            if (executable instanceof java.lang.reflect.Method method) {
                check(where + " returns", method.getGenericReturnType(), leaks);
            }
            for (Type parameter : executable.getGenericParameterTypes()) {
                check(where + " takes", parameter, leaks);
            }
            for (Type thrown : executable.getGenericExceptionTypes()) {
                check(where + " throws", thrown, leaks);
            }
        }
        return leaks;
    }

    private static boolean visible(Member member) {
        int modifiers = member.getModifiers();
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers) && !Modifier.isFinal(member.getDeclaringClass().getModifiers());
    }

    private static void check(String where, Type type, List<String> leaks) {
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (c.getName().startsWith(OURS) && isInternal(c.getPackageName())) {
                leaks.add(where + " " + c.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            check(where, p.getRawType(), leaks);
            for (Type argument : p.getActualTypeArguments()) {
                check(where, argument, leaks);
            }
        } else if (type instanceof GenericArrayType a) {
            check(where, a.getGenericComponentType(), leaks);
        } else if (type instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds())).forEach(b -> check(where, b, leaks));
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                if (bound != Object.class && !(bound instanceof TypeVariable<?>)) {
                    check(where, bound, leaks);
                }
            }
        }
    }

    private static boolean isInternal(String pkg) {
        return pkg.contains(".internal.") || pkg.endsWith(".internal");
    }

    /** Our main classes on the test class path (directories or jars), not this module's test classes. */
    private static Set<String> classNamesOnClassPath() {
        Set<String> names = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (path.toString().contains("test-classes")) {
                continue;
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.map(f -> path.relativize(f).toString().replace(File.separatorChar, '/')).forEach(n -> addIfOurs(n, names));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (entry.endsWith(".jar") && path.getFileName().toString().startsWith("authlete-")) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    jar.stream().forEach(e -> addIfOurs(e.getName(), names));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return names;
    }

    private static void addIfOurs(String resource, Set<String> names) {
        String dotted = resource.replace('/', '.');
        if (dotted.startsWith(OURS) && dotted.endsWith(".class") && !dotted.endsWith("module-info.class")) {
            names.add(dotted.substring(0, dotted.length() - ".class".length()));
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicApiTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An exported class that leaks an internal type: what {@link #theCheckSeesALeak} expects to be reported. */
    public static final class Leaky {
        public io.github.authletetestkit.contract.internal.ContractSuite suite() {
            return null;
        }
    }
}
