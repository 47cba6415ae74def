package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OAuthErrorsTest {

    @Nested
    class ErrorJson {

        @Test
        void writesAllMembersCompactlyInOrder() {
            assertThat(OAuthErrors.errorJson("invalid_grant", "[A050112] The code is unknown.", "https://docs.authlete.com/#A050112"))
                    .isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"[A050112] The code is unknown.\","
                            + "\"error_uri\":\"https://docs.authlete.com/#A050112\"}");
        }

        @Test
        void omitsNullMembers() {
            assertThat(OAuthErrors.errorJson("invalid_client", null, null)).isEqualTo("{\"error\":\"invalid_client\"}");
            assertThat(OAuthErrors.errorJson("invalid_client", null, "u")).isEqualTo("{\"error\":\"invalid_client\",\"error_uri\":\"u\"}");
            assertThat(OAuthErrors.errorJson(null, "d", null)).isEqualTo("{\"error_description\":\"d\"}");
            assertThat(OAuthErrors.errorJson(null, null, null)).isEqualTo("{}");
        }

        @Test
        void escapesSoThatTheValuesSurviveParsing() throws Exception {
            String description = "He said \"no\" \\ then\nleft\t\u0001 — é";

            JsonNode parsed = new ObjectMapper().readTree(OAuthErrors.errorJson("invalid_request", description, null));

            assertThat(parsed.get("error_description").asText()).isEqualTo(description);
            assertThat(parsed.has("error_uri")).isFalse();
        }
    }

    @Nested
    class WwwAuthenticate {

        @Test
        void writesAllMembers() {
            assertThat(OAuthErrors.wwwAuthenticate("Bearer", "invalid_token", "[A065301] The access token has expired.",
                    "https://docs.authlete.com/#A065301"))
                    .isEqualTo("Bearer error=\"invalid_token\",error_description=\"[A065301] The access token has expired.\","
                            + "error_uri=\"https://docs.authlete.com/#A065301\"");
        }

        @Test
        void usesTheGivenScheme() {
            assertThat(OAuthErrors.wwwAuthenticate("DPoP", "invalid_dpop_proof", null, null))
                    .isEqualTo("DPoP error=\"invalid_dpop_proof\"");
        }

        @Test
        void nullSchemeMeansBearer() {
            assertThat(OAuthErrors.wwwAuthenticate(null, "invalid_request", null, null)).isEqualTo("Bearer error=\"invalid_request\"");
        }

        @Test
        void omitsNullMembers() {
            assertThat(OAuthErrors.wwwAuthenticate("Bearer", null, "d", null)).isEqualTo("Bearer error_description=\"d\"");
            assertThat(OAuthErrors.wwwAuthenticate("Bearer", null, null, "u")).isEqualTo("Bearer error_uri=\"u\"");
            assertThat(OAuthErrors.wwwAuthenticate("Bearer", "e", null, "u")).isEqualTo("Bearer error=\"e\",error_uri=\"u\"");
        }

        @Test
        void onlyTheSchemeWhenEverythingIsNull() {
            assertThat(OAuthErrors.wwwAuthenticate("Bearer", null, null, null)).isEqualTo("Bearer");
            assertThat(OAuthErrors.wwwAuthenticate(null, null, null, null)).isEqualTo("Bearer");
        }

        @Test
        void escapesQuotesAndBackslashes() {
            assertThat(OAuthErrors.wwwAuthenticate("Bearer", "invalid_token", "say \"hi\" C:\\tmp", null))
                    .isEqualTo("Bearer error=\"invalid_token\",error_description=\"say \\\"hi\\\" C:\\\\tmp\"");
        }

        @Test
        void replacesControlCharactersSoTheHeaderCannotBeSplit() {
            assertThat(OAuthErrors.wwwAuthenticate("Bearer", null, "a\r\nSet-Cookie: x\tb\u007Fc", null))
                    .isEqualTo("Bearer error_description=\"a  Set-Cookie: x b c\"");
        }
    }
}
