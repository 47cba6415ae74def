package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.BackchannelAuthenticationCompleteRequest;
import com.authlete.common.dto.BackchannelAuthenticationCompleteResponse;
import com.authlete.common.dto.BackchannelAuthenticationFailRequest;
import com.authlete.common.dto.BackchannelAuthenticationFailResponse;
import com.authlete.common.dto.BackchannelAuthenticationIssueRequest;
import com.authlete.common.dto.BackchannelAuthenticationIssueResponse;
import com.authlete.common.dto.BackchannelAuthenticationRequest;
import com.authlete.common.dto.BackchannelAuthenticationResponse;
import com.authlete.common.dto.Client;
import com.authlete.common.dto.DeviceAuthorizationRequest;
import com.authlete.common.dto.DeviceAuthorizationResponse;
import com.authlete.common.dto.DeviceCompleteRequest;
import com.authlete.common.dto.DeviceCompleteResponse;
import com.authlete.common.dto.DeviceVerificationRequest;
import com.authlete.common.dto.DeviceVerificationResponse;
import com.authlete.common.dto.TokenRequest;
import com.authlete.common.dto.TokenResponse;
import com.authlete.common.types.ClientType;
import com.authlete.common.types.DeliveryMode;
import com.authlete.common.types.GrantType;
import com.authlete.common.types.UserIdentificationHintType;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Authlete's own Java SDK drives the device flow and CIBA (poll and ping) against the mock. */
class DeviceAndCibaSdkTest extends MockServerTestBase {

    private AuthleteApi sdk() {
        return JavaSdk.api(mock);
    }

    /** The SDK's exception hides the body, which says what the mock refused and why. */
    private static void showingResponseBodies(Runnable steps) {
        try {
            steps.run();
        } catch (com.authlete.common.api.AuthleteApiException e) {
            throw new AssertionError(e.getStatusCode() + " " + e.getResponseBody(), e);
        }
    }

    @Test
    void deviceFlowThroughTheSdk() {
        showingResponseBodies(this::deviceFlow);
    }

    private void deviceFlow() {
        AuthleteApi api = sdk();
        Client client = api.createClient(new Client()
                .setClientName("sdk tv")
                .setClientType(ClientType.PUBLIC)
                .setGrantTypes(new GrantType[] {GrantType.DEVICE_CODE, GrantType.REFRESH_TOKEN}));

        DeviceAuthorizationResponse started = api.deviceAuthorization(new DeviceAuthorizationRequest()
                .setParameters("client_id=" + client.getClientId() + "&scope=openid+profile"));
        assertThat(started.getAction()).isEqualTo(DeviceAuthorizationResponse.Action.OK);
        assertThat(started.getUserCode()).hasSize(8);
        assertThat(started.getVerificationUri()).isEqualTo(URI.create("https://as.example.com/device"));
        assertThat(started.getVerificationUriComplete().toString()).endsWith(started.getUserCode());
        assertThat(started.getExpiresIn()).isEqualTo(600);
        assertThat(started.getInterval()).isEqualTo(5);
        assertThat(started.getScopes()).extracting(s -> s.getName()).containsExactly("openid", "profile");
        assertThat(started.getResponseContent()).contains("\"device_code\":\"" + started.getDeviceCode() + "\"");

        TokenResponse pending = api.token(new TokenRequest().setParameters(deviceGrant(client, started.getDeviceCode())));
        assertThat(pending.getAction()).isEqualTo(TokenResponse.Action.BAD_REQUEST);
        assertThat(pending.getResponseContent()).contains("authorization_pending");

        DeviceVerificationResponse verified = api.deviceVerification(new DeviceVerificationRequest().setUserCode(started.getUserCode()));
        assertThat(verified.getAction()).isEqualTo(DeviceVerificationResponse.Action.VALID);
        assertThat(verified.getClientId()).isEqualTo(client.getClientId());
        assertThat(verified.getClientName()).isEqualTo("sdk tv");
        assertThat(verified.getExpiresAt()).isPositive();

        DeviceCompleteResponse completed = api.deviceComplete(new DeviceCompleteRequest()
                .setUserCode(started.getUserCode())
                .setResult(DeviceCompleteRequest.Result.AUTHORIZED)
                .setSubject("sdk-device-user"));
        assertThat(completed.getAction()).isEqualTo(DeviceCompleteResponse.Action.SUCCESS);

        mock.clock().advance(Duration.ofSeconds(5));
        TokenResponse token = api.token(new TokenRequest().setParameters(deviceGrant(client, started.getDeviceCode())));
        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(token.getSubject()).isEqualTo("sdk-device-user");
        assertThat(token.getIdToken()).isNotBlank();
        assertThat(token.getRefreshToken()).isNotBlank();

        DeviceCompleteResponse again = api.deviceComplete(new DeviceCompleteRequest()
                .setUserCode(started.getUserCode())
                .setResult(DeviceCompleteRequest.Result.ACCESS_DENIED)
                .setSubject("sdk-device-user"));
        assertThat(again.getAction()).isEqualTo(DeviceCompleteResponse.Action.USER_CODE_NOT_EXIST);
    }

    private static String deviceGrant(Client client, String deviceCode) {
        return "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=" + client.getClientId()
                + "&device_code=" + deviceCode;
    }

