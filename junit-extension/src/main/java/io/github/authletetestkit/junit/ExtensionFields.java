package io.github.authletetestkit.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The {@code @RegisterExtension} fields that hold an {@link AuthleteMockExtension}, in a test class and the
 * classes enclosing it, and which of them an {@link AuthleteMock} parameter or field belongs to.
 */
final class ExtensionFields {

    private ExtensionFields() {
    }

    /** Every such field, the test class's first, then those of enclosing classes. */
    static List<Field> of(Class<?> testClass) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : NestedClasses.outward(testClass)) {
            fields.addAll(ReflectionSupport.findFields(c,
                    f -> AuthleteMockExtension.class.isAssignableFrom(f.getType()) && f.isAnnotationPresent(RegisterExtension.class),
                    HierarchyTraversalMode.TOP_DOWN));
        }
        return fields;
    }

    /** The name of the field holding {@code extension}, when it can be read now (instance fields need their instance). */
    static Optional<String> nameOf(AuthleteMockExtension extension, ExtensionContext context) {
        for (Field field : of(context.getRequiredTestClass())) {
            if (value(field, context).filter(v -> v == extension).isPresent()) {
                return Optional.of(field.getName());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an {@link AuthleteMock} parameter or field is {@code extension}'s: the one named by its
     * {@link FromExtension}, or, without one, the only extension of the class.
     */
    static boolean belongsTo(AnnotatedElement element, AuthleteMockExtension extension, ExtensionContext context) {
        FromExtension from = element.getAnnotation(FromExtension.class);
        if (from != null) {
            return nameOf(extension, context).filter(from.value()::equals).isPresent();
        }
        return of(context.getRequiredTestClass()).size() <= 1;
    }

    /** The message for an {@link AuthleteMock} that does not say which of several extensions it wants. */
    static String ambiguous(Object target, Class<?> testClass) {
        List<String> names = of(testClass).stream().map(Field::getName).toList();
        return target + " takes an AuthleteMock, but " + testClass.getName() + " registers " + names.size()
                + " AuthleteMockExtensions " + names + ": say which with @FromExtension(\"" + names.get(0) + "\").";
    }

    private static Optional<Object> value(Field field, ExtensionContext context) {
        Optional<Object> owner;
        if (Modifier.isStatic(field.getModifiers())) {
            owner = Optional.empty();
        } else {
            owner = context.getTestInstances().flatMap(instances -> instances.findInstance(field.getDeclaringClass()).map(Object.class::cast));
            if (owner.isEmpty()) {
                return Optional.empty();
            }
        }
        return ReflectionSupport.tryToReadFieldValue(field, owner.orElse(null)).toOptional();
    }
}
