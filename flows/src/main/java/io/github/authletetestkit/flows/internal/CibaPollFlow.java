package io.github.authletetestkit.flows.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Client-initiated backchannel authentication in poll mode: backchannel/authentication, issue, a poll while
 * pending, complete (NO_ACTION in poll mode), and the poll that gets the token after one polling interval.
 */
public final class CibaPollFlow implements Flow {

    static final String GRANT = "urn:openid:params:grant-type:ciba";

    @Override
    public String id() {
        return "ciba-poll";
    }

    @Override
    public String title() {
        return "CIBA in poll mode (backchannel authentication, issue, complete, token polling)";
    }

    @Override
    public List<String> operations() {
        return List.of("client_create_api", "backchannel_authentication_api", "backchannel_authentication_issue_api",
                "auth_token_api", "backchannel_authentication_complete_api", "auth_introspection_api", "auth_revocation_api",
                "client_delete_api");
    }

    @Override
    public boolean createsResources() {
        return true;
    }

    @Override
    public Optional<String> unsupportedBy(ServiceProfile service) {
        if (!service.backchannelDeliveryModes().contains("POLL")) {
            return Optional.of("the service does not support the CIBA delivery mode POLL");
        }
        return service.requireGrantTypes("CIBA").or(() -> service.requireScopes("openid"));
    }

    @Override
    public void run(FlowContext ctx) throws InterruptedException {
        Fixtures.TestClient client = Fixtures.createClient(ctx, List.of("CIBA"), Map.of("bcDeliveryMode", "POLL"));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", Fixtures.form(Map.of("scope", "openid", "login_hint", FlowContext.SUBJECT)));
        body.put("clientId", client.idText());
        body.put("clientSecret", client.secret());
        Reply identified = ctx.call(Step.post("backchannel authentication", "backchannel_authentication_api", "/backchannel/authentication")
                .json(body).expect(200, "USER_IDENTIFICATION").fields("ticket"));
        String ticket = identified.text("ticket");

        Reply issued = ctx.call(Step.post("backchannel authentication issue", "backchannel_authentication_issue_api",
                "/backchannel/authentication/issue").json(Map.of("ticket", ticket)).expect(200, "OK").fields("authReqId"));
        long interval = Math.max(1, issued.json().path("interval").asLong(5));
        Map<String, String> poll = Map.of("grant_type", GRANT, "auth_req_id", issued.text("authReqId"));
        ctx.call(Fixtures.token("token poll while pending", client, poll).expect(200, "BAD_REQUEST").error("authorization_pending"));

        ctx.call(Step.post("backchannel authentication complete", "backchannel_authentication_complete_api",
                "/backchannel/authentication/complete")
                .json(Map.of("ticket", ticket, "result", "AUTHORIZED", "subject", FlowContext.SUBJECT)).expect(200, "NO_ACTION"));

        ctx.elapse(Duration.ofSeconds(interval));
        Reply token = ctx.call(Fixtures.token("token poll after approval", client, poll).expect(200, "OK").fields("accessToken"));
        Reply introspected = ctx.call(Fixtures.introspection("introspection", token.text("accessToken")).expect(200, "OK"));
        ctx.check(FlowContext.SUBJECT.equals(introspected.text("subject")), "introspection names another subject");
        ctx.call(Fixtures.revocation("revoke access token", client, token.text("accessToken")).expect(200, "OK"));
    }
}
