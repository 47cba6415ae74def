package io.github.authletetestkit.mock.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.internal.model.ServiceDefaults;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.store.ApiCredential;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.internal.store.TokenRecord;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-written seeds: what is optional, what is filled in, and every error with the path of its member. */
class SeedReaderTest {

    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    static final String ORG = "configured-org-token";

    static SeedReader reader() {
        return new SeedReader(NOW, ORG, (id, members) -> ServiceDefaults.service(id, members, Jwks.sharedDefaultKeys(), NOW));
    }

    /** A seed with single quotes for readability. */
    static JsonNode json(String singleQuoted) {
        return Json.parse(singleQuoted.replace('\'', '"'));
    }

    static final String MINIMAL = """
            {'services': [{'serviceId': 1001, 'serviceTokens': ['token-a'],
              'config': {'issuer': 'https://a.example.com'},
              'clients': [{'clientId': 11, 'clientSecret': 'secret-11', 'redirectUris': ['https://app.example.com/cb']}],
              'tokens': [{'accessToken': 'at-1', 'clientId': 11, 'subject': 'alice', 'scopes': ['openid'],
                          'expiresAt': '2026-03-02T00:00:00Z'}]}]}""";

    @Test
    void aMinimalSeedGetsDefaultsForEverythingItLeavesOut() {
        Seed seed = reader().read(json(MINIMAL));

        assertThat(seed.services()).hasSize(1);
        ServiceState service = seed.services().getFirst();
        assertThat(service.serviceId()).isEqualTo(1001);
        assertThat(service.config().issuer()).isEqualTo("https://a.example.com");
        assertThat(service.config().endpoint("tokenEndpoint")).isEqualTo("https://a.example.com/token");
        assertThat(service.config().supportsGrantType("AUTHORIZATION_CODE")).as("the defaults of a new service").isTrue();
        ClientConfig client = service.client(11).orElseThrow();
        assertThat(client.clientSecret()).isEqualTo("secret-11");
        assertThat(client.clientIdAlias()).isEqualTo("11");
        assertThat(client.redirectUris()).containsExactly("https://app.example.com/cb");
        TokenRecord token = service.byAccessToken("at-1").orElseThrow();
        assertThat(token.grant().subject()).isEqualTo("alice");
        assertThat(token.grant().scopes()).containsExactly("openid");
        assertThat(token.grant().grantType()).isEqualTo("AUTHORIZATION_CODE");
        assertThat(token.accessTokenExpiresAt()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(seed.credentials()).containsExactly(ApiCredential.service("token-a", 1001));
        assertThat(seed.clock()).isNull();
    }

    @Test
    void unsetExpiriesAndSecretsComeFromTheServiceAndChance() {
        Seed seed = reader().read(json("""
                {'services': [{'serviceId': 5, 'config': {'accessTokenDuration': 60, 'refreshTokenDuration': 120},
                  'clients': [{'clientId': 1}, {'clientId': 2}],
                  'tokens': [{'accessToken': 'at', 'refreshToken': 'rt', 'clientId': 1}]}]}"""));

        ServiceState service = seed.services().getFirst();
        TokenRecord token = service.byRefreshToken("rt").orElseThrow();
        assertThat(token.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(token.refreshTokenExpiresAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(token.grant().grantType()).as("no subject: the client's own token").isEqualTo("CLIENT_CREDENTIALS");
        assertThat(service.client(1).orElseThrow().clientSecret()).isNotBlank()
                .isNotEqualTo(service.client(2).orElseThrow().clientSecret());
    }

    @Test
    void organizationTokensAndTheClockAreRead() {
        Seed seed = reader().read(json("{'organizationTokens': ['" + ORG + "', 'org-2'], 'clock': {'offset': 'PT2H'}}"));

        assertThat(seed.services()).isEmpty();
        assertThat(seed.credentials()).as("the configured one is not repeated").containsExactly(ApiCredential.organization("org-2"));
        assertThat(seed.clock().offset()).hasHours(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not an object               | []                                                                           | ''
            unknown top-level member    | {'servics': []}                                                              | servics
            unknown service member      | {'services': [{'serviceId': 1, 'client': []}]}                               | services[0].client
            unknown token member        | {'services': [{'serviceId': 1, 'clients': [{'clientId': 2}], 'tokens': [{'accessToken': 'a', 'clientId': 2, 'scope': []}]}]} | services[0].tokens[0].scope
            services not an array       | {'services': {}}                                                             | services
            service id missing          | {'services': [{'serviceTokens': ['t']}]}                                     | services[0].serviceId
            service id a string         | {'services': [{'serviceId': '1'}]}                                           | services[0].serviceId
            service id negative         | {'services': [{'serviceId': -1}]}                                            | services[0].serviceId
            service id above 2^53 - 1   | {'services': [{'serviceId': 9007199254740992}]}                              | services[0].serviceId
            client id above 2^53 - 1    | {'services': [{'serviceId': 1, 'clients': [{'clientId': 9208801604524629}]}]} | services[0].clients[0].clientId
            service null                | {'services': [null]}                                                         | services[0]
            duplicate service id        | {'services': [{'serviceId': 1}, {'serviceId': 1}]}                           | services[1].serviceId
            apiKey disagrees            | {'services': [{'serviceId': 1, 'config': {'apiKey': 2}}]}                    | services[0].config.apiKey
            config not an object        | {'services': [{'serviceId': 1, 'config': 'x'}]}                              | services[0].config
            client id missing           | {'services': [{'serviceId': 1, 'clients': [{'clientName': 'x'}]}]}           | services[0].clients[0].clientId
            client id a string          | {'services': [{'serviceId': 1, 'clients': [{'clientId': 'x'}]}]}             | services[0].clients[0].clientId
            redirect URIs not strings   | {'services': [{'serviceId': 1}, {'serviceId': 2, 'clients': [{'clientId': 3, 'redirectUris': [1]}]}]} | services[1].clients[0].redirectUris
            redirect URI relative       | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3, 'redirectUris': ['https://a.example/cb', '/cb']}]}]} | services[0].clients[0].redirectUris[1]
            redirect URI with fragment  | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3, 'redirectUris': ['https://a.example/cb#f']}]}]} | services[0].clients[0].redirectUris[0]
            numeric alias of another id | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3, 'clientIdAlias': '4'}]}]} | services[0].clients[0].clientIdAlias
            JWK set not valid           | {'services': [{'serviceId': 1, 'config': {'jwks': 'nope'}}]}                 | services[0].config.jwks
            client secret blank         | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3, 'clientSecret': ' '}]}]} | services[0].clients[0].clientSecret
            duplicate client id         | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}, {'clientId': 3}]}]} | services[0].clients[1].clientId
            duplicate client alias      | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3, 'clientIdAlias': 'app'}, {'clientId': 4, 'clientIdAlias': 'app'}]}]} | services[0].clients[1].clientIdAlias
            token without value         | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tokens': [{'clientId': 3}]}]} | services[0].tokens[0].accessToken
            token without client        | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tokens': [{'accessToken': 'a'}]}]} | services[0].tokens[0].clientId
            token of unknown client     | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tokens': [{'accessToken': 'a', 'clientId': 4}]}]} | services[0].tokens[0].clientId
            token scopes not an array   | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tokens': [{'accessToken': 'a', 'clientId': 3, 'scopes': 'openid'}]}]} | services[0].tokens[0].scopes
            token expiry not a date     | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tokens': [{'accessToken': 'a', 'clientId': 3, 'expiresAt': 'tomorrow'}]}]} | services[0].tokens[0].expiresAt
            duplicate access token      | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tokens': [{'accessToken': 'a', 'clientId': 3}, {'accessToken': 'a', 'clientId': 3}]}]} | services[0].tokens[1].accessToken
            revoked without refresh     | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tokens': [{'accessToken': 'a', 'clientId': 3, 'accessTokenRevoked': true}]}]} | services[0].tokens[0].refreshToken
            code of unknown client      | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'authorizationCodes': [{'code': 'c', 'expiresAt': '2030-01-01T00:00:00Z', 'request': {'ticket': 't', 'clientId': 3, 'clientIdAliasUsed': false, 'redirectUriExplicit': true, 'maxAge': 0, 'responseType': 'code', 'scopes': [], 'expiresAt': '2030-01-01T00:00:00Z'}, 'grant': {'clientId': 9, 'scopes': [], 'properties': []}}]}]} | services[0].authorizationCodes[0].grant.clientId
            code without request        | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'authorizationCodes': [{'code': 'c', 'expiresAt': '2030-01-01T00:00:00Z'}]}]} | services[0].authorizationCodes[0].request
            duplicate request URI       | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'pushedRequests': [{'requestUri': 'u', 'clientId': 3, 'parameters': 'x', 'expiresAt': '2030-01-01T00:00:00Z'}, {'requestUri': 'u', 'clientId': 3, 'parameters': 'y', 'expiresAt': '2030-01-01T00:00:00Z'}]}]} | services[0].pushedRequests[1].requestUri
            PAR of unknown client       | {'services': [{'serviceId': 1, 'pushedRequests': [{'requestUri': 'u', 'clientId': 3, 'parameters': 'x', 'expiresAt': '2030-01-01T00:00:00Z'}]}]} | services[0].pushedRequests[0].clientId
            ticket without maxAge       | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tickets': [{'ticket': 't', 'clientId': 3, 'clientIdAliasUsed': false, 'redirectUriExplicit': true, 'responseType': 'code', 'scopes': [], 'expiresAt': '2030-01-01T00:00:00Z'}]}]} | services[0].tickets[0].maxAge
            response mode unknown       | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tickets': [{'ticket': 't', 'clientId': 3, 'clientIdAliasUsed': false, 'redirectUriExplicit': true, 'maxAge': 0, 'responseType': 'code', 'scopes': [], 'responseMode': 'SMOKE', 'expiresAt': '2030-01-01T00:00:00Z'}]}]} | services[0].tickets[0].responseMode
            token resource relative     | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tokens': [{'accessToken': 'a', 'clientId': 3, 'resources': ['/api']}]}]} | services[0].tokens[0].resources
            token audience has fragment | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tokens': [{'accessToken': 'a', 'clientId': 3, 'accessTokenResources': ['https://rs/#f']}]}]} | services[0].tokens[0].accessTokenResources
            token details without type  | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tokens': [{'accessToken': 'a', 'clientId': 3, 'authorizationDetails': [{'actions': []}]}]}]} | services[0].tokens[0].authorizationDetails
            token details not an array  | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tokens': [{'accessToken': 'a', 'clientId': 3, 'authorizationDetails': {'type': 'x'}}]}]} | services[0].tokens[0].authorizationDetails
            token of an unknown grant   | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tokens': [{'accessToken': 'a', 'clientId': 3, 'grantId': 'g'}]}]} | services[0].tokens[0].grantId
            grant of unknown client     | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'grants': [{'grantId': 'g', 'clientId': 4, 'subject': 'alice', 'scopes': [], 'createdAt': '2030-01-01T00:00:00Z', 'updatedAt': '2030-01-01T00:00:00Z'}]}]} | services[0].grants[0].clientId
            grant without subject       | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'grants': [{'grantId': 'g', 'clientId': 3, 'scopes': [], 'createdAt': '2030-01-01T00:00:00Z', 'updatedAt': '2030-01-01T00:00:00Z'}]}]} | services[0].grants[0].subject
            grant without scopes        | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'grants': [{'grantId': 'g', 'clientId': 3, 'subject': 'alice', 'createdAt': '2030-01-01T00:00:00Z', 'updatedAt': '2030-01-01T00:00:00Z'}]}]} | services[0].grants[0].scopes
            duplicate grant id          | {'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'grants': [{'grantId': 'g', 'clientId': 3, 'subject': 'a', 'scopes': [], 'createdAt': '2030-01-01T00:00:00Z', 'updatedAt': '2030-01-01T00:00:00Z'}, {'grantId': 'g', 'clientId': 3, 'subject': 'b', 'scopes': [], 'createdAt': '2030-01-01T00:00:00Z', 'updatedAt': '2030-01-01T00:00:00Z'}]}]} | services[0].grants[1].grantId
            service token twice        | {'services': [{'serviceId': 1, 'serviceTokens': ['t']}, {'serviceId': 2, 'serviceTokens': ['t']}]} | services[1].serviceTokens[0]
            service token is org token  | {'services': [{'serviceId': 1, 'serviceTokens': ['configured-org-token']}]}  | services[0].serviceTokens[0]
            org token blank             | {'organizationTokens': ['']}                                                 | organizationTokens[0]
            clock offset not a duration | {'clock': {'offset': 'an hour'}}                                             | clock.offset
            """)
    void refusesABadSeedNamingTheMember(String what, String seed, String field) {
        assertThatThrownBy(() -> reader().read(json(seed)))
                .as(what)
                .isInstanceOfSatisfying(SeedException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field.isEmpty() ? "" : field + ": ").hasSizeGreaterThan(field.length() + 6);
                });
    }

    @Test
    void anUnknownMemberIsNamedInTheMessage() {
        assertThatThrownBy(() -> reader().read(json("{'services': [{'serviceId': 1, 'clientz': []}]}")))
                .hasMessageStartingWith("services[0].clientz: unknown member 'clientz'")
                .hasMessageContaining("clients");
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() {
        assertThatThrownBy(() -> reader().read(json("{'services': [{'serviceId': 'one'}]}")))
                .hasMessage("services[0].serviceId: must be an integer");
    }

    @Test
    void aPairWhoseAccessTokenWasRevokedInAnOlderDocumentIsRevokedWhole() {
        Seed seed = reader().read(json("{'services': [{'serviceId': 1, 'clients': [{'clientId': 3}], 'tokens': ["
                + "{'accessToken': 'a', 'clientId': 3, 'refreshToken': 'r', 'accessTokenRevoked': true},"
                + "{'accessToken': 'b', 'clientId': 3, 'refreshToken': 's'}]}]}"));

        ServiceState service = seed.services().getFirst();
        assertThat(service.byRefreshToken("r")).isEmpty();
        assertThat(service.byAccessToken("a")).isEmpty();
        assertThat(service.byRefreshToken("s")).isPresent();
    }

    @Test
    void theLargestIdAJavaScriptNumberHoldsIsAccepted() {
        Seed seed = reader().read(json("{'services': [{'serviceId': 9007199254740991, 'clients': [{'clientId': 9007199254740991}]}]}"));

        assertThat(seed.services().getFirst().client(9_007_199_254_740_991L)).isPresent();
    }

    @Test
    void anIdAboveJavaScriptsSafeIntegersSaysWhy() {
        assertThatThrownBy(() -> reader().read(json("{'services': [{'serviceId': 9007199254740992}]}")))
                .hasMessage("services[0].serviceId: must be at most 9007199254740991 (JavaScript's Number.MAX_SAFE_INTEGER),"
                        + " or JavaScript clients cannot hold it");
    }

    @Test
    void theDocumentNameComesFirstWhenGiven() {
        SeedException e = new SeedException("services[0]", "is required").in("/tmp/seed.json");

        assertThat(e).hasMessage("/tmp/seed.json: services[0]: is required");
        assertThat(e.field()).isEqualTo("services[0]");
        assertThat(e.source()).isEqualTo("/tmp/seed.json");
    }

    @Test
    void theReadmesSeedExampleLoads() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Seeds and persistence"));
        String example = section.substring(section.indexOf("```json") + 7, section.indexOf("```", section.indexOf("```json") + 7));

        Seed seed = reader().read(Json.parse(example));

        ServiceState service = seed.services().getFirst();
        assertThat(service.client(11).orElseThrow().clientSecret()).isEqualTo("secret-a");
        assertThat(service.byRefreshToken("rt-alice").orElseThrow().accessToken()).isEqualTo("at-alice");
        assertThat(seed.credentials()).contains(ApiCredential.service("token-a", 1000001), ApiCredential.organization("org-token-2"));
    }
}
