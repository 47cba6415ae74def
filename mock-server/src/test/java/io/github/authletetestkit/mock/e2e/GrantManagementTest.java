package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Grant Management for OAuth 2.0: {@code grant_management_action} and {@code grant_id} at the authorization endpoint,
 * the grant made at the code exchange, and {@code /gm} querying and revoking it.
 */
class GrantManagementTest extends MockServerTestBase {

    private static final String GM_ENDPOINT = "https://as.example.com/grants/";

    /** A code flow whose authorization request carries this grant management action (and grant ID, unless null). */
    private HttpReply tokens(Flows.Client client, String scope, String action, String grantId, String claims) {
        Map<String, String> params = Flows.codeRequest(client, "scope", scope, "grant_management_action", action);
        if (grantId != null) {
            params.put("grant_id", grantId);
        }
        String ticket = flows.ticket(params);
        Map<String, Object> issue = claims == null ? Map.of() : Map.of("claims", claims);
        HttpReply reply = flows.exchange(client, flows.issue(ticket, issue).text("authorizationCode"));
        assertThat(reply.action()).as(reply.toString()).isEqualTo("OK");
        return reply;
    }

    private GrantManagementCalls grants() {
        return new GrantManagementCalls(api, flows);
    }

    private String clientToken(Flows.Client client, String scope) {
        return grants().clientToken(client, scope);
    }

    private HttpReply gm(String accessToken, String gmAction, String grantId) {
        return grants().gm(accessToken, gmAction, grantId);
    }

    private JsonNode query(Flows.Client client, String grantId) {
        return grants().query(client, grantId);
    }

    // ---- the life of a grant

    @Test
    void createMakesAGrantThatTheTokensAndIntrospectionsNameAndAQueryShows() {
        Flows.Client client = flows.confidentialClient();
        HttpReply authorization = flows.authorize(Flows.codeRequest(client, "scope", "openid profile", "grant_management_action", "create"));
        assertThat(authorization.action()).isEqualTo("INTERACTION");
        assertThat(authorization.text("gmAction")).isEqualTo("CREATE");
        assertThat(authorization.json().has("grantId")).isFalse();

        HttpReply token = tokens(client, "openid profile", "create", null, "{\"given_name\":\"Test\"}");
        String grantId = token.text("grantId");

        assertThat(grantId).isNotBlank();
        assertThat(token.content().get("grant_id").asText()).isEqualTo(grantId);
        assertThat(flows.introspect(token.text("accessToken")).text("grantId")).isEqualTo(grantId);
        JsonNode standard = api.post("/auth/introspection/standard", Map.of("parameters", "token=" + token.text("accessToken"))).content();
        assertThat(standard.get("grant_id").asText()).isEqualTo(grantId);

        HttpReply queried = gm(clientToken(client, null), "QUERY", grantId);
        assertThat(queried.status()).isEqualTo(200);
        assertThat(queried.action()).isEqualTo("OK");
        assertThat(queried.resultCode()).isEqualTo("A280001");
        assertThat(queried.content().toString()).isEqualTo("{\"scopes\":[{\"scope\":\"openid profile\"}],\"claims\":[\"given_name\"]}");
    }

    @Test
    void eachCreateMakesAnotherGrantAndTokensWithoutAnActionBelongToNone() {
        Flows.Client client = flows.confidentialClient();

        String first = tokens(client, "profile", "create", null, null).text("grantId");
        String second = tokens(client, "profile", "create", null, null).text("grantId");
        HttpReply plain = flows.codeFlow(client, "scope", "profile");

        assertThat(first).isNotEqualTo(second);
        assertThat(plain.json().has("grantId")).isFalse();
        assertThat(plain.content().has("grant_id")).isFalse();
        assertThat(flows.introspect(plain.text("accessToken")).json().has("grantId")).isFalse();
    }

