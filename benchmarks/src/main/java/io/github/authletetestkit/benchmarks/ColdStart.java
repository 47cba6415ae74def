package io.github.authletetestkit.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.authletetestkit.mock.AuthleteMockServer;

/**
 * The main of a new JVM the benchmark starts to time a cold start: {@code wiremock PORT} starts plain WireMock
 * with one stub for the health-check path (the baseline), {@code mock PORT} starts the mock in process, the way a
 * test JVM's first {@code AuthleteMockServer.builder().build().start()} does. Either then waits until the
 * parent has had its first answer and, when asked on stdin, prints its idle memory ({@link Memory}).
 */
public final class ColdStart {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        switch (args[0]) {
            case "wiremock" -> {
                WireMockServer wireMock = new WireMockServer(wireMockConfig().port(port).disableRequestJournal());
                wireMock.start();
                wireMock.stubFor(get(urlPathEqualTo("/api/lifecycle/healthcheck")).willReturn(okJson("{\"status\":\"OK\"}")));
            }
            case "mock" -> AuthleteMockServer.builder().port(port).build().start();
            default -> throw new IllegalArgumentException("wiremock or mock, not " + args[0]);
        }
        // the parent writes a line once it has timed the first answer; then this JVM reports its idle memory
        if (System.in.read() >= 0) {
            System.out.println(Memory.ofThisJvm().line());
            System.out.flush();
        }
        System.exit(0);
    }

    private ColdStart() {}
}
