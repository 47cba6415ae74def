package io.github.authletetestkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.mock.testing.RawHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their body slowly or not at all (#11 point 7): they hold no thread the other callers
 * need, and a silent one is answered and closed once the idle timeout passes.
 */
class SlowClientsTest {

    /** More than Jetty's whole pool of platform threads, which each would hold if requests ran on them. */
    private static final int SLOW_CLIENTS = 40;

    @Test
    void clientsStuckInTheirBodiesDoNotStarveTheOthers() throws IOException {
        AuthleteMockServer mock = AuthleteMockServer.builder().build().start();
        List<Socket> stuck = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                stuck.add(partialBody(mock));
            }
            Driver api = Driver.of(mock.baseUrl(), mock.serviceId(), mock.serviceToken());

            // the client's own timeout is generous: starved, each call would wait for the stuck ones' idle timeout
            for (int i = 0; i < 20; i++) {
                HttpReply reply = api.send("GET", "/api/" + mock.serviceId() + "/service/get", null, (String) null);
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            }

            for (Socket socket : stuck) {
                socket.setSoTimeout(1);
                assertThatThrownBy(() -> socket.getInputStream().read()).as("still waiting for its body")
                        .isInstanceOf(SocketTimeoutException.class);
            }
        } finally {
            for (Socket socket : stuck) {
                socket.close();
            }
            mock.stop();
        }
    }

    @Test
    void aSilentPartialBodyIsAnswered408AndClosedAfterTheIdleTimeout() throws IOException {
        AuthleteMockServer mock = AuthleteMockServer.builder().idleTimeout(Duration.ofMillis(300)).build().start();
        try (Socket socket = partialBody(mock)) {
            socket.setSoTimeout(RawHttp.READ_TIMEOUT_MILLIS);

            // RawHttp reads to the end of the stream: it returns only once the server has closed the connection
            HttpReply reply = RawHttp.parse(socket.getInputStream());

            assertThat(reply.status()).as(reply.toString()).isEqualTo(408);
            assertThat(reply.contentType()).startsWith("application/json");
            assertThat(reply.resultCode()).isEqualTo("A001201");
            assertThat(reply.text("resultMessage")).contains("in time");
        } finally {
            mock.stop();
        }
    }

    /** A connection that declared a 1,000-byte body, sent one byte of it, and went silent. */
    private static Socket partialBody(AuthleteMockServer mock) throws IOException {
        Socket socket = new Socket("localhost", mock.port());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/" + mock.serviceId() + "/auth/introspection HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + mock.serviceToken() + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
