package io.github.authletetestkit.benchmarks;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.api.ApiRoutes;
import io.github.authletetestkit.mock.internal.http.ApiPipeline;
import io.github.authletetestkit.mock.internal.http.HttpExchange;
import io.github.authletetestkit.mock.internal.journal.CallJournal;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

/**
 * The heap a live token takes: issue N tokens through the mock's own pipeline (in process, so that the run
 * takes seconds, not minutes; what is stored is exactly what an HTTP call stores), measure the used heap
 * after full collections, then let every token expire, sweep, and measure again.
 */
final class HeapPerToken {

    record Result(long liveBytes, double perToken, long afterSweepBytes, int tokensAfterSweep, double issueSeconds) {}

    static Result measure(int tokens) throws Exception {
        // an unstarted server: its seeded store and clock, and a pipeline of our own over them without HTTP,
        // validation or journal (the journal is bounded and would count as per-token heap it is not)
        AuthleteMockServer mock = AuthleteMockServer.builder().journalSize(0).validateRequests(false).validateResponses(false).build();
        ApiPipeline pipeline = new ApiPipeline(MockInternals.of(mock).store(), mock.clock(), new ApiRoutes(), AuthleteSpec.bundled(), null,
                new ApiPipeline.Validation(false, false, false), new CallJournal(0), MockInternals.of(mock).rateLimiter());
        String api = "/api/" + mock.serviceId();
        Map<String, String> headers = Map.of("authorization", "Bearer " + mock.serviceToken(), "content-type", "application/json");
        HttpExchange.Reply created = pipeline.handle(new HttpExchange("POST", api + "/client/create", Map.of(), headers,
                "{\"clientName\":\"heap\",\"clientType\":\"CONFIDENTIAL\",\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"],"
                        + "\"responseTypes\":[\"CODE\"],\"redirectUris\":[\"" + MockFlow.REDIRECT_URI + "\"]}"));
        String clientId = created.body().replaceAll("(?s).*\"clientId\":(\\d+).*", "$1");
        String secret = Http.member(created.body(), "clientSecret");
        String authorizationBody = "{\"parameters\":\"response_type=code&client_id=" + clientId + "&redirect_uri="
                + MockFlow.enc(MockFlow.REDIRECT_URI) + "&scope=profile&state=s\"}";
        ServiceState service = MockInternals.of(mock).defaultService();

        // warm up the code paths, then drop what that made
        issue(pipeline, api, headers, authorizationBody, clientId, secret, 2_000);
        service.removeTokens(t -> true);
        long before = usedHeapAfterGc();

        long started = System.nanoTime();
        issue(pipeline, api, headers, authorizationBody, clientId, secret, tokens);
        double issueSeconds = (System.nanoTime() - started) / 1e9;
        long live = usedHeapAfterGc() - before;
        if (service.counts().accessTokens() != tokens) {
            throw new IllegalStateException("expected " + tokens + " live tokens, the store holds " + service.counts());
        }

        mock.clock().advance(Duration.ofSeconds(service.config().refreshTokenDuration() + 3_600));
        MockInternals.of(mock).store().sweep(mock.clock().instant());
        long afterSweep = usedHeapAfterGc() - before;
        Result result = new Result(live, live / (double) tokens, afterSweep, service.tokens().size(), issueSeconds);
        // keep everything reachable until measured
        if (pipeline.violations().size() < 0 || created.status() < 0) {
            throw new AssertionError();
        }
        return result;
    }

    private static void issue(ApiPipeline pipeline, String api, Map<String, String> headers, String authorizationBody, String clientId,
                              String secret, int count) {
        for (int i = 0; i < count; i++) {
            String ticket = Http.member(pipeline.handle(new HttpExchange("POST", api + "/auth/authorization", Map.of(), headers,
                    authorizationBody)).body(), "ticket");
            String code = Http.member(pipeline.handle(new HttpExchange("POST", api + "/auth/authorization/issue", Map.of(), headers,
                    "{\"ticket\":\"" + ticket + "\",\"subject\":\"user-" + (i % 1000) + "\"}")).body(), "authorizationCode");
            String token = pipeline.handle(new HttpExchange("POST", api + "/auth/token", Map.of(), headers,
                    "{\"clientId\":\"" + clientId + "\",\"clientSecret\":\"" + secret + "\",\"parameters\":\"grant_type=authorization_code&code="
                            + code + "&redirect_uri=" + MockFlow.enc(MockFlow.REDIRECT_URI) + "\"}")).body();
            if (!token.contains("\"action\":\"OK\"")) {
                throw new IllegalStateException("token: " + token);
            }
        }
    }

    static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private HeapPerToken() {}
}
