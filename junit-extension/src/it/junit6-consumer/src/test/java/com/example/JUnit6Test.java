package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.dto.IntrospectionRequest;
import com.authlete.common.dto.IntrospectionResponse;
import io.github.authletetestkit.junit.AuthleteMock;
import io.github.authletetestkit.junit.AuthleteMockExtension;
import io.github.authletetestkit.junit.ServerLifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The programmatic extension with a fresh server per test, on JUnit 6. */
class JUnit6Test {

    @RegisterExtension
    static AuthleteMockExtension authlete = AuthleteMockExtension.builder()
            .lifecycle(ServerLifecycle.PER_METHOD)
            .serviceToken("junit6-token")
            .build();

    AuthleteMock fromBeforeEach;

    @BeforeEach
    void setUp(AuthleteMock mock) {
        fromBeforeEach = mock;
    }

    @Test
    void runsOnJUnit6() {
        assertThat(Test.class.getPackage().getImplementationVersion()).isEqualTo(System.getProperty("expected.junit.version"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"first", "second", "third"})
    void everyInvocationHasItsOwnServer(String token, AuthleteMock mock) {
        IntrospectionResponse response = mock.authleteApi().introspection(new IntrospectionRequest().setToken(token));

        assertThat(mock).isSameAs(fromBeforeEach).isSameAs(authlete.mock());
        assertThat(mock.serviceToken()).isEqualTo("junit6-token");
        assertThat(response.getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        assertThat(mock.calls()).hasSize(1);
    }
}
