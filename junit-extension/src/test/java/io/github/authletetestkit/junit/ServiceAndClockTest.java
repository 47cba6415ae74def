package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import com.authlete.common.dto.IntrospectionRequest;
import com.authlete.common.dto.IntrospectionResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Service settings through the handle, and the clock that makes tokens expire. */
@AuthleteMockTest
class ServiceAndClockTest {

    @Test
    void serviceSettingsChangeWhatTheMockIssues(AuthleteMock mock) {
        mock.updateService(Map.of("accessTokenDuration", 60));
        RegisteredClient client = mock.createClient(ClientSpec.confidential().grantTypes("CLIENT_CREDENTIALS").responseTypes());

        TokenResponse token = ClientHelpersTest.clientCredentials(mock.authleteApi(), client);

        assertThat(mock.service().accessTokenDuration()).isEqualTo(60);
        assertThat(token.getAccessTokenDuration()).isEqualTo(60);
        assertThat(mock.authleteApi().getService(mock.serviceId()).getAccessTokenDuration()).isEqualTo(60);
    }

    @Test
    void updatesMergeLikeServiceUpdate(AuthleteMock mock) {
        List<String> grantTypesBefore = mock.service().supportedGrantTypes();

        mock.updateService("{\"issuer\": \"https://login.example.com\", \"supportedScopes\": [{\"name\": \"pay\"}]}");

        assertThat(mock.issuer()).isEqualTo("https://login.example.com");
        assertThat(mock.service().supportedScopes()).extracting("name").containsExactly("pay");
        assertThat(mock.service().supportedGrantTypes()).isEqualTo(grantTypesBefore);
    }

    @Test
    void unknownAndReadOnlyMembersAreRefused(AuthleteMock mock) {
        assertThatThrownBy(() -> mock.updateService(Map.of("accessTokenDuraton", 60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did you mean 'accessTokenDuration'?");
        assertThatThrownBy(() -> mock.updateService(Map.of("apiKey", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> mock.updateService("[1]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void advancingTheClockExpiresAccessTokens(AuthleteMock mock) {
        mock.updateService(Map.of("accessTokenDuration", 300));
        RegisteredClient client = mock.createClient(ClientSpec.confidential().grantTypes("CLIENT_CREDENTIALS").responseTypes());
        String accessToken = ClientHelpersTest.clientCredentials(mock.authleteApi(), client).getAccessToken();

        IntrospectionResponse fresh = mock.authleteApi().introspection(new IntrospectionRequest().setToken(accessToken));
        mock.advanceClock(Duration.ofMinutes(6));
        IntrospectionResponse expired = mock.authleteApi().introspection(new IntrospectionRequest().setToken(accessToken));

        assertThat(fresh.getAction()).isEqualTo(IntrospectionResponse.Action.OK);
        assertThat(expired.getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
    }

    @Test
    void theClockCanBeSetAndFrozen(AuthleteMock mock) {
        Instant newYear = Instant.parse("2030-01-01T00:00:00Z");

        mock.clock().freeze().set(newYear);

        assertThat(mock.clock().instant()).isEqualTo(newYear);
        mock.advanceClock(Duration.ofSeconds(5));
        assertThat(mock.clock().instant()).isEqualTo(newYear.plusSeconds(5));
    }

    @Test
    void propertiesUseTheSdkNames(AuthleteMock mock) {
        assertThat(mock.properties()).containsExactly(
                Map.entry("authlete.base_url", mock.baseUrl()),
                Map.entry("authlete.api_version", "V3"),
                Map.entry("authlete.service.api_key", Long.toString(mock.serviceId())),
                Map.entry("authlete.service.access_token", mock.serviceToken()),
                Map.entry("authlete.service_owner.access_token", mock.orgToken()));
    }

    @Test
    void tokenRequestsUseTheServiceToken(AuthleteMock mock) {
        TokenResponse unknownClient = mock.authleteApi().token(new TokenRequest()
                .setParameters("grant_type=client_credentials").setClientId("1").setClientSecret("x"));

        assertThat(unknownClient.getAction()).isEqualTo(TokenResponse.Action.INVALID_CLIENT);
    }
}