    @Test
    void mergeAddsScopesAndClaimsToTheSameGrant() {
        Flows.Client client = flows.confidentialClient();
        String grantId = tokens(client, "openid profile", "create", null, "{\"given_name\":\"Test\"}").text("grantId");

        HttpReply authorization = flows.authorize(Flows.codeRequest(client, "scope", "email", "grant_management_action", "merge",
                "grant_id", grantId));
        assertThat(authorization.text("gmAction")).isEqualTo("MERGE");
        assertThat(authorization.text("grantId")).isEqualTo(grantId);
        HttpReply merged = tokens(client, "email", "merge", grantId, "{\"email\":\"test@example.com\"}");

        assertThat(merged.text("grantId")).isEqualTo(grantId);
        assertThat(merged.content().get("grant_id").asText()).isEqualTo(grantId);
        assertThat(query(client, grantId).toString())
                .isEqualTo("{\"scopes\":[{\"scope\":\"openid profile email\"}],\"claims\":[\"given_name\",\"email\"]}");
    }

    @Test
    void replaceSwapsTheScopesOfTheGrant() {
        Flows.Client client = flows.confidentialClient();
        String grantId = tokens(client, "openid profile", "create", null, "{\"given_name\":\"Test\"}").text("grantId");

        HttpReply replaced = tokens(client, "email", "replace", grantId, null);

        assertThat(replaced.text("grantId")).isEqualTo(grantId);
        assertThat(query(client, grantId).toString()).isEqualTo("{\"scopes\":[{\"scope\":\"email\"}],\"claims\":[]}");
    }

