package io.github.authletetestkit.flows.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device authorization grant (RFC 8628): device/authorization, a poll while pending, verification of the
 * user code, completion, and the poll that gets the token after one polling interval.
 */
public final class DeviceFlow implements Flow {

    static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    @Override
    public String id() {
        return "device-flow";
    }

    @Override
    public String title() {
        return "Device authorization grant (device/authorization, verification, complete, token polling)";
    }

    @Override
    public List<String> operations() {
        return List.of("client_create_api", "device_authorization_api", "auth_token_api", "device_verification_api",
                "device_complete_api", "auth_introspection_api", "auth_revocation_api", "client_delete_api");
    }

    @Override
    public boolean createsResources() {
        return true;
    }

    @Override
    public Optional<String> unsupportedBy(ServiceProfile service) {
        if (!service.deviceVerificationUri()) {
            return Optional.of("the service has no deviceVerificationUri");
        }
        return service.requireGrantTypes("DEVICE_CODE");
    }

    @Override
    public void run(FlowContext ctx) throws InterruptedException {
        Fixtures.TestClient client = Fixtures.createClient(ctx, List.of("DEVICE_CODE"), Map.of());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", Fixtures.form(Map.of("client_id", client.idText(), "scope", "openid")));
        body.put("clientId", client.idText());
        body.put("clientSecret", client.secret());
        Reply authorized = ctx.call(Step.post("device authorization", "device_authorization_api", "/device/authorization")
                .json(body).expect(200, "OK").fields("deviceCode", "userCode", "verificationUri"));
        String deviceCode = authorized.text("deviceCode");
        String userCode = authorized.text("userCode");
        long interval = Math.max(1, authorized.json().path("interval").asLong(5));

        Map<String, String> poll = Map.of("grant_type", GRANT, "device_code", deviceCode);
        ctx.call(Fixtures.token("token poll while pending", client, poll).expect(200, "BAD_REQUEST").error("authorization_pending"));

        ctx.call(Step.post("device verification", "device_verification_api", "/device/verification")
                .json(Map.of("userCode", userCode)).expect(200, "VALID"));
        ctx.call(Step.post("device complete", "device_complete_api", "/device/complete")
                .json(Map.of("userCode", userCode, "result", "AUTHORIZED", "subject", FlowContext.SUBJECT)).expect(200, "SUCCESS"));

        ctx.elapse(Duration.ofSeconds(interval));
        Reply token = ctx.call(Fixtures.token("token poll after approval", client, poll).expect(200, "OK").fields("accessToken"));
        Reply introspected = ctx.call(Fixtures.introspection("introspection", token.text("accessToken")).expect(200, "OK"));
        ctx.check(FlowContext.SUBJECT.equals(introspected.text("subject")), "introspection names another subject");
        ctx.call(Fixtures.revocation("revoke access token", client, token.text("accessToken")).expect(200, "OK"));
    }
}
