package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * authlete-java-common and Testcontainers are optional dependencies, JUnit is the user's: each part of the
 * module loads with only what it needs.
 */
class OptionalDependenciesTest {

    @Test
    void theExtensionAndTheHandleWorkWithoutTheAuthleteSdk() throws Exception {
        ClassLoader withoutSdk = new IsolatingClassLoader(getClass().getClassLoader(), "com.authlete.");

        String loadedBy = (String) scenario(withoutSdk, SdkFreeScenario.class).call();

        assertThat(loadedBy).isEqualTo("isolating");
        assertThat(withoutSdk.loadClass(AuthleteMock.class.getName())).isNotSameAs(AuthleteMock.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theContainerClassNeedsNoJUnit() throws Exception {
        ClassLoader withoutJUnit = new IsolatingClassLoader(getClass().getClassLoader(), "org.junit.", "org.opentest4j.");

        Map<String, String> env = (Map<String, String>) scenario(withoutJUnit, ContainerWithoutJUnitScenario.class).call();

        assertThat(env).containsEntry("AUTHLETE_MOCK_SERVICE_ID", "7").containsEntry("AUTHLETE_MOCK_STRICT", "false");
    }

    @Test
    void theSdkIsAnOptionalDependencyReachedThroughOneClass() throws Exception {
        // the handle names the SDK only in authleteApi()'s signature; SdkSupport, linked only when the SDK is there, does the rest
        assertThat(AuthleteMock.sdkAvailable(getClass().getClassLoader())).isTrue();
        assertThat(AuthleteMock.sdkAvailable(new IsolatingClassLoader(getClass().getClassLoader(), "com.authlete."))).isFalse();
    }

    private static Callable<?> scenario(ClassLoader loader, Class<?> type) throws Exception {
        return (Callable<?>) loader.loadClass(type.getName()).getDeclaredConstructor().newInstance();
    }
}
