package io.github.authletetestkit.mock.e2e;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.api.AuthleteApiImplV3;
import com.authlete.common.conf.AuthleteSimpleConfiguration;
import io.github.authletetestkit.mock.AuthleteMockServer;

/** Authlete's Java SDK ({@code AuthleteApiImplV3}), unchanged, pointed at a mock's default service. */
final class JavaSdk {

    private JavaSdk() {}

    static AuthleteApi api(AuthleteMockServer mock) {
        return api(mock, mock.serviceToken());
    }

    /** With another access token, e.g. the organization token, which may also create and list services. */
    static AuthleteApi api(AuthleteMockServer mock, String token) {
        return new AuthleteApiImplV3(new AuthleteSimpleConfiguration()
                .setApiVersion("V3")
                .setBaseUrl(mock.baseUrl())
                .setServiceApiKey(Long.toString(mock.serviceId()))
                .setServiceAccessToken(token));
    }
}
