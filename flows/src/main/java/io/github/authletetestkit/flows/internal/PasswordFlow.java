package io.github.authletetestkit.flows.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource-owner password grant: {@code /auth/token} hands the credentials back (action PASSWORD), the
 * service checks them and calls {@code /auth/token/issue}, or {@code /auth/token/fail} when they are wrong.
 */
public final class PasswordFlow implements Flow {

    @Override
    public String id() {
        return "password";
    }

    @Override
    public String title() {
        return "Resource owner password grant with token/issue and token/fail";
    }

    @Override
    public List<String> operations() {
        return List.of("client_create_api", "auth_token_api", "auth_token_issue_api", "auth_token_fail_api",
                "auth_introspection_api", "auth_revocation_api", "client_delete_api");
    }

    @Override
    public boolean createsResources() {
        return true;
    }

    @Override
    public Optional<String> unsupportedBy(ServiceProfile service) {
        return service.requireGrantTypes("PASSWORD");
    }

    @Override
    public void run(FlowContext ctx) throws InterruptedException {
        Fixtures.TestClient client = Fixtures.createClient(ctx, List.of("PASSWORD"), Map.of());
        Map<String, String> request = Map.of("grant_type", "password", "username", FlowContext.SUBJECT, "password", "not-checked-by-authlete");

        Reply password = ctx.call(Fixtures.token("password token request", client, request).expect(200, "PASSWORD").fields("ticket", "username"));
        ctx.check(FlowContext.SUBJECT.equals(password.text("username")), "the PASSWORD answer carries another username");
        Reply issued = ctx.call(Step.post("token issue", "auth_token_issue_api", "/auth/token/issue")
                .json(Map.of("ticket", password.text("ticket"), "subject", FlowContext.SUBJECT)).expect(200, "OK").fields("accessToken"));
        Reply introspected = ctx.call(Fixtures.introspection("introspection", issued.text("accessToken")).expect(200, "OK"));
        ctx.check(FlowContext.SUBJECT.equals(introspected.text("subject")), "introspection names another subject");

        Reply second = ctx.call(Fixtures.token("password token request with bad credentials", client, request)
                .expect(200, "PASSWORD").fields("ticket"));
        ctx.call(Step.post("token fail", "auth_token_fail_api", "/auth/token/fail")
                .json(Map.of("ticket", second.text("ticket"), "reason", "INVALID_RESOURCE_OWNER_CREDENTIALS")).expect(200, "BAD_REQUEST"));

        ctx.call(Fixtures.revocation("revoke access token", client, issued.text("accessToken")).expect(200, "OK"));
    }
}
