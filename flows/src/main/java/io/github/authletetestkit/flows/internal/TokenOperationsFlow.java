package io.github.authletetestkit.flows.internal;

import java.util.List;
import java.util.Map;

/**
 * Token operations: create a token directly, introspect, update it, list the client's tokens, revoke it,
 * then create another and delete it.
 */
public final class TokenOperationsFlow implements Flow {

    @Override
    public String id() {
        return "token-operations";
    }

    @Override
    public String title() {
        return "Token operations: auth/token/create, update, get/list, revoke, delete";
    }

    @Override
    public List<String> operations() {
        return List.of("client_create_api", "auth_token_create_api", "auth_introspection_api", "auth_token_update_api",
                "auth_token_get_list_api", "auth_token_revoke_api", "auth_token_delete_api", "client_delete_api");
    }

    @Override
    public boolean createsResources() {
        return true;
    }

    @Override
    public void run(FlowContext ctx) throws InterruptedException {
        Fixtures.TestClient client = Fixtures.createClient(ctx, List.of("AUTHORIZATION_CODE"), Map.of());

        String first = create(ctx, client, "create token");
        ctx.call(Fixtures.introspection("introspection of the created token", first).expect(200, "OK"));
        ctx.call(Step.post("update token", "auth_token_update_api", "/auth/token/update")
                .json(Map.of("accessToken", first, "properties", List.of(Map.of("key", "contract_suite_run", "value", ctx.resourceName()))))
                .expect(200, "OK"));
        Reply listed = ctx.call(Step.get("list the client's tokens", "auth_token_get_list_api",
                "/auth/token/get/list?clientIdentifier=" + client.id() + "&subject=" + FlowContext.SUBJECT).expect(200).fields("totalCount"));
        ctx.check(listed.json().path("totalCount").asLong() >= 1, "token/get/list does not list the created token");

        Reply revoked = ctx.call(Step.post("revoke token", "auth_token_revoke_api", "/auth/token/revoke")
                .json(Map.of("accessTokenIdentifier", first)).expect(200));
        ctx.check(revoked.json().path("count").asLong(-1) != 0, "token/revoke revoked nothing");
        ctx.call(Fixtures.introspection("introspection of the revoked token", first).expect(200, "UNAUTHORIZED"));

        String second = create(ctx, client, "create another token");
        ctx.call(Step.delete("delete token", "auth_token_delete_api", "/auth/token/delete/" + second));
        ctx.call(Fixtures.introspection("introspection of the deleted token", second).expect(200, "UNAUTHORIZED"));
    }

    private static String create(FlowContext ctx, Fixtures.TestClient client, String name) throws InterruptedException {
        Reply created = ctx.call(Step.post(name, "auth_token_create_api", "/auth/token/create")
                .json(Map.of("grantType", "AUTHORIZATION_CODE", "clientId", client.id(), "subject", FlowContext.SUBJECT))
                .expect(200, "OK").fields("accessToken"));
        return created.text("accessToken");
    }
}