    @Test
    void cibaPollFlowThroughTheSdk() {
        showingResponseBodies(this::cibaPollFlow);
    }

    private void cibaPollFlow() {
        AuthleteApi api = sdk();
        Client client = api.createClient(new Client()
                .setClientName("sdk ciba")
                .setClientType(ClientType.CONFIDENTIAL)
                .setGrantTypes(new GrantType[] {GrantType.CIBA})
                .setBcDeliveryMode(DeliveryMode.POLL));

        BackchannelAuthenticationResponse identification = api.backchannelAuthentication(new BackchannelAuthenticationRequest()
                .setParameters("scope=openid+email&login_hint=alice&binding_message=B7")
                .setClientId(Long.toString(client.getClientId()))
                .setClientSecret(client.getClientSecret()));
        assertThat(identification.getAction()).isEqualTo(BackchannelAuthenticationResponse.Action.USER_IDENTIFICATION);
        assertThat(identification.getHintType()).isEqualTo(UserIdentificationHintType.LOGIN_HINT);
        assertThat(identification.getHint()).isEqualTo("alice");
        assertThat(identification.getDeliveryMode()).isEqualTo(DeliveryMode.POLL);
        assertThat(identification.getBindingMessage()).isEqualTo("B7");
        assertThat(identification.getClaimNames()).contains("email");

        BackchannelAuthenticationIssueResponse issued = api.backchannelAuthenticationIssue(
                new BackchannelAuthenticationIssueRequest().setTicket(identification.getTicket()));
        assertThat(issued.getAction()).isEqualTo(BackchannelAuthenticationIssueResponse.Action.OK);
        assertThat(issued.getExpiresIn()).isEqualTo(600);
        assertThat(issued.getInterval()).isEqualTo(5);

        BackchannelAuthenticationCompleteResponse completed = api.backchannelAuthenticationComplete(
                new BackchannelAuthenticationCompleteRequest()
                        .setTicket(identification.getTicket())
                        .setResult(BackchannelAuthenticationCompleteRequest.Result.AUTHORIZED)
                        .setSubject("sdk-ciba-user"));
        assertThat(completed.getAction()).isEqualTo(BackchannelAuthenticationCompleteResponse.Action.NO_ACTION);
        assertThat(completed.getAuthReqId()).isEqualTo(issued.getAuthReqId());
        assertThat(completed.getDeliveryMode()).isEqualTo(DeliveryMode.POLL);

        TokenResponse token = api.token(new TokenRequest()
                .setParameters("grant_type=urn%3Aopenid%3Aparams%3Agrant-type%3Aciba&auth_req_id=" + issued.getAuthReqId())
                .setClientId(Long.toString(client.getClientId()))
                .setClientSecret(client.getClientSecret()));
        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(token.getSubject()).isEqualTo("sdk-ciba-user");
        assertThat(token.getIdToken()).isNotBlank();
    }

    @Test
    void cibaPingAndFailThroughTheSdk() {
        showingResponseBodies(this::cibaPingAndFail);
    }

    private void cibaPingAndFail() {
        AuthleteApi api = sdk();
        Client client = api.createClient(new Client()
                .setClientName("sdk ciba ping")
                .setClientType(ClientType.CONFIDENTIAL)
                .setGrantTypes(new GrantType[] {GrantType.CIBA})
                .setBcDeliveryMode(DeliveryMode.PING)
                .setBcNotificationEndpoint(URI.create("https://client.example.com/ciba")));
        BackchannelAuthenticationRequest request = new BackchannelAuthenticationRequest()
                .setParameters("scope=openid&login_hint=bob&client_notification_token=sdk-cnt")
                .setClientId(Long.toString(client.getClientId()))
                .setClientSecret(client.getClientSecret());

        BackchannelAuthenticationResponse first = api.backchannelAuthentication(request);
        String authReqId = api.backchannelAuthenticationIssue(new BackchannelAuthenticationIssueRequest().setTicket(first.getTicket()))
                .getAuthReqId();
        BackchannelAuthenticationCompleteResponse notified = api.backchannelAuthenticationComplete(
                new BackchannelAuthenticationCompleteRequest()
                        .setTicket(first.getTicket())
                        .setResult(BackchannelAuthenticationCompleteRequest.Result.AUTHORIZED)
                        .setSubject("bob-subject"));
        assertThat(notified.getAction()).isEqualTo(BackchannelAuthenticationCompleteResponse.Action.NOTIFICATION);
        assertThat(notified.getClientNotificationEndpoint()).isEqualTo(URI.create("https://client.example.com/ciba"));
        assertThat(notified.getClientNotificationToken()).isEqualTo("sdk-cnt");
        assertThat(notified.getResponseContent()).isEqualTo("{\"auth_req_id\":\"" + authReqId + "\"}");

        BackchannelAuthenticationResponse second = api.backchannelAuthentication(request);
        BackchannelAuthenticationFailResponse failed = api.backchannelAuthenticationFail(new BackchannelAuthenticationFailRequest()
                .setTicket(second.getTicket())
                .setReason(BackchannelAuthenticationFailRequest.Reason.UNKNOWN_USER_ID));
        assertThat(failed.getAction()).isEqualTo(BackchannelAuthenticationFailResponse.Action.BAD_REQUEST);
        assertThat(failed.getResponseContent()).contains("unknown_user_id");
    }
}
