package io.github.authletetestkit.flows.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pushed authorization requests (RFC 9126): the request is pushed with client authentication, the front
 * channel carries only {@code client_id} and {@code request_uri}, the code is redeemed, and the
 * {@code request_uri} cannot be used twice.
 */
public final class ParFlow implements Flow {

    @Override
    public String id() {
        return "par";
    }

    @Override
    public String title() {
        return "Pushed authorization request, then the code flow by request_uri (single use)";
    }

    @Override
    public List<String> operations() {
        return List.of("client_create_api", "pushed_auth_req_api", "auth_authorization_api", "auth_authorization_issue_api",
                "auth_token_api", "auth_revocation_api", "client_delete_api");
    }

    @Override
    public boolean createsResources() {
        return true;
    }

    @Override
    public Optional<String> unsupportedBy(ServiceProfile service) {
        return service.requireCodeFlow();
    }

    @Override
    public void run(FlowContext ctx) throws InterruptedException {
        Fixtures.TestClient client = Fixtures.createClient(ctx, List.of("AUTHORIZATION_CODE"), Map.of());
        String verifier = Fixtures.codeVerifier();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", Fixtures.form(Fixtures.codeRequest(client, "code_challenge", Fixtures.s256(verifier),
                "code_challenge_method", "S256")));
        body.put("clientId", client.idText());
        body.put("clientSecret", client.secret());
        Reply pushed = ctx.call(Step.post("pushed authorization request", "pushed_auth_req_api", "/pushed_auth_req")
                .json(body).expect(200, "CREATED").fields("requestUri"));
        String requestUri = pushed.text("requestUri");
        ctx.check(requestUri.startsWith("urn:ietf:params:oauth:request_uri:"), "the request_uri is not a PAR URN");

        Map<String, String> frontChannel = Map.of("client_id", client.idText(), "request_uri", requestUri);
        String code = Fixtures.authorizationCode(ctx, frontChannel);
        Reply tokens = ctx.call(Fixtures.token("code exchange", client, Fixtures.codeExchange(code, "code_verifier", verifier))
                .expect(200, "OK").fields("accessToken"));

        ctx.call(Fixtures.authorization("authorization request reusing the request_uri", frontChannel).expect(200, "BAD_REQUEST"));
        ctx.call(Fixtures.revocation("revoke access token", client, tokens.text("accessToken")).expect(200, "OK"));
    }
}
