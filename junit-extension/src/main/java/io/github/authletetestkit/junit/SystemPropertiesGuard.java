package io.github.authletetestkit.junit;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * System properties exist once per JVM: a mock that publishes them must not run beside another test that JUnit
 * may run at the same time, or the two mocks overwrite each other's base URL. Unless the class holds JUnit's
 * {@link Resources#SYSTEM_PROPERTIES} lock (or is {@link Isolated}), publishing is refused when parallel execution
 * is on and the class, or with {@link ServerLifecycle#PER_METHOD} its tests, run concurrently.
 */
final class SystemPropertiesGuard {

    static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";
    static final String MODE_DEFAULT = "junit.jupiter.execution.parallel.mode.default";
    static final String MODE_CLASSES_DEFAULT = "junit.jupiter.execution.parallel.mode.classes.default";

    private SystemPropertiesGuard() {
    }

    /** @throws ExtensionConfigurationException when publishing could race with another test */
    static void check(ExtensionContext context, MockConfig config) {
        if (!config.systemProperties() || !parameter(context, PARALLEL_ENABLED).map(Boolean::parseBoolean).orElse(false)) {
            return;
        }
        Class<?> testClass = context.getRequiredTestClass();
        if (locked(testClass)) {
            return;
        }
        ExecutionMode methodDefault = mode(parameter(context, MODE_DEFAULT)).orElse(ExecutionMode.SAME_THREAD);
        ExecutionMode classMode = declared(testClass).or(() -> mode(parameter(context, MODE_CLASSES_DEFAULT))).orElse(methodDefault);
        ExecutionMode methodMode = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, Execution.class))
                .map(Execution::value).or(() -> declared(testClass)).orElse(methodDefault);
        boolean concurrent = classMode == ExecutionMode.CONCURRENT
                || (config.lifecycle() == ServerLifecycle.PER_METHOD && methodMode == ExecutionMode.CONCURRENT);
        if (concurrent) {
            throw new ExtensionConfigurationException(testClass.getName() + " publishes the mock as system properties "
                    + "(systemProperties = true), but JUnit runs it in parallel with other tests (" + PARALLEL_ENABLED
                    + "=true, execution mode CONCURRENT): system properties exist once per JVM, so another mock could "
                    + "overwrite them mid-test. Annotate the class with @ResourceLock(Resources.SYSTEM_PROPERTIES) (or "
                    + "@Isolated) to run it alone, or leave systemProperties off and hand the settings over from the "
                    + "AuthleteMock (e.g. Spring's @DynamicPropertySource with mock.baseUrl()).");
        }
    }

    /** The class or an enclosing class holds the system-properties lock for writing, or runs isolated. */
    private static boolean locked(Class<?> testClass) {
        for (Class<?> c : NestedClasses.outward(testClass)) {
            if (AnnotationSupport.isAnnotated(c, Isolated.class)) {
                return true;
            }
            boolean writeLock = AnnotationSupport.findRepeatableAnnotations(c, ResourceLock.class).stream()
                    .anyMatch(lock -> Resources.SYSTEM_PROPERTIES.equals(lock.value()) && lock.mode() == ResourceAccessMode.READ_WRITE);
            if (writeLock) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ExecutionMode> declared(Class<?> testClass) {
        for (Class<?> c : NestedClasses.outward(testClass)) {
            Optional<Execution> execution = AnnotationSupport.findAnnotation(c, Execution.class);
            if (execution.isPresent()) {
                return Optional.of(execution.get().value());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> parameter(ExtensionContext context, String key) {
        return context.getConfigurationParameter(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static Optional<ExecutionMode> mode(Optional<String> value) {
        return value.map(v -> v.toUpperCase(Locale.ROOT)).flatMap(v -> {
            try {
                return Optional.of(ExecutionMode.valueOf(v));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
