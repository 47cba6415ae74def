package io.github.authletetestkit.mock.e2e;

import io.github.authletetestkit.mock.testing.MockHttp;
import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.AuthorizationIssueRequest;
import com.authlete.common.dto.AuthorizationRequest;
import com.authlete.common.dto.AuthorizationResponse;
import com.authlete.common.dto.IntrospectionRequest;
import com.authlete.common.dto.IntrospectionResponse;
import com.authlete.common.dto.PushedAuthReqRequest;
import com.authlete.common.dto.PushedAuthReqResponse;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;

/** PAR and DPoP run end to end through Authlete's own Java SDK. */
class ParAndDpopSdkTest extends MockServerTestBase {

    private static final String CALLBACK = MockHttp.enc(Flows.REDIRECT_URI);

    private AuthleteApi sdk() {
        return JavaSdk.api(mock);
    }

    @Test
    void pushedAuthorizationRequestThroughTheSdk() {
        AuthleteApi api = sdk();
        Flows.Client client = flows.confidentialClient();
        String id = Long.toString(client.id());

        PushedAuthReqResponse pushed = api.pushAuthorizationRequest(new PushedAuthReqRequest()
                .setParameters("response_type=code&client_id=" + id + "&redirect_uri=" + CALLBACK + "&state=par-1")
                .setClientId(id).setClientSecret(client.secret()));
        assertThat(pushed.getAction()).isEqualTo(PushedAuthReqResponse.Action.CREATED);

        AuthorizationResponse authorization = api.authorization(new AuthorizationRequest()
                .setParameters("client_id=" + id + "&request_uri=" + MockHttp.enc(pushed.getRequestUri().toString())));
        assertThat(authorization.getAction()).isEqualTo(AuthorizationResponse.Action.INTERACTION);
        String code = api.authorizationIssue(new AuthorizationIssueRequest().setTicket(authorization.getTicket()).setSubject("u"))
                .getAuthorizationCode();
        TokenResponse token = api.token(new TokenRequest().setClientId(id).setClientSecret(client.secret())
                .setParameters("grant_type=authorization_code&code=" + code + "&redirect_uri=" + CALLBACK));
        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.OK);
    }

    @Test
    void dpopBoundTokenThroughTheSdk() throws Exception {
        AuthleteApi api = sdk();
        Flows.Client client = flows.confidentialClient();
        String id = Long.toString(client.id());
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        String code = flows.code(Flows.codeRequest(client));

        TokenResponse token = api.token(new TokenRequest().setClientId(id).setClientSecret(client.secret())
                .setParameters("grant_type=authorization_code&code=" + code + "&redirect_uri=" + CALLBACK)
                .setDpop(proof(key, "POST", "https://as.example.com/token", null)).setHtm("POST").setHtu("https://as.example.com/token"));
        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(token.getResponseContent()).contains("\"token_type\":\"DPoP\"");

        IntrospectionResponse withoutProof = api.introspection(new IntrospectionRequest().setToken(token.getAccessToken()));
        assertThat(withoutProof.getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        IntrospectionResponse withProof = api.introspection(new IntrospectionRequest().setToken(token.getAccessToken())
                .setDpop(proof(key, "GET", "https://rs.example.com/api", token.getAccessToken())).setHtm("GET").setHtu("https://rs.example.com/api"));
        assertThat(withProof.getAction()).isEqualTo(IntrospectionResponse.Action.OK);
    }

    private String proof(ECKey key, String htm, String htu, String accessToken) {
        return DpopProofMaker.proof(key, htm, htu, accessToken, mock.clock().instant());
    }
}
