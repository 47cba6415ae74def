package io.github.authletetestkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A client registered when the mock starts and kept through every reset, with the same ID and secret
 * for every test that shares the server; tests get it with {@link AuthleteMock#client(String)}.
 *
 * <pre>{@code
 * @AuthleteMockTest
 * @SeedClient(name = "web")
 * @SeedClient(name = "spa", publicClient = true, pkceRequired = true)
 * class LoginTest {
 *     @Test
 *     void login(AuthleteMock mock) {
 *         RegisteredClient web = mock.client("web");
 *     }
 * }
 * }</pre>
 *
 * Works with {@code @AuthleteMockTest} and with a registered {@link AuthleteMockExtension}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(SeedClient.List.class)
public @interface SeedClient {

    /** The name to find it by, also its {@code clientName}. */
    String name();

    /** A public client instead of a confidential one. */
    boolean publicClient() default false;

    /** Authlete grant types. */
    String[] grantTypes() default {"AUTHORIZATION_CODE", "REFRESH_TOKEN"};

    /** Authlete response types. */
    String[] responseTypes() default {"CODE"};

    String[] redirectUris() default {AuthleteMock.DEFAULT_REDIRECT_URI};

    boolean pkceRequired() default false;

    boolean pkceS256Required() default false;

    boolean parRequired() default false;

    boolean dpopRequired() default false;

    /** Any other members of Authlete's {@code Client}, as a JSON object; they win over the attributes above. */
    String json() default "";

    /** Holds repeated {@code @SeedClient}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @interface List {
        SeedClient[] value();
    }
}
