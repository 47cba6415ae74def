package io.github.authletetestkit.flows.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Authlete says when something is wrong. OAuth-level failures are HTTP 200 with an {@code action}
 * (and the OAuth error in {@code responseContent}); only problems of the API call itself are 4xx.
 */
public final class NegativeFlows {

    private NegativeFlows() {
    }

    public static List<Flow> all() {
        return List.of(new WrongSecret(), new ReusedCode(), new WrongVerifier(), new MissingToken(), new UnknownClient());
    }

    /** A wrong client secret at the token and revocation endpoints: INVALID_CLIENT. */
    public static final class WrongSecret implements Flow {
        @Override
        public String id() {
            return "negative-wrong-secret";
        }

        @Override
        public String title() {
            return "Wrong client secret at the token and revocation endpoints → INVALID_CLIENT";
        }

        @Override
        public List<String> operations() {
            return List.of("client_create_api", "auth_token_api", "auth_revocation_api", "client_delete_api");
        }

        @Override
        public boolean createsResources() {
            return true;
        }

        @Override
        public Optional<String> unsupportedBy(ServiceProfile service) {
            return service.requireGrantTypes("CLIENT_CREDENTIALS");
        }

        @Override
        public void run(FlowContext ctx) throws InterruptedException {
            Fixtures.TestClient client = Fixtures.createClient(ctx, List.of("CLIENT_CREDENTIALS"), Map.of());
            Fixtures.TestClient wrong = client.withSecret("not-" + client.secret());

            ctx.call(Fixtures.token("token request with a wrong secret", wrong, Map.of("grant_type", "client_credentials"))
                    .expect(200, "INVALID_CLIENT").error("invalid_client"));
            ctx.call(Fixtures.revocation("revocation with a wrong secret", wrong, "any-token-value").expect(200, "INVALID_CLIENT"));
        }
    }

    /** An authorization code is single-use: the second exchange is invalid_grant. */
    public static final class ReusedCode implements Flow {
        @Override
        public String id() {
            return "negative-reused-code";
        }

        @Override
        public String title() {
            return "Reused authorization code → BAD_REQUEST invalid_grant";
        }

        @Override
        public List<String> operations() {
            return List.of("client_create_api", "auth_authorization_api", "auth_authorization_issue_api", "auth_token_api",
                    "auth_revocation_api", "client_delete_api");
        }

        @Override
        public boolean createsResources() {
            return true;
        }

        @Override
        public Optional<String> unsupportedBy(ServiceProfile service) {
            return service.requireGrantTypes("AUTHORIZATION_CODE").or(service::requireDirectAuthorizationRequests);
        }

        @Override
        public void run(FlowContext ctx) throws InterruptedException {
            Fixtures.TestClient client = Fixtures.createClient(ctx, List.of("AUTHORIZATION_CODE"), Map.of());
            String verifier = Fixtures.codeVerifier();
            String code = Fixtures.authorizationCode(ctx, Fixtures.codeRequest(client,
                    "code_challenge", Fixtures.s256(verifier), "code_challenge_method", "S256"));
            Map<String, String> exchange = Fixtures.codeExchange(code, "code_verifier", verifier);

            Reply first = ctx.call(Fixtures.token("code exchange", client, exchange).expect(200, "OK").fields("accessToken"));
            ctx.call(Fixtures.token("second exchange of the same code", client, exchange).expect(200, "BAD_REQUEST").error("invalid_grant"));
            ctx.call(Fixtures.revocation("revoke access token", client, first.text("accessToken")).expect(200, "OK"));
        }
    }

    /** A PKCE verifier that does not match the challenge: invalid_grant. */
    public static final class WrongVerifier implements Flow {
        @Override
        public String id() {
            return "negative-wrong-verifier";
        }

        @Override
        public String title() {
            return "Wrong PKCE code_verifier → BAD_REQUEST invalid_grant";
        }

