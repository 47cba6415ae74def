package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.DeviceAuthorizationRequest;
import com.authlete.common.dto.DeviceAuthorizationResponse;
import com.authlete.common.dto.DeviceCompleteRequest;
import com.authlete.common.dto.DeviceCompleteResponse;
import com.authlete.common.dto.StandardIntrospectionRequest;
import com.authlete.common.dto.TokenListResponse;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import com.authlete.common.dto.UserInfoIssueRequest;
import com.authlete.common.dto.UserInfoIssueResponse;
import com.authlete.common.dto.UserInfoRequest;
import com.authlete.common.dto.UserInfoResponse;
import com.authlete.common.types.TokenStatus;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.authletetestkit.mock.model.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Calls Authlete's Java SDK makes, unchanged, that the mock must take as the service takes them: unknown query
 * parameters ignored, conditionally required members checked only in their case, a proof checked once.
 */
class SdkFidelityTest extends MockServerTestBase {

    private AuthleteApi sdk() {
        return JavaSdk.api(mock);
    }

    @Test
    void theTokenListTakesTheSdksTokenStatusAndFiltersByIt() {
        Flows.Client client = flows.confidentialClient();
        flows.codeFlow(client);
        String id = Long.toString(client.id());

        TokenListResponse all = sdk().getTokenList(id, Flows.SUBJECT);
        assertThat(all.getTotalCount()).isEqualTo(1);
        mock.clock().advance(Duration.ofDays(2)); // past the access token's lifetime of one day
        TokenListResponse valid = sdk().getTokenList(id, Flows.SUBJECT, TokenStatus.VALID);
        TokenListResponse invalid = sdk().getTokenList(id, Flows.SUBJECT, TokenStatus.INVALID);

        assertThat(valid.getTotalCount()).isZero();
        assertThat(invalid.getTotalCount()).isEqualTo(1);
    }

    @Test
    void echoSendsBackWhatTheSdkSent() {
        Map<String, String> echoed = sdk().echo(Map.of("hello", "world", "n", "1"));

        assertThat(echoed).containsExactlyInAnyOrderEntriesOf(Map.of("hello", "world", "n", "1"));
    }

    @Test
    void anUnknownQueryParameterIsIgnoredAndAKnownOneStillChecked() {
        assertThat(api.get("/client/get/list?unknownParameter=1&another=x").status()).isEqualTo(200);
        assertThat(api.get("/auth/token/get/list?tokenStatus=SOMETIMES").status()).as("an enum value still checked").isEqualTo(400);
        assertThat(api.get("/client/get/list?start=not-a-number").status()).as("a known parameter still type-checked").isEqualTo(400);
    }

    @Test
    void aDeniedDeviceRequestNeedsNoSubjectButAnAuthorizedOneDoes() {
        Flows.Client client = flows.createClient("CONFIDENTIAL", Map.of("grantTypes", java.util.List.of("DEVICE_CODE")));
        DeviceAuthorizationResponse denied = startDeviceFlow(client);
        DeviceAuthorizationResponse authorized = startDeviceFlow(client);

        DeviceCompleteResponse denial = sdk().deviceComplete(new DeviceCompleteRequest().setUserCode(denied.getUserCode())
                .setResult(DeviceCompleteRequest.Result.ACCESS_DENIED));
        DeviceCompleteResponse noSubject = sdk().deviceComplete(new DeviceCompleteRequest().setUserCode(authorized.getUserCode())
                .setResult(DeviceCompleteRequest.Result.AUTHORIZED));

        assertThat(denial.getAction()).isEqualTo(DeviceCompleteResponse.Action.SUCCESS);
        assertThat(noSubject.getAction()).isEqualTo(DeviceCompleteResponse.Action.INVALID_REQUEST);
        TokenResponse poll = sdk().token(new TokenRequest().setClientId(Long.toString(client.id())).setClientSecret(client.secret())
                .setParameters("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=" + denied.getDeviceCode()));
        assertThat(poll.getResponseContent()).contains("access_denied");
    }

    private DeviceAuthorizationResponse startDeviceFlow(Flows.Client client) {
        DeviceAuthorizationResponse started = sdk().deviceAuthorization(new DeviceAuthorizationRequest()
                .setClientId(Long.toString(client.id())).setClientSecret(client.secret()).setParameters("scope=openid"));
        assertThat(started.getAction()).isEqualTo(DeviceAuthorizationResponse.Action.OK);
        return started;
    }

