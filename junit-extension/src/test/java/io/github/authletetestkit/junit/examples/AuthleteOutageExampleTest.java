package io.github.authletetestkit.junit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.authlete.common.api.AuthleteApiException;
import com.authlete.common.dto.IntrospectionRequest;

import io.github.authletetestkit.junit.AuthleteMock;
import io.github.authletetestkit.junit.AuthleteMockTest;
import org.junit.jupiter.api.Test;

/** What the app's resource server does when Authlete answers 503: it fails closed, and recovers. */
@AuthleteMockTest
class AuthleteOutageExampleTest {

    @Test
    void resourceServerAnswers503WhileAuthleteIsDownThen401ForABadToken(AuthleteMock mock) {
        ProtectedResource resource = new ProtectedResource(mock.authleteApi());
        mock.onNext("auth_introspection_api").respond(503);

        assertThat(resource.get("Bearer some-token").status()).isEqualTo(503);
        assertThat(resource.get("Bearer some-token").status()).isEqualTo(401);
        mock.verify().called("auth_introspection_api").withBodyField("token", "some-token").times(2);
    }

    @Test
    void sdkSeesA503(AuthleteMock mock) {
        mock.onNext("auth_introspection_api").respond(503);

        AuthleteApiException failure = catchThrowableOfType(AuthleteApiException.class,
                () -> mock.authleteApi().introspection(new IntrospectionRequest().setToken("some-token")));

        assertThat(failure.getStatusCode()).isEqualTo(503);
        assertThat(failure.getResponseBody()).contains("A001101");
    }
}
