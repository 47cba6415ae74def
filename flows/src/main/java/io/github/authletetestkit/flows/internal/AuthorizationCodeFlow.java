package io.github.authletetestkit.flows.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization-code grant with PKCE (S256) and OpenID Connect, then what a resource server and the
 * client do with the tokens: introspection (Authlete's and RFC 7662), UserInfo, refresh (rotation; the old
 * access token dies), revocation of the access token and of the refresh token.
 */
public final class AuthorizationCodeFlow implements Flow {

    @Override
    public String id() {
        return "authorization-code";
    }

    @Override
    public String title() {
        return "Authorization code + PKCE + refresh + introspection + userinfo + revocation";
    }

    @Override
    public List<String> operations() {
        return List.of("client_create_api", "auth_authorization_api", "auth_authorization_issue_api", "auth_token_api",
                "auth_introspection_api", "auth_introspection_standard_api", "auth_userinfo_api", "auth_userinfo_issue_api",
                "auth_revocation_api", "client_delete_api");
    }

    @Override
    public boolean createsResources() {
        return true;
    }

    @Override
    public Optional<String> unsupportedBy(ServiceProfile service) {
        return service.requireGrantTypes("AUTHORIZATION_CODE", "REFRESH_TOKEN")
                .or(service::requireDirectAuthorizationRequests)
                .or(() -> service.requireScopes("openid"));
    }

    @Override
    public void run(FlowContext ctx) throws InterruptedException {
        Fixtures.TestClient client = Fixtures.createClient(ctx, List.of("AUTHORIZATION_CODE", "REFRESH_TOKEN"), Map.of());
        String verifier = Fixtures.codeVerifier();
        String code = Fixtures.authorizationCode(ctx, Fixtures.codeRequest(client, "scope", "openid", "nonce", "contract-nonce",
                "code_challenge", Fixtures.s256(verifier), "code_challenge_method", "S256"));

        Reply tokens = ctx.call(Fixtures.token("code exchange with verifier", client, Fixtures.codeExchange(code, "code_verifier", verifier))
                .expect(200, "OK").fields("accessToken", "refreshToken", "idToken", "responseContent"));
        String accessToken = tokens.text("accessToken");
        String refreshToken = tokens.text("refreshToken");
        ctx.check(accessToken.equals(tokens.content().path("access_token").asText(null)),
                "responseContent's access_token is not the accessToken");
        ctx.check(tokens.content().hasNonNull("id_token"), "responseContent lacks id_token for an openid request");

        Reply introspected = ctx.call(Fixtures.introspection("introspection", accessToken).expect(200, "OK").fields("subject"));
        ctx.check(FlowContext.SUBJECT.equals(introspected.text("subject")), "introspection names another subject");
        ctx.check(client.idText().equals(introspected.text("clientId")), "introspection names another client");

        Reply standard = ctx.call(Step.post("standard introspection", "auth_introspection_standard_api", "/auth/introspection/standard")
                .json(Map.of("parameters", Fixtures.form(Map.of("token", accessToken)))).expect(200, "OK"));
        ctx.check(standard.content().path("active").asBoolean(false), "RFC 7662 introspection says the token is not active");

        Reply userInfo = ctx.call(Step.post("userinfo", "auth_userinfo_api", "/auth/userinfo")
                .json(Map.of("token", accessToken)).expect(200, "OK").fields("subject"));
        ctx.check(FlowContext.SUBJECT.equals(userInfo.text("subject")), "userinfo names another subject");
        Reply userInfoIssued = ctx.call(Step.post("userinfo issue", "auth_userinfo_issue_api", "/auth/userinfo/issue")
                .json(Map.of("token", accessToken)).expect(200, "JSON").fields("responseContent"));
        ctx.check(FlowContext.SUBJECT.equals(userInfoIssued.content().path("sub").asText(null)), "the userinfo response has another sub");

        Reply refreshed = ctx.call(Fixtures.token("refresh", client, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))
                .expect(200, "OK").fields("accessToken", "refreshToken"));
        String newAccessToken = refreshed.text("accessToken");
        ctx.check(!newAccessToken.equals(accessToken), "refresh returned the same access token");
        ctx.call(Fixtures.introspection("introspection of the replaced access token", accessToken).expect(200, "UNAUTHORIZED"));

        ctx.call(Fixtures.revocation("revoke access token", client, newAccessToken).expect(200, "OK"));
        ctx.call(Fixtures.introspection("introspection of the revoked access token", newAccessToken).expect(200, "UNAUTHORIZED"));
        ctx.call(Fixtures.revocation("revoke refresh token", client, refreshed.text("refreshToken")).expect(200, "OK"));
    }
}
