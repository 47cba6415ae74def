package io.github.authletetestkit.junit;

import java.util.Map;
import java.util.concurrent.Callable;

/** Run by OptionalDependenciesTest in a class loader without JUnit: the container class needs none. */
public final class ContainerWithoutJUnitScenario implements Callable<Map<String, String>> {

    @Override
    public Map<String, String> call() throws Exception {
        try {
            Class.forName("org.junit.jupiter.api.Test", false, getClass().getClassLoader());
            throw new IllegalStateException("JUnit is visible");
        } catch (ClassNotFoundException expected) {
            // as on a classpath without JUnit
        }
        AuthleteMockContainer container = new AuthleteMockContainer().withServiceId(7).withStrict(false);
        return Map.copyOf(container.getEnvMap());
    }
}