        @Override
        public List<String> operations() {
            return List.of("client_create_api", "auth_authorization_api", "auth_authorization_issue_api", "auth_token_api",
                    "client_delete_api");
        }

        @Override
        public boolean createsResources() {
            return true;
        }

        @Override
        public Optional<String> unsupportedBy(ServiceProfile service) {
            return service.requireGrantTypes("AUTHORIZATION_CODE").or(service::requireDirectAuthorizationRequests);
        }

        @Override
        public void run(FlowContext ctx) throws InterruptedException {
            Fixtures.TestClient client = Fixtures.createClient(ctx, List.of("AUTHORIZATION_CODE"), Map.of());
            String code = Fixtures.authorizationCode(ctx, Fixtures.codeRequest(client,
                    "code_challenge", Fixtures.s256(Fixtures.codeVerifier()), "code_challenge_method", "S256"));

            ctx.call(Fixtures.token("code exchange with a wrong verifier", client,
                    Fixtures.codeExchange(code, "code_verifier", Fixtures.codeVerifier())).expect(200, "BAD_REQUEST").error("invalid_grant"));
        }
    }

    /**
     * No token where one is needed: an empty token at introspection and UserInfo (BAD_REQUEST), and an API
     * call without the Authorization header (401). Creates nothing.
     */
    public static final class MissingToken implements Flow {
        @Override
        public String id() {
            return "negative-missing-token";
        }

        @Override
        public String title() {
            return "Missing token: empty token at introspection/userinfo → BAD_REQUEST; no API token → 401";
        }

        @Override
        public List<String> operations() {
            return List.of("auth_introspection_api", "auth_userinfo_api", "service_get_api");
        }

        @Override
        public boolean createsResources() {
            return false;
        }

        @Override
        public void run(FlowContext ctx) throws InterruptedException {
            ctx.call(Fixtures.introspection("introspection with an empty token", "").expect(200, "BAD_REQUEST"));
            ctx.call(Step.post("userinfo with an empty token", "auth_userinfo_api", "/auth/userinfo")
                    .json(Map.of("token", "")).expect(200, "BAD_REQUEST"));
            ctx.call(Step.get("service/get without an API token", "service_get_api", "/service/get").anonymous().expect(401)
                    .fields("resultCode", "resultMessage"));
        }
    }

    /** A client ID that does not exist: 404 from management, BAD_REQUEST / INVALID_CLIENT at runtime. Creates nothing. */
    public static final class UnknownClient implements Flow {
        private static final SecureRandom RANDOM = new SecureRandom();

        @Override
        public String id() {
            return "negative-unknown-client";
        }

        @Override
        public String title() {
            return "Unknown client: client/get → 404, authorization → BAD_REQUEST, token → INVALID_CLIENT";
        }

        @Override
        public List<String> operations() {
            return List.of("client_get_api", "auth_authorization_api", "auth_token_api");
        }

        @Override
        public boolean createsResources() {
            return false;
        }

        @Override
        public Optional<String> unsupportedBy(ServiceProfile service) {
            return service.requireDirectAuthorizationRequests();
        }

        @Override
        public void run(FlowContext ctx) throws InterruptedException {
            // 14 digits starting with 9: a client ID no service will have handed out
            long unknown = 90_000_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_999_999_999_999L;
            Fixtures.TestClient nobody = new Fixtures.TestClient(unknown, "no-such-secret");

            ctx.call(Step.get("get unknown client", "client_get_api", "/client/get/" + unknown).management().expect(404));
            ctx.call(Fixtures.authorization("authorization request of an unknown client", Fixtures.codeRequest(nobody))
                    .expect(200, "BAD_REQUEST"));
            ctx.call(Fixtures.token("token request of an unknown client", nobody, Map.of("grant_type", "client_credentials"))
                    .expect(200, "INVALID_CLIENT").error("invalid_client"));
        }
    }
}
