package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.internal.oauth.Pkce;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /auth/token} for the code grant: the happy path, PKCE and every way a code exchange fails. */
class TokenEndpointTest extends MockServerTestBase {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Test
    void codeExchangeGivesTokensWithLifetimesFromTheService() {
        api.post("/service/update", Map.of("accessTokenDuration", 600, "refreshTokenDuration", 1200));
        Flows.Client client = flows.confidentialClient();

        HttpReply reply = flows.codeFlow(client, "scope", "profile email");

        assertThat(reply.resultCode()).isEqualTo("A050001");
        assertThat(reply.text("accessToken")).hasSize(43);
        assertThat(reply.text("refreshToken")).hasSize(43);
        assertThat(reply.json().get("accessTokenDuration").asLong()).isEqualTo(600);
        assertThat(reply.json().get("refreshTokenDuration").asLong()).isEqualTo(1200);
        assertThat(reply.json().get("accessTokenExpiresAt").asLong())
                .isBetween(mock.clock().epochMillis() + 599_000, mock.clock().epochMillis() + 601_000);
        assertThat(reply.text("subject")).isEqualTo(Flows.SUBJECT);
        assertThat(reply.text("grantType")).isEqualTo("AUTHORIZATION_CODE");
        JsonNode content = reply.content();
        assertThat(content.get("access_token").asText()).isEqualTo(reply.text("accessToken"));
        assertThat(content.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(content.get("expires_in").asLong()).isEqualTo(600);
        assertThat(content.get("scope").asText()).isEqualTo("profile email");
        assertThat(content.get("refresh_token").asText()).isEqualTo(reply.text("refreshToken"));
    }

    @Test
    void codesAreSingleUse() {
        Flows.Client client = flows.confidentialClient();
        String code = flows.code(Flows.codeRequest(client));
        assertThat(flows.exchange(client, code).action()).isEqualTo("OK");

        HttpReply reused = flows.exchange(client, code);

        assertThat(reused.action()).isEqualTo("BAD_REQUEST");
        assertThat(reused.content().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void expiredCodeIsInvalidGrant() {
        Flows.Client client = flows.confidentialClient();
        String code = flows.code(Flows.codeRequest(client));

        mock.clock().advance(Duration.ofMinutes(11));

        assertThat(flows.exchange(client, code).content().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void wrongClientSecretIsInvalidClientAndDoesNotConsumeTheCode() {
        Flows.Client client = flows.confidentialClient();
        String code = flows.code(Flows.codeRequest(client));

        HttpReply wrong = flows.exchange(client.withSecret("wrong"), code);
        HttpReply missing = flows.exchange(client.withSecret(null), code);

        assertThat(wrong.action()).isEqualTo("INVALID_CLIENT");
        assertThat(wrong.content().get("error").asText()).isEqualTo("invalid_client");
        assertThat(missing.action()).isEqualTo("INVALID_CLIENT");
        assertThat(flows.exchange(client, code).action()).isEqualTo("OK");
    }

    @Test
    void unknownClientIsInvalidClient() {
        HttpReply reply = flows.token(new Flows.Client(4242424242424L, "x"), Map.of("grant_type", "authorization_code", "code", "c"));

        assertThat(reply.action()).isEqualTo("INVALID_CLIENT");
    }

    @Test
    void secretInTheBodyWorksAndBothPlacesIsInvalidRequest() {
        Flows.Client client = flows.confidentialClient();
        String code = flows.code(Flows.codeRequest(client));
        Map<String, String> params = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", Flows.REDIRECT_URI,
                "client_id", Long.toString(client.id()), "client_secret", client.secret());

        HttpReply both = flows.token(client, params);
        HttpReply bodyOnly = api.post("/auth/token", Map.of("parameters", MockHttp.form(params)));

        assertThat(both.action()).isEqualTo("BAD_REQUEST");
        assertThat(bodyOnly.action()).isEqualTo("OK");
        assertThat(bodyOnly.text("clientAuthMethod")).isEqualTo("CLIENT_SECRET_POST");
    }

    @Test
    void registeredTokenAuthMethodIsEnforced() {
        Flows.Client client = flows.createClient("CONFIDENTIAL", Map.of("tokenAuthMethod", "CLIENT_SECRET_POST"));

        HttpReply viaBasic = flows.token(client, Map.of("grant_type", "client_credentials"));

        assertThat(viaBasic.action()).isEqualTo("INVALID_CLIENT");
    }

    @Test
    void codeOfAnotherClientIsInvalidGrant() {
        Flows.Client alice = flows.confidentialClient();
        Flows.Client bob = flows.confidentialClient();
        String code = flows.code(Flows.codeRequest(alice));

        assertThat(flows.exchange(bob, code).content().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void redirectUriMustMatchTheAuthorizationRequest() {
        Flows.Client client = flows.confidentialClient();
        String code = flows.code(Flows.codeRequest(client));

        HttpReply missing = flows.token(client, Map.of("grant_type", "authorization_code", "code", code));

        assertThat(missing.content().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void missingGrantTypeOrCodeAndUnsupportedGrantType() {
        Flows.Client client = flows.confidentialClient();

        assertThat(flows.token(client, Map.of("code", "x")).content().get("error").asText()).isEqualTo("invalid_request");
        assertThat(flows.token(client, Map.of("grant_type", "authorization_code")).content().get("error").asText()).isEqualTo("invalid_request");
        assertThat(flows.token(client, Map.of("grant_type", "magic")).content().get("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(api.post("/auth/token", Map.of("parameters", "")).action()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void grantTypeTheClientMayNotUseIsUnauthorizedClient() {
        Flows.Client client = flows.createClient("CONFIDENTIAL", Map.of("grantTypes", List.of("AUTHORIZATION_CODE")));

        HttpReply reply = flows.token(client, Map.of("grant_type", "client_credentials"));

        assertThat(reply.content().get("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void pkceS256RoundTrip() {
        Flows.Client client = flows.confidentialClient();
        String code = flows.code(Flows.codeRequest(client, "code_challenge", Pkce.s256Challenge(VERIFIER), "code_challenge_method", "S256"));

        assertThat(flows.exchange(client, code, "code_verifier", VERIFIER).action()).isEqualTo("OK");
    }

    @Test
    void pkcePlainRoundTripAndMissingMethodMeansPlain() {
        Flows.Client client = flows.confidentialClient();
        String code = flows.code(Flows.codeRequest(client, "code_challenge", VERIFIER));

        assertThat(flows.exchange(client, code, "code_verifier", VERIFIER).action()).isEqualTo("OK");
    }

    @Test
    void wrongOrMissingPkceVerifierIsInvalidGrant() {
        Flows.Client client = flows.confidentialClient();
        Map<String, String> request = Flows.codeRequest(client, "code_challenge", Pkce.s256Challenge(VERIFIER), "code_challenge_method", "S256");

        String wrong = flows.code(request);
        assertThat(flows.exchange(client, wrong, "code_verifier", "x".repeat(43)).content().get("error").asText()).isEqualTo("invalid_grant");
        String missing = flows.code(request);
        assertThat(flows.exchange(client, missing).content().get("error").asText()).isEqualTo("invalid_grant");
        String unasked = flows.code(Flows.codeRequest(client));
        assertThat(flows.exchange(client, unasked, "code_verifier", VERIFIER).content().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void pkceRequiredAndS256RequiredAreEnforcedAtTheAuthorizationEndpoint() {
        Flows.Client client = flows.confidentialClient();
        api.post("/service/update", Map.of("pkceRequired", true));
        assertThat(flows.authorize(Flows.codeRequest(client)).action()).isEqualTo("LOCATION");

        api.post("/service/update", Map.of("pkceS256Required", true));
        assertThat(flows.authorize(Flows.codeRequest(client, "code_challenge", VERIFIER, "code_challenge_method", "plain")).action())
                .isEqualTo("LOCATION");
        String code = flows.code(Flows.codeRequest(client, "code_challenge", Pkce.s256Challenge(VERIFIER), "code_challenge_method", "S256"));
        assertThat(flows.exchange(client, code, "code_verifier", VERIFIER).action()).isEqualTo("OK");
    }

    @Test
    void publicClientExchangesWithoutSecret() {
        Flows.Client client = flows.createClient("PUBLIC", Map.of());
        String code = flows.code(Flows.codeRequest(client, "code_challenge", Pkce.s256Challenge(VERIFIER), "code_challenge_method", "S256"));

        HttpReply reply = flows.exchange(client.withSecret(null), code, "code_verifier", VERIFIER);

        assertThat(reply.action()).isEqualTo("OK");
        assertThat(reply.text("clientAuthMethod")).isEqualTo("NONE");
    }

    @Test
    void extraPropertiesReachTheClientUnlessHidden() {
        Flows.Client client = flows.confidentialClient();
        String ticket = flows.ticket(Flows.codeRequest(client));
        HttpReply issued = flows.issue(ticket, Map.of("properties", List.of(
                Map.of("key", "tenant_id", "value", "acme-corp"),
                Map.of("key", "internal_user_tier", "value", "premium", "hidden", true))));

        HttpReply token = flows.exchange(client, issued.text("authorizationCode"));

        assertThat(token.content().get("tenant_id").asText()).isEqualTo("acme-corp");
        assertThat(token.content().has("internal_user_tier")).isFalse();
        assertThat(token.json().get("properties").findValuesAsText("key")).containsExactly("tenant_id", "internal_user_tier");
        JsonNode introspected = flows.introspect(token.text("accessToken")).json();
        assertThat(introspected.get("properties").get(1).get("hidden").asBoolean()).isTrue();
    }

    @Test
    void singleAccessTokenPerSubjectRevokesTheEarlierOne() {
        api.post("/service/update", Map.of("singleAccessTokenPerSubject", true));
        Flows.Client client = flows.confidentialClient();
        String first = flows.codeFlow(client).text("accessToken");

        String second = flows.codeFlow(client).text("accessToken");

        assertThat(flows.introspect(first).action()).isEqualTo("UNAUTHORIZED");
        assertThat(flows.introspect(second).action()).isEqualTo("OK");
    }
}