    @Test
    void aDpopBoundTokenPassesUserInfoAndItsIssueCallWithoutASecondProof() throws Exception {
        Flows.Client client = flows.confidentialClient();
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        String code = flows.code(Flows.codeRequest(client, "scope", "openid"));
        String tokenEndpoint = "https://as.example.com/token";
        TokenResponse token = sdk().token(new TokenRequest().setClientId(Long.toString(client.id())).setClientSecret(client.secret())
                .setParameters("grant_type=authorization_code&code=" + code + "&redirect_uri=" + io.github.authletetestkit.mock.testing.MockHttp.enc(Flows.REDIRECT_URI))
                .setDpop(DpopProofMaker.proof(key, "POST", tokenEndpoint, null, mock.clock().instant())).setHtm("POST").setHtu(tokenEndpoint));
        assertThat(token.getAction()).as(token.getResultMessage()).isEqualTo(TokenResponse.Action.OK);
        String userInfoEndpoint = "https://as.example.com/userinfo";

        UserInfoResponse withoutProof = sdk().userinfo(new UserInfoRequest().setToken(token.getAccessToken()));
        UserInfoResponse withProof = sdk().userinfo(new UserInfoRequest().setToken(token.getAccessToken())
                .setDpop(DpopProofMaker.proof(key, "GET", userInfoEndpoint, token.getAccessToken(), mock.clock().instant()))
                .setHtm("GET").setHtu(userInfoEndpoint));
        UserInfoIssueResponse issued = sdk().userinfoIssue(new UserInfoIssueRequest().setToken(token.getAccessToken())
                .setClaims("{\"name\":\"Alice\"}"));

        assertThat(withoutProof.getAction()).as("the proof is checked at /auth/userinfo").isEqualTo(UserInfoResponse.Action.UNAUTHORIZED);
        assertThat(withProof.getAction()).isEqualTo(UserInfoResponse.Action.OK);
        assertThat(issued.getAction()).as(issued.getResultMessage()).isEqualTo(UserInfoIssueResponse.Action.JSON);
        assertThat(Json.parse(issued.getResponseContent()).get("sub").asText()).isEqualTo(Flows.SUBJECT);
    }

    @Test
    void aTokenWithoutScopeSaysSoTheSameWayEverywhere() {
        Flows.Client client = flows.confidentialClient();
        TokenResponse token = sdk().token(new TokenRequest().setClientId(Long.toString(client.id())).setClientSecret(client.secret())
                .setParameters("grant_type=client_credentials"));

        String introspected = sdk().standardIntrospection(new StandardIntrospectionRequest()
                .setParameters("token=" + token.getAccessToken())).getResponseContent();

        assertThat(Json.parse(token.getResponseContent()).get("scope").isNull()).as("token response").isTrue();
        assertThat(Json.parse(introspected).get("scope").isNull()).as("standard introspection").isTrue();
        assertThat(token.getScopes()).isNullOrEmpty();
    }

    @Test
    void theFormsOnlyTheJavaSdkUsesAreTaken() {
        // hskDelete sends GET, deleteGrantedScopes POSTs the subject, getServiceConfiguration(request) POSTs its options
        String handle = api.post("/hsk/create", Map.of("kty", "EC", "use", "sig", "alg", "ES256")).json().at("/hsk/handle").asText();
        Flows.Client client = flows.confidentialClient();
        flows.codeFlow(client);

        sdk().hskDelete(handle);
        sdk().deleteGrantedScopes(client.id(), Flows.SUBJECT);
        String configuration = sdk().getServiceConfiguration(new com.authlete.common.dto.ServiceConfigurationRequest().setPretty(true));

        assertThat(api.get("/hsk/get/" + handle).json().get("action").asText()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/client/granted_scopes/get/" + client.id() + "?subject=" + Flows.SUBJECT).json().path("latestGrantedScopes").isMissingNode()
                || api.get("/client/granted_scopes/get/" + client.id() + "?subject=" + Flows.SUBJECT).json().path("latestGrantedScopes").isNull())
                .as("the granted scopes are forgotten").isTrue();
        assertThat(configuration).contains("\n  \"issuer\"");
    }
}
