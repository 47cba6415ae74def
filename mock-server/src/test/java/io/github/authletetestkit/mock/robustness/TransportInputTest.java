package io.github.authletetestkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.testing.AdminHttp;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.MockHttp;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad transport input is a JSON 4xx, never a 500 or an HTML page; the cases an HTTP client cannot send go on raw sockets. */
class TransportInputTest extends ApiMockTest {

    @Test
    void multipartWithoutABoundaryIsAJson400EvenUnauthenticated() {
        for (Driver caller : new Driver[] {api, api.withToken(null)}) {
            jsonClientError(caller.send("POST", servicePath + "/auth/introspection", "multipart/form-data", "token=x"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE"})
    void multipartWithoutABoundaryIsAJson400OnEveryMethod(String method) {
        refused(api.send(method, servicePath + "/client/delete/1", "multipart/form-data", "token=x"), 400, "boundary");
    }

    @Test
    void aBogusCharsetIsAJson4xx() {
        jsonClientError(api.send("POST", servicePath + "/auth/introspection", "application/json; charset=bogus-xyz", "{\"token\":\"x\"}"));
        jsonClientError(api.send("POST", servicePath + "/auth/introspection", "application/x-www-form-urlencoded; charset=bogus-xyz", "token=x"));
    }

    @Test
    void aFormParameterThatIsNotUtf8IsAJson4xx() {
        jsonClientError(api.send("POST", servicePath + "/auth/authorization", "application/x-www-form-urlencoded", "parameters=%ff%fe"));
    }

    @Test
    void aServiceIdWithASignOrLeadingZeroReachesNoService() {
        for (String id : new String[] {"+" + mock.serviceId(), "0" + mock.serviceId()}) {
            HttpReply reply = api.send("GET", "/api/" + id + "/service/get", null, (String) null);
            assertThat(reply.status()).as(reply.toString()).isIn(400, 404);
            assertThat(reply.contentType()).startsWith("application/json");
        }
    }

    Stream<TransportDefect> defects() {
        return Stream.of(true, false).flatMap(authenticated -> TransportDefect.all("POST", servicePath + "/auth/introspection",
                authenticated ? "Bearer " + mock.serviceToken() : null).stream());
    }

    @ParameterizedTest
    @MethodSource("defects")
    void everyTransportDefectIsAJson4xxAuthenticatedOrNot(TransportDefect defect) {
        jsonClientError(defect.send(mock.port()));
    }

    @Test
    void aBadEscapeInTheQueryIs400() {
        HttpReply reply = TransportDefect.badQueryEscape("GET", servicePath + "/client/get/list", "Bearer " + mock.serviceToken()).send(mock.port());

        refused(reply, 400, "escape", "query", "URI");
    }

    @Test
    void aBackslashInThePathIs4xx() {
        HttpReply reply = TransportDefect.backslashInPath("GET", servicePath + "/service/get", "Bearer " + mock.serviceToken()).send(mock.port());

        jsonClientError(reply);
    }

    @Test
    void aDeclaredHundredMegabyteBodyIsRefusedFromItsLengthWithoutWaitingForTheBody() {
        // a few bytes of the 100 MB follow and the client keeps its side open: the answer must come anyway, then the close
        HttpReply reply = TransportDefect.hugeDeclaredLength("POST", servicePath + "/auth/authorization", "Bearer " + mock.serviceToken())
                .send(mock.port());

        refused(reply, 413, "too large");
        assertThat(reply.text("resultMessage")).contains(String.valueOf(TransportDefect.HUGE_DECLARED_LENGTH)).startsWith("[A001201] /auth/authorization, ");
    }

    @Test
    void aChunkedBodyIsRefusedWith413AsSoonAsItPassesTheLimit() {
        // the body never ends: the answer must come from the bytes seen so far
        HttpReply reply = TransportDefect.chunkedOverTheLimit("POST", servicePath + "/auth/authorization", "Bearer " + mock.serviceToken())
                .send(mock.port());

        refused(reply, 413, "too large");
    }

    @Test
    void aBrokenChunkedBodyIs400() {
        HttpReply reply = TransportDefect.brokenChunks("POST", servicePath + "/auth/authorization", "Bearer " + mock.serviceToken()).send(mock.port());

        refused(reply, 400, "chunk", "body");
    }

    @Test
    void aBodyShorterThanItsContentLengthIs400() {
        HttpReply reply = TransportDefect.bodyShorterThanDeclared("POST", servicePath + "/auth/authorization", "Bearer " + mock.serviceToken())
                .send(mock.port());

        refused(reply, 400, "ended", "body");
    }

    @Test
    void aGzipBombIsRefusedOnceDecompressedPastTheLimit() {
        HttpReply reply = TransportDefect.gzipBomb("POST", servicePath + "/auth/introspection", "Bearer " + mock.serviceToken()).send(mock.port());

        refused(reply, 413, "once decompressed");
    }

    @Test
    void aGzipBodyWithinTheLimitIsReadAndGzipInGzipTooDeepIsRefused() {
        String authorization = "Bearer " + mock.serviceToken();
        HttpReply once = TransportDefect.gzipLayers("POST", servicePath + "/auth/introspection", authorization, 1, "{\"token\":\"unknown\"}").send(mock.port());
        HttpReply tooDeep = TransportDefect.gzipLayers("POST", servicePath + "/auth/introspection", authorization, 3, "{\"token\":\"unknown\"}").send(mock.port());

        assertThat(once.status()).as(once.toString()).isEqualTo(200);
        assertThat(once.action()).isNotBlank();
        refused(tooDeep, 400, "gzip inside gzip");
    }

    @Test
    void aBodyDeclaredGzipThatIsNotIs400() {
        HttpReply reply = TransportDefect.gzipThatIsNot("POST", servicePath + "/auth/introspection", "Bearer " + mock.serviceToken()).send(mock.port());

        refused(reply, 400, "not valid gzip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "1000-01-01T00:00:00Z"})
    void anExtremeClockSetIsRefusedAndNotApplied(String instant) {
        AdminHttp admin = new AdminHttp(mock.baseUrl(), null);

        HttpReply set = admin.send("POST", "clock", null, "{\"set\": \"" + instant + "\"}");
        HttpReply read = admin.get("clock");

        assertThat(set.status()).as(set.toString()).isEqualTo(400);
        assertThat(set.contentType()).startsWith("application/json");
        assertThat(set.body()).contains("set");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(mock.clock().offset().abs()).isLessThan(Duration.ofHours(1));
    }

    @Test
    void advancingTheClockAgainAndAgainStopsBeforeItOverflows() {
        AdminHttp admin = new AdminHttp(mock.baseUrl(), null);
        HttpReply last = null;
        for (int i = 0; i < 20 && (last == null || last.status() == 200); i++) {
            last = admin.send("POST", "clock", null, "{\"advance\": \"P36000D\"}");
        }

        assertThat(last.status()).as(last.toString()).isEqualTo(400);
        assertThat(admin.get("clock").status()).isEqualTo(200);
        assertThat(api.send("GET", servicePath + "/service/get", null, (String) null).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/nothing", "/api", "/api/", "/favicon.ico", "/api/1/nothing"})
    void every404OutsideTheAdminApiIsAResult(String path) {
        HttpReply reply = MockHttp.send(mock.baseUrl(), null, "GET", path, null, (byte[]) null);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        jsonClientError(reply);
    }

    /** The admin API's own error shape, {@code {"error": ...}}, also where WireMock has no route or no files. */
    @ParameterizedTest
    @ValueSource(strings = {"/__admin/nothing", "/__admin/authlete/nothing", "/__admin/files/x", "/__admin/mappings/00000000-0000-0000-0000-000000000000"})
    void every404OfTheAdminApiIsJson(String path) {
        HttpReply reply = MockHttp.send(mock.baseUrl(), null, "GET", path, null, (byte[]) null);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/json");
        assertThat(reply.json().path("error").asText()).as(reply.toString()).isNotBlank();
    }

    private static void jsonClientError(HttpReply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/json");
        assertThat(reply.resultCode()).as(reply.toString()).matches("A\\d{6}");
        assertThat(reply.text("resultMessage")).as(reply.toString()).startsWith("[" + reply.resultCode() + "] ");
    }

    /** A JSON 4xx of this status whose message names the problem (any of the given words). */
    private static void refused(HttpReply reply, int status, String... anyOf) {
        jsonClientError(reply);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(anyOf).as("words the message should contain: %s", reply).anySatisfy(word -> assertThat(reply.text("resultMessage")).containsIgnoringCase(word));
    }
}
