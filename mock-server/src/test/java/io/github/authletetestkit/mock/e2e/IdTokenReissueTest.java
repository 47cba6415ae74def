package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.authletetestkit.mock.internal.oauth.TokenHashes;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /idtoken/reissue}, {@code /nativesso} and {@code /nativesso/logout}. */
class IdTokenReissueTest extends MockServerTestBase {

    @Test
    void reissueGivesAFreshIdTokenForAPair() throws Exception {
        Flows.Client client = flows.confidentialClient();
        HttpReply token = flows.codeFlow(client, "scope", "openid", "nonce", "n");

        HttpReply reissued = api.post("/idtoken/reissue", Map.of("accessToken", token.text("accessToken"),
                "refreshToken", token.text("refreshToken"), "sub", "pairwise-x"));

        assertThat(reissued.action()).isEqualTo("OK");
        assertThat(reissued.content().get("id_token").asText()).isEqualTo(reissued.text("idToken"));
        assertThat(SignedJWT.parse(reissued.text("idToken")).getJWTClaimsSet().getSubject()).isEqualTo("pairwise-x");
    }

    @Test
    void reissueRefusesMismatchedPairsAndNonOpenidGrants() {
        Flows.Client client = flows.confidentialClient();
        HttpReply a = flows.codeFlow(client, "scope", "openid", "nonce", "n");
        HttpReply b = flows.codeFlow(client, "scope", "profile");

        assertThat(api.post("/idtoken/reissue", Map.of("accessToken", a.text("accessToken"), "refreshToken", b.text("refreshToken")))
                .action()).isEqualTo("CALLER_ERROR");
        assertThat(api.post("/idtoken/reissue", Map.of("accessToken", b.text("accessToken"), "refreshToken", b.text("refreshToken")))
                .action()).isEqualTo("CALLER_ERROR");
    }

    @Test
    void nativeSsoIssuesADeviceSecretAndLogoutEndsTheSession() throws Exception {
        Flows.Client client = flows.confidentialClient();
        HttpReply token = flows.codeFlow(client, "scope", "openid", "nonce", "n");

        HttpReply sso = api.post("/nativesso", Map.of("accessToken", token.text("accessToken"), "refreshToken", token.text("refreshToken"),
                "deviceSecret", "device-secret-1"));

        assertThat(sso.action()).as(sso.toString()).isEqualTo("OK");
        String deviceSecret = sso.content().get("device_secret").asText();
        assertThat(deviceSecret).isEqualTo("device-secret-1");
        JWTClaimsSet claims = SignedJWT.parse(sso.text("idToken")).getJWTClaimsSet();
        assertThat(claims.getStringClaim("ds_hash")).isEqualTo(TokenHashes.sha256Base64Url(deviceSecret));
        String sid = claims.getStringClaim("sid");
        assertThat(sid).isNotBlank();

        HttpReply logout = api.post("/nativesso/logout", Map.of("sessionId", sid));
        assertThat(logout.action()).isEqualTo("OK");
        assertThat(logout.json().get("count").asInt()).isEqualTo(1);
        assertThat(flows.introspect(token.text("accessToken")).action()).isEqualTo("UNAUTHORIZED");
        assertThat(api.post("/nativesso/logout", Map.of("sessionId", "")).action()).isEqualTo("CALLER_ERROR");
    }
}
