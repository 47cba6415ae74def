package io.github.authletetestkit.mock.robustness;

import io.github.authletetestkit.mock.testing.MockHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-picked bad input: each is refused with a 4xx whose body names the problem ({@code resultCode} and a
 * {@code resultMessage} that says what is wrong), never a 5xx; and nothing reaches a resource it should not.
 */
class BadInputTest extends ApiMockTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"parameters\": \"x\"", "{\"parameters\": \"x\"} junk", "{}}", "{'parameters': 'x'}", "{\"a\":1,}", "nul", "[1,2"})
    void malformedJsonIs400(String body) {
        HttpReply reply = api.send("POST", servicePath + "/auth/authorization", "application/json", body);

        refused(reply, 400, "A001201", "not valid JSON", "does not conform");
    }

    @Test
    void jsonNestedBeyondAThousandLevelsIs400() {
        HttpReply reply = api.send("POST", servicePath + "/auth/authorization", "application/json", "[".repeat(5000) + "]".repeat(5000));

        refused(reply, 400, "A001201", "nesting depth");
    }

    @Test
    void wrongContentTypeIs400NamingTheAllowedTypes() {
        HttpReply text = api.send("POST", servicePath + "/auth/authorization", "text/plain", "{\"parameters\": \"x\"}");
        HttpReply none = api.send("POST", servicePath + "/auth/authorization", null, "{\"parameters\": \"x\"}");
        HttpReply xml = api.send("POST", servicePath + "/auth/authorization", "application/xml", "<parameters>x</parameters>");

        refused(text, 400, "A001201", "Content-Type");
        refused(none, 400, "A001201", "Content-Type");
        refused(xml, 400, "A001201", "not valid JSON", "Content-Type");
    }

    @Test
    void aBodyOfTenMegabytesIs413() {
        String body = "{\"parameters\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}";

        HttpReply reply = api.send("POST", servicePath + "/auth/authorization", "application/json", body);

        refused(reply, 413, "A001201", "too large");
        assertThat(reply.text("resultMessage")).startsWith("[A001201] /auth/authorization, ");
    }

    @Test
    void aHugeParametersStringIs413AndALargeOneIsAnsweredInBand() {
        Driver.Client client = api.createClient("huge");
        String prefix = "response_type=code&client_id=" + client.id() + "&redirect_uri=" + MockHttp.enc(Driver.REDIRECT_URI) + "&state=";

        HttpReply huge = api.post("/auth/authorization", Map.of("parameters", prefix + "s".repeat(2 * 1024 * 1024)));
        HttpReply large = api.post("/auth/authorization", Map.of("parameters", prefix + "s".repeat(200 * 1024)));

        refused(huge, 413, "A001201", "too large");
        // 200 KB is within the limit: an ordinary authorization request with a long state
        assertThat(large.status()).isEqualTo(200);
        assertThat(large.action()).isEqualTo("INTERACTION");
    }

    @Test
    void oddButValidUnicodeIsKeptAsSent() {
        String name = "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD \u202Eevil\u202C e\u0301\u0301 日本語 \u0646\u0635 \u0000 \uFEFF";
        HttpReply created = api.post("/client/create", Map.of("clientName", name, "clientType", "PUBLIC"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        HttpReply read = api.send("GET", servicePath + "/client/get/" + created.json().get("clientId").asLong(), null, (String) null);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("clientName")).isEqualTo(name);
    }

    @Test
    void oddUnicodeWhereAnIdBelongsIs404NamingTheId() {
        HttpReply emoji = api.send("GET", servicePath + "/client/get/%F0%9F%98%80", null, (String) null);
        HttpReply rtl = api.send("GET", servicePath + "/client/get/%E2%80%AE123", null, (String) null);

        refused(emoji, 404, "A001206", "\uD83D\uDE00");
        refused(rtl, 404, "A001206", "No client");
    }

    @Test
    void bytesThatAreNotUtf8Are400() {
        byte[] latin1 = "{\"clientName\":\"caf\u00e9 \u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);

        HttpReply reply = api.send("POST", servicePath + "/client/create", "application/json", latin1);

        refused(reply, 400, "A001201", "UTF-8");
    }

    @Test
    void anUnescapedControlCharacterIs400() {
        HttpReply reply = api.send("POST", servicePath + "/client/create", "application/json", "{\"clientName\":\"a\u0001b\"}");

        refused(reply, 400, "A001201", "CTRL-CHAR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..%2F..%2Fservice%2Fget", "%2e%2e", "..", "..;", "%2e%2e%2f%2e%2e%2fservice%2fget", "..%5C..%5C",
            "%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd"})
    void pathTraversalInAClientIdFindsNoClient(String id) {
        HttpReply reply = api.send("GET", servicePath + "/client/get/" + id, null, (String) null);

        refused(reply, 404, "A001206", "No client has the ID");
    }

    @Test
    void dotSegmentsInThePathReachNoOtherApi() {
        HttpReply reply = api.send("GET", servicePath + "/client/get/../../" + mock.serviceId() + "/service/get", null, (String) null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.resultCode()).isEqualTo("A001209");
    }

    @Test
    void aNulInThePathIsRefusedByTheHttpServer() {
        HttpReply reply = api.send("GET", servicePath + "/client/get/%00", null, (String) null);

        // Jetty refuses it before the mock sees it, with its own HTML page: a 4xx all the same
        assertThat(reply.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "99999999999999999999", "9223372036854775808", "-9223372036854775809", "1e3", "0x10"})
    void negativeAndOverflowingClientIdsAre404(String id) {
        HttpReply reply = api.send("GET", servicePath + "/client/get/" + id, null, (String) null);

        refused(reply, 404, "A001206", "'" + id + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "0", "99999999999999999999", "abc"})
    void negativeOverflowingAndNonNumericServiceIdsAre404(String id) {
        HttpReply reply = api.send("GET", "/api/" + id + "/service/get", null, (String) null);

        refused(reply, 404, "A001205", "does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"start=-1", "end=-1", "start=5&end=2", "end=2147483648", "end=99999999999999999999", "start=abc", "start=1.5"})
    void badPagingNumbersAre400(String query) {
        HttpReply reply = api.send("GET", servicePath + "/client/get/list?" + query, null, (String) null);

        refused(reply, 400, "A001201", "start", "end", "int32", "integer", "does not conform");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999", "1e400", "1.5", "-1e400", "\"600\""})
    void overflowingFractionalOrQuotedDurationsAre400(String value) {
        HttpReply reply = api.send("POST", servicePath + "/service/update", "application/json", "{\"accessTokenDuration\": " + value + "}");

        refused(reply, 400, "A001201", "accessTokenDuration");
    }

    @Test
    void aNegativeDurationIs400() {
        HttpReply reply = api.send("POST", servicePath + "/service/update", "application/json", "{\"accessTokenDuration\": -1}");

        refused(reply, 400, "A001201", "accessTokenDuration");
    }

    @Test
    void aFormBodyWithABadPercentEscapeIs400() {
        HttpReply reply = api.send("POST", servicePath + "/auth/authorization", "application/x-www-form-urlencoded", "parameters=%zz&&=");

        refused(reply, 400, "A001201", "form");
    }

    /** A refusal with this status and code whose message names the problem (any of the given words). */
    private static void refused(HttpReply reply, int status, String resultCode, String... anyOf) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.resultCode()).as(reply.toString()).isEqualTo(resultCode);
        String message = reply.text("resultMessage");
        assertThat(message).as(reply.toString()).startsWith("[" + resultCode + "] ");
        assertThat(anyOf).as("words the message should contain: %s", reply).anySatisfy(word -> assertThat(message).contains(word));
    }
}
