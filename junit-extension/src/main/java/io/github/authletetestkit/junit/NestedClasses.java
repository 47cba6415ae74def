package io.github.authletetestkit.junit;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** A test class and the classes whose settings JUnit applies to it: those enclosing it as {@code @Nested} (inner) classes. */
final class NestedClasses {

    private NestedClasses() {
    }

    /** The test class first, then outward while the class is an inner class; a static nested class stands alone. */
    static List<Class<?>> outward(Class<?> testClass) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = Modifier.isStatic(c.getModifiers()) ? null : c.getEnclosingClass()) {
            classes.add(c);
        }
        return classes;
    }
}
