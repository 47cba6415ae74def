package io.github.authletetestkit.flows.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The client-credentials grant: a token without subject or refresh token, introspected, revoked. */
public final class ClientCredentialsFlow implements Flow {

    @Override
    public String id() {
        return "client-credentials";
    }

    @Override
    public String title() {
        return "Client credentials grant";
    }

    @Override
    public List<String> operations() {
        return List.of("client_create_api", "auth_token_api", "auth_introspection_api", "auth_revocation_api", "client_delete_api");
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

        Reply token = ctx.call(Fixtures.token("client credentials token", client, Map.of("grant_type", "client_credentials"))
                .expect(200, "OK").fields("accessToken"));
        ctx.check(token.text("refreshToken") == null, "a client-credentials token came with a refresh token");
        String accessToken = token.text("accessToken");

        Reply introspected = ctx.call(Fixtures.introspection("introspection", accessToken).expect(200, "OK"));
        ctx.check(client.idText().equals(introspected.text("clientId")), "introspection names another client");
        ctx.call(Fixtures.revocation("revoke access token", client, accessToken).expect(200, "OK"));
        ctx.call(Fixtures.introspection("introspection of the revoked token", accessToken).expect(200, "UNAUTHORIZED"));
    }
}
