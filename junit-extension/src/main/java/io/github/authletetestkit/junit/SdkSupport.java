package io.github.authletetestkit.junit;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.api.AuthleteApiImplV3;
import com.authlete.common.conf.AuthleteSimpleConfiguration;

/**
 * The only class that links against authlete-java-common (an optional dependency). Nothing loads it
 * unless a test asks for {@link AuthleteMock#authleteApi()} and the SDK is there, so the extension runs
 * without the SDK. (Linking this class needs the SDK: even a static method of it would fail without.)
 */
final class SdkSupport {

    /** The SDK class this one needs; ask {@link AuthleteMock#sdkAvailable} before touching this class at all. */
    static final String SDK_CLASS = "com.authlete.common.api.AuthleteApiImplV3";

    private SdkSupport() {
    }

    /** An Authlete API v3 client for the mock's default service, authenticated with the service token. */
    static AuthleteApi api(String baseUrl, long serviceId, String serviceToken) {
        return new AuthleteApiImplV3(new AuthleteSimpleConfiguration()
                .setApiVersion("V3")
                .setBaseUrl(baseUrl)
                .setServiceApiKey(Long.toString(serviceId))
                .setServiceAccessToken(serviceToken));
    }
}
