package io.github.authletetestkit.junit;

import io.github.authletetestkit.mock.AuthleteMockServer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs an Authlete API mock for the test class: tests get an {@link AuthleteMock} as a constructor,
 * lifecycle-method or test-method parameter, or in a field of that type.
 *
 * <pre>{@code
 * @AuthleteMockTest
 * class IntrospectionTest {
 *     @Test
 *     void unknownTokenIsUnauthorized(AuthleteMock mock) {
 *         IntrospectionResponse response = mock.authleteApi().introspection(new IntrospectionRequest().setToken("x"));
 *         assertThat(response.getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
 *     }
 * }
 * }</pre>
 *
 * By default one server serves the class and goes back to its baseline before every test
 * ({@link ServerLifecycle#PER_CLASS}); strict mode is on, so a response of the mock that violates the
 * spec fails the test that caused it. For configuration in code, register an {@link AuthleteMockExtension}
 * with {@code @RegisterExtension} instead (not both). {@link SeedClient} on the class registers clients
 * that every test can use.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(AuthleteMockExtension.class)
public @interface AuthleteMockTest {

    /** One server per class, reset before each test (default), or a fresh server per test method. */
    ServerLifecycle lifecycle() default ServerLifecycle.PER_CLASS;

    /** The port; 0 (the default) picks a free one, which is what parallel test classes need. */
    int port() default 0;

    /** The default service's ID. */
    long serviceId() default AuthleteMockServer.DEFAULT_SERVICE_ID;

    String serviceToken() default AuthleteMockServer.DEFAULT_SERVICE_TOKEN;

    String orgToken() default AuthleteMockServer.DEFAULT_ORG_TOKEN;

    String issuer() default AuthleteMockServer.DEFAULT_ISSUER;

    /** Settings of the default service as a JSON object, merged over the mock's defaults: {@code "{\"accessTokenDuration\": 60}"}. */
    String service() default "";

    /** The OpenAPI document to route and validate by (file, URL or {@code classpath:}); empty for the bundled spec. */
    String spec() default "";

    /** A response that violates the spec is answered with a 500 and fails the test. */
    boolean strict() default true;

    /** Check requests and responses against the spec at all. */
    boolean validation() default true;

    /**
     * Publish the base URL and credentials as system properties ({@link AuthleteMock#properties()}) while the server runs.
     * They exist once per JVM: with parallel execution on, a class that runs concurrently must also carry
     * {@code @ResourceLock(Resources.SYSTEM_PROPERTIES)} (or {@code @Isolated}); otherwise the extension refuses to start.
     */
    boolean systemProperties() default false;
}