    @Test
    void revokeDeletesTheGrantAndDeactivatesEveryTokenIssuedUnderIt() {
        Flows.Client client = flows.confidentialClient();
        HttpReply created = tokens(client, "profile", "create", null, null);
        String grantId = created.text("grantId");
        HttpReply merged = tokens(client, "email", "merge", grantId, null);
        HttpReply unrelated = flows.codeFlow(client, "scope", "profile");
        String managementToken = clientToken(client, null);

        HttpReply revoked = gm(managementToken, "REVOKE", grantId);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.action()).isEqualTo("NO_CONTENT");
        assertThat(revoked.resultCode()).isEqualTo("A280002");
        for (HttpReply token : List.of(created, merged)) {
            assertThat(flows.introspect(token.text("accessToken")).action()).isEqualTo("UNAUTHORIZED");
            assertThat(api.post("/auth/introspection/standard", Map.of("parameters", "token=" + token.text("accessToken"))).content()
                    .get("active").asBoolean()).isFalse();
            assertThat(flows.token(client, Map.of("grant_type", "refresh_token", "refresh_token", token.text("refreshToken"))).oauthError())
                    .isEqualTo("invalid_grant");
        }
        assertThat(flows.introspect(unrelated.text("accessToken")).action()).as("a token of no grant").isEqualTo("OK");
        assertThat(gm(managementToken, "QUERY", grantId).action()).isEqualTo("NOT_FOUND");
        HttpReply again = gm(managementToken, "REVOKE", grantId);
        assertThat(again.action()).isEqualTo("NOT_FOUND");
        assertThat(again.oauthError()).isEqualTo("invalid_grant_id");
    }

    @Test
    void aRefreshedTokenStaysInItsGrantAndIsRevokedWithIt() {
        Flows.Client client = flows.confidentialClient();
        HttpReply created = tokens(client, "profile", "create", null, null);
        String grantId = created.text("grantId");

        HttpReply refreshed = flows.token(client, Map.of("grant_type", "refresh_token", "refresh_token", created.text("refreshToken")));
        assertThat(refreshed.text("grantId")).isEqualTo(grantId);
        assertThat(gm(clientToken(client, null), "REVOKE", grantId).action()).isEqualTo("NO_CONTENT");

        assertThat(flows.introspect(refreshed.text("accessToken")).action()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aMergeIntoAGrantRevokedAfterTheAuthorizationRequestIsRefusedAtTheCodeExchange() {
        Flows.Client client = flows.confidentialClient();
        String grantId = tokens(client, "profile", "create", null, null).text("grantId");
        String code = flows.code(Flows.codeRequest(client, "scope", "email", "grant_management_action", "merge", "grant_id", grantId));
        gm(clientToken(client, null), "REVOKE", grantId);

        HttpReply exchanged = flows.exchange(client, code);

        assertThat(exchanged.action()).isEqualTo("BAD_REQUEST");
        assertThat(exchanged.oauthError()).isEqualTo("invalid_grant");
        assertThat(gm(clientToken(client, null), "QUERY", grantId).action()).as("no grant came back").isEqualTo("NOT_FOUND");
    }

    @Test
    void anotherEndUserCannotMergeIntoTheGrant() {
        Flows.Client client = flows.confidentialClient();
        String grantId = tokens(client, "profile", "create", null, null).text("grantId");
        String ticket = flows.ticket(Flows.codeRequest(client, "scope", "email", "grant_management_action", "merge", "grant_id", grantId));
        String code = flows.issue(ticket, Map.of("subject", "someone-else")).text("authorizationCode");

        assertThat(flows.exchange(client, code).oauthError()).isEqualTo("invalid_grant");
        assertThat(query(client, grantId).toString()).contains("\"profile\"").doesNotContain("email");
    }

    // ---- tokens issued from the authorization endpoint

    /** An authorization request of {@code responseType} with this action (and grant ID, unless null), approved. */
    private HttpReply issued(Flows.Client client, String responseType, String scope, String action, String grantId, String subject) {
        Map<String, String> params = Flows.codeRequest(client, "response_type", responseType, "scope", scope,
                "grant_management_action", action);
        if (grantId != null) {
            params.put("grant_id", grantId);
        }
        return flows.issue(flows.ticket(params), Map.of("subject", subject));
    }

    private String grantOf(String accessToken) {
        HttpReply introspected = flows.introspect(accessToken);
        assertThat(introspected.action()).as(introspected.toString()).isEqualTo("OK");
        return introspected.text("grantId");
    }

    @Test
    void anImplicitCreateMakesTheGrantTheAccessTokenBelongsTo() {
        Flows.Client client = flows.confidentialClient();

        HttpReply issued = issued(client, "token", "profile", "create", null, Flows.SUBJECT);

        assertThat(issued.action()).as(issued.toString()).isEqualTo("LOCATION");
        String location = issued.text("responseContent");
        String accessToken = Flows.redirectParam(location, "access_token");
        String grantId = grantOf(accessToken);
        assertThat(grantId).isNotBlank();
        assertThat(Flows.redirectParam(location, "grant_id")).as("the draft defines grant_id for the token response only").isNull();
        assertThat(query(client, grantId).toString()).isEqualTo("{\"scopes\":[{\"scope\":\"profile\"}],\"claims\":[]}");
        assertThat(gm(clientToken(client, null), "REVOKE", grantId).action()).isEqualTo("NO_CONTENT");
        assertThat(flows.introspect(accessToken).action()).as("revoked with its grant").isEqualTo("UNAUTHORIZED");
    }

    @Test
    void implicitMergeAndReplaceChangeTheGrantAndTheirTokensJoinIt() {
        Flows.Client client = flows.confidentialClient();
        String grantId = tokens(client, "profile", "create", null, null).text("grantId");

        String merged = issued(client, "token", "email", "merge", grantId, Flows.SUBJECT).text("accessToken");
        String mergedScopes = query(client, grantId).toString();
        String replaced = issued(client, "token", "address", "replace", grantId, Flows.SUBJECT).text("accessToken");

        assertThat(grantOf(merged)).isEqualTo(grantId);
        assertThat(mergedScopes).isEqualTo("{\"scopes\":[{\"scope\":\"profile email\"}],\"claims\":[]}");
        assertThat(grantOf(replaced)).isEqualTo(grantId);
        assertThat(query(client, grantId).toString()).isEqualTo("{\"scopes\":[{\"scope\":\"address\"}],\"claims\":[]}");
    }

    @Test
    void aHybridCreateMakesOneGrantThatTheTokensOfTheCodeJoin() {
        Flows.Client client = flows.confidentialClient();
        HttpReply issued = issued(client, "code token", "profile", "create", null, Flows.SUBJECT);
        String grantId = grantOf(issued.text("accessToken"));

        HttpReply exchanged = flows.exchange(client, issued.text("authorizationCode"));

        assertThat(grantId).isNotBlank();
        assertThat(exchanged.action()).as(exchanged.toString()).isEqualTo("OK");
        assertThat(exchanged.text("grantId")).as("the code does not create a second grant").isEqualTo(grantId);
        assertThat(exchanged.content().get("grant_id").asText()).isEqualTo(grantId);
        assertThat(gm(clientToken(client, null), "REVOKE", grantId).action()).isEqualTo("NO_CONTENT");
        assertThat(flows.introspect(issued.text("accessToken")).action()).isEqualTo("UNAUTHORIZED");
        assertThat(flows.introspect(exchanged.text("accessToken")).action()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aHybridMergeIsAppliedOnceAtTheIssueAndTheCodeJoinsTheGrant() {
        Flows.Client client = flows.confidentialClient();
        String grantId = tokens(client, "profile", "create", null, null).text("grantId");
        HttpReply issued = issued(client, "code token", "email", "merge", grantId, Flows.SUBJECT);
        String merged = query(client, grantId).toString();

        HttpReply exchanged = flows.exchange(client, issued.text("authorizationCode"));

        assertThat(merged).as("merged at the issue, before the code").contains("profile email");
        assertThat(exchanged.text("grantId")).isEqualTo(grantId);
        assertThat(query(client, grantId).toString()).isEqualTo(merged);
    }

    @Test
    void theCodeOfAHybridResponseIsRefusedOnceItsGrantWasRevoked() {
        Flows.Client client = flows.confidentialClient();
        HttpReply issued = issued(client, "code token", "profile", "create", null, Flows.SUBJECT);
        String grantId = grantOf(issued.text("accessToken"));
        gm(clientToken(client, null), "REVOKE", grantId);

        HttpReply exchanged = flows.exchange(client, issued.text("authorizationCode"));

        assertThat(exchanged.action()).isEqualTo("BAD_REQUEST");
        assertThat(exchanged.oauthError()).isEqualTo("invalid_grant");
        assertThat(gm(clientToken(client, null), "QUERY", grantId).action()).as("no grant came back").isEqualTo("NOT_FOUND");
    }

    @Test
    void aHybridResponseWithoutAnAccessTokenLeavesTheActionToTheCodeExchange() {
        Flows.Client client = flows.confidentialClient();
        Map<String, String> params = Flows.codeRequest(client, "response_type", "code id_token", "scope", "openid profile",
                "nonce", "n", "grant_management_action", "create");
        HttpReply issued = flows.issue(flows.ticket(params), Map.of());

        HttpReply exchanged = flows.exchange(client, issued.text("authorizationCode"));

        assertThat(issued.json().has("accessToken")).isFalse();
        assertThat(exchanged.action()).as(exchanged.toString()).isEqualTo("OK");
        assertThat(query(client, exchanged.text("grantId")).toString()).contains("openid profile");
    }

    @Test
    void anImplicitMergeIntoAGrantRevokedAfterTheRequestIsSentBackAsInvalidGrantId() {
        Flows.Client client = flows.confidentialClient();
        String grantId = tokens(client, "profile", "create", null, null).text("grantId");
        String ticket = flows.ticket(Flows.codeRequest(client, "response_type", "token", "scope", "email",
                "grant_management_action", "merge", "grant_id", grantId));
        gm(clientToken(client, null), "REVOKE", grantId);

        HttpReply issued = flows.issue(ticket, Map.of());

        assertThat(issued.action()).as(issued.toString()).isEqualTo("LOCATION");
        assertThat(issued.resultCode()).isEqualTo("A040303");
        assertThat(issued.json().has("accessToken")).isFalse();
        String location = issued.text("responseContent");
        assertThat(Flows.redirectParam(location, "error")).isEqualTo("invalid_grant_id");
        assertThat(Flows.redirectParam(location, "state")).isEqualTo("testState");
        assertThat(Flows.redirectParam(location, "access_token")).isNull();
        assertThat(gm(clientToken(client, null), "QUERY", grantId).action()).as("no grant came back").isEqualTo("NOT_FOUND");
    }

    @Test
    void anotherEndUserCannotMergeIntoTheGrantFromTheAuthorizationEndpoint() {
        Flows.Client client = flows.confidentialClient();
        String grantId = tokens(client, "profile", "create", null, null).text("grantId");

        HttpReply issued = issued(client, "code token", "email", "merge", grantId, "someone-else");

        assertThat(Flows.redirectParam(issued.text("responseContent"), "error")).isEqualTo("invalid_grant_id");
        assertThat(issued.json().has("authorizationCode")).as("no code either").isFalse();
        assertThat(query(client, grantId).toString()).contains("\"profile\"").doesNotContain("email");
    }

    @Test
    void anIdTokenThatCannotBeSignedLeavesTheGrantAndTheTokensAsTheyWere() {
        Flows.Client client = flows.confidentialClient();
        String grantId = tokens(client, "profile", "create", null, null).text("grantId");
        String ticket = flows.ticket(Flows.codeRequest(client, "response_type", "id_token token", "scope", "openid email", "nonce", "n",
                "grant_management_action", "merge", "grant_id", grantId));
        api.post("/service/update", Map.of("jwks", ""));

        HttpReply issued = flows.issue(ticket, Map.of("accessToken", "would-be-token"));

        assertThat(issued.action()).as(issued.toString()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(flows.introspect("would-be-token").action()).as("no token was minted").isEqualTo("UNAUTHORIZED");
        assertThat(query(client, grantId).toString()).as("nothing was merged").doesNotContain("email");
    }

    // ---- pushed authorization requests

    private String pushed(Flows.Client client, Map<String, String> params) {
        HttpReply pushed = api.post("/pushed_auth_req", Map.of("parameters", MockHttp.form(params), "clientId", Long.toString(client.id()),
                "clientSecret", client.secret()));
        assertThat(pushed.action()).as(pushed.toString()).isEqualTo("CREATED");
        return pushed.text("requestUri");
    }

    @Test
    void pushedGrantManagementParametersTakeEffectThroughTheRequestUri() {
        Flows.Client client = flows.confidentialClient();
        String createUri = pushed(client, Flows.codeRequest(client, "scope", "profile", "grant_management_action", "create"));
        HttpReply createAuthorization = flows.authorize(Map.of("client_id", Long.toString(client.id()), "request_uri", createUri));
        String grantId = flows.exchange(client, flows.issue(createAuthorization.text("ticket"), Map.of()).text("authorizationCode"))
                .text("grantId");
        String mergeUri = pushed(client, Flows.codeRequest(client, "scope", "email", "grant_management_action", "merge", "grant_id", grantId));
        HttpReply mergeAuthorization = flows.authorize(Map.of("client_id", Long.toString(client.id()), "request_uri", mergeUri));

        HttpReply merged = flows.exchange(client, flows.issue(mergeAuthorization.text("ticket"), Map.of()).text("authorizationCode"));

        assertThat(createAuthorization.text("gmAction")).isEqualTo("CREATE");
        assertThat(grantId).isNotBlank();
        assertThat(mergeAuthorization.text("gmAction")).isEqualTo("MERGE");
        assertThat(mergeAuthorization.text("grantId")).isEqualTo(grantId);
        assertThat(merged.text("grantId")).isEqualTo(grantId);
        assertThat(query(client, grantId).toString()).contains("profile email");
    }

    // ---- /gm refusals

    @Test
    void unknownOrExpiredTokensAreUnauthorized() {
        Flows.Client client = flows.confidentialClient();
        String grantId = tokens(client, "profile", "create", null, null).text("grantId");
        String managementToken = clientToken(client, null);

        HttpReply unknown = gm("no-such-token", "QUERY", grantId);
        HttpReply missing = gm(null, "REVOKE", grantId);
        mock.clock().advance(Duration.ofSeconds(api.get("/service/get").json().get("accessTokenDuration").asLong() + 1));
        HttpReply expired = gm(managementToken, "QUERY", grantId);

        for (HttpReply reply : List.of(unknown, missing, expired)) {
            assertThat(reply.action()).as(reply.toString()).isEqualTo("UNAUTHORIZED");
            assertThat(reply.text("responseContent")).startsWith("Bearer error=\"invalid_token\"");
        }
        assertThat(unknown.resultCode()).isEqualTo("A280301");
    }

    @Test
    void anotherClientsTokenIsForbidden() {
        Flows.Client owner = flows.confidentialClient();
        Flows.Client other = flows.confidentialClient();
        String grantId = tokens(owner, "profile", "create", null, null).text("grantId");
        String othersToken = clientToken(other, null);

        for (String action : List.of("QUERY", "REVOKE")) {
            HttpReply reply = gm(othersToken, action, grantId);
            assertThat(reply.action()).as(reply.toString()).isEqualTo("FORBIDDEN");
            assertThat(reply.resultCode()).isEqualTo("A280304");
        }
        assertThat(query(owner, grantId).get("scopes")).as("the refused revocation left the grant").hasSize(1);
    }

    @Test
    void whereTheServiceDefinesTheManagementScopesTheTokenNeedsTheRightOne() {
        List<Object> scopes = new ArrayList<>();
        for (String name : List.of("openid", "profile", "grant_management_query", "grant_management_revoke")) {
            scopes.add(Map.of("name", name));
        }
        api.post("/service/update", Map.of("supportedScopes", scopes));
        Flows.Client client = flows.confidentialClient();
        String grantId = tokens(client, "profile", "create", null, null).text("grantId");
        String queryOnly = clientToken(client, "grant_management_query");
        String revokeOnly = clientToken(client, "grant_management_revoke");

        HttpReply queryWithoutScope = gm(revokeOnly, "QUERY", grantId);
        HttpReply revokeWithoutScope = gm(queryOnly, "REVOKE", grantId);

        assertThat(queryWithoutScope.action()).isEqualTo("FORBIDDEN");
        assertThat(queryWithoutScope.oauthError()).isEqualTo("insufficient_scope");
        assertThat(revokeWithoutScope.action()).isEqualTo("FORBIDDEN");
        assertThat(gm(queryOnly, "QUERY", grantId).action()).isEqualTo("OK");
        assertThat(gm(revokeOnly, "REVOKE", grantId).action()).isEqualTo("NO_CONTENT");
    }

    @Test
    void anUnknownGrantIsNotFound() {
        Flows.Client client = flows.confidentialClient();
        String managementToken = clientToken(client, null);

        for (String action : List.of("QUERY", "REVOKE")) {
            HttpReply reply = gm(managementToken, action, "no-such-grant");
            assertThat(reply.action()).as(reply.toString()).isEqualTo("NOT_FOUND");
            assertThat(reply.resultCode()).isEqualTo("A280305");
        }
    }

    @Test
    void aRequestWithoutActionOrGrantIdOrWithAnAuthorizationActionIsTheCallersError() {
        Flows.Client client = flows.confidentialClient();
        String grantId = tokens(client, "profile", "create", null, null).text("grantId");
        String managementToken = clientToken(client, null);

        HttpReply noAction = gm(managementToken, null, grantId);
        HttpReply noGrantId = gm(managementToken, "QUERY", null);
        HttpReply emptyGrantId = gm(managementToken, "REVOKE", "");
        HttpReply create = gm(managementToken, "CREATE", grantId);
        HttpReply merge = gm(managementToken, "MERGE", grantId);

        for (HttpReply reply : List.of(noAction, noGrantId, emptyGrantId, create, merge)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.action()).as(reply.toString()).isEqualTo("CALLER_ERROR");
            assertThat(reply.resultCode()).matches("A2802\\d\\d");
            assertThat(reply.text("resultMessage")).startsWith("[" + reply.resultCode() + "] ");
        }
        assertThat(noAction.text("resultMessage")).contains("'gmAction'");
        assertThat(create.text("resultMessage")).contains("CREATE");
        assertThat(noGrantId.text("resultMessage")).contains("'grantId'");
        assertThat(query(client, grantId).get("scopes")).as("nothing was revoked").hasSize(1);
        assertThat(gm(managementToken, "DELETE", grantId).status()).as("not a GrantManagementAction at all").isEqualTo(400);
    }

    @Test
    void aDpopBoundTokenNeedsAProofOfItsKey() throws Exception {
        Flows.Client client = flows.confidentialClient();
        String grantId = tokens(client, "profile", "create", null, null).text("grantId");
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        Map<String, Object> tokenRequest = new LinkedHashMap<>();
        tokenRequest.put("parameters", MockHttp.form(Map.of("grant_type", "client_credentials")));
        tokenRequest.put("clientId", Long.toString(client.id()));
        tokenRequest.put("clientSecret", client.secret());
        tokenRequest.put("dpop", DpopProofMaker.proof(key, "POST", "https://as.example.com/token", null, mock.clock().instant()));
        tokenRequest.put("htm", "POST");
        tokenRequest.put("htu", "https://as.example.com/token");
        String bound = api.post("/auth/token", tokenRequest).text("accessToken");

        HttpReply withoutProof = gm(bound, "QUERY", grantId);
        HttpReply withProof = api.post("/gm", Map.of("accessToken", bound, "gmAction", "QUERY", "grantId", grantId, "htm", "GET",
                "htu", GM_ENDPOINT + grantId,
                "dpop", DpopProofMaker.proof(key, "GET", GM_ENDPOINT + grantId, bound, mock.clock().instant())));

        assertThat(withoutProof.action()).isEqualTo("UNAUTHORIZED");
        assertThat(withoutProof.text("responseContent")).startsWith("DPoP error=\"invalid_token\"");
        assertThat(withProof.action()).as(withProof.toString()).isEqualTo("OK");
    }

    // ---- authorization-time rejections

    @Test
    void badGrantManagementParametersAreSentBackToTheClient() {
        Flows.Client client = flows.confidentialClient();
        Flows.Client other = flows.confidentialClient();
        String othersGrant = tokens(other, "profile", "create", null, null).text("grantId");
        String ownGrant = tokens(client, "profile", "create", null, null).text("grantId");

        assertRedirectedError(client, "invalid_request", "grant_management_action", "update");
        assertRedirectedError(client, "invalid_request", "grant_management_action", "merge");
        assertRedirectedError(client, "invalid_request", "grant_management_action", "replace");
        assertRedirectedError(client, "invalid_request", "grant_management_action", "create", "grant_id", ownGrant);
        assertRedirectedError(client, "invalid_request", "grant_id", ownGrant);
        assertRedirectedError(client, "invalid_grant_id", "grant_management_action", "merge", "grant_id", "no-such-grant");
        assertRedirectedError(client, "invalid_grant_id", "grant_management_action", "replace", "grant_id", othersGrant);
    }

    @Test
    void aServiceThatRequiresAnActionRefusesRequestsWithoutOne() {
        api.post("/service/update", Map.of("grantManagementActionRequired", true));
        Flows.Client client = flows.confidentialClient();

        assertRedirectedError(client, "invalid_request");
        assertThat(flows.authorize(Flows.codeRequest(client, "grant_management_action", "create")).action()).isEqualTo("INTERACTION");
    }

    @Test
    void aPushedRequestWithABadGrantIdIsRefusedAtThePushWithTheErrorInTheBody() {
        Flows.Client client = flows.confidentialClient();
        HttpReply pushed = api.post("/pushed_auth_req", Map.of("parameters", MockHttp.form(Flows.codeRequest(client,
                "grant_management_action", "merge", "grant_id", "no-such-grant")), "clientId", Long.toString(client.id()),
                "clientSecret", client.secret()));

        assertThat(pushed.action()).isEqualTo("BAD_REQUEST");
        assertThat(pushed.oauthError()).isEqualTo("invalid_grant_id");
    }

    private void assertRedirectedError(Flows.Client client, String error, String... params) {
        HttpReply reply = flows.authorize(Flows.codeRequest(client, params));
        assertThat(reply.action()).as(reply.toString()).isEqualTo("LOCATION");
        String location = reply.text("responseContent");
        assertThat(location).startsWith(Flows.REDIRECT_URI);
        assertThat(Flows.redirectParam(location, "error")).as(location).isEqualTo(error);
        assertThat(reply.resultCode()).matches("A0093(2[3-8])");
        assertThat(Flows.redirectParam(location, "state")).isEqualTo("testState");
    }
}
