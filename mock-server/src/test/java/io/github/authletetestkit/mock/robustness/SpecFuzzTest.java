package io.github.authletetestkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.http.ApiPipeline;
import io.github.authletetestkit.mock.internal.http.SpecValidator;
import io.github.authletetestkit.mock.internal.model.ServiceDefaults;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.ServiceConfig;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.github.authletetestkit.spec.internal.SpecOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Thousands of requests generated from the loaded spec — valid ones and ones with one defect each — over
 * every operation, against a strict mock. No answer may be a 5xx (an operation the mock cannot answer at
 * all may say 501, counted apart), every answer must validate against the spec, requests with a defect the
 * spec rules out must be refused with 400, valid ones must pass request validation, and the mock's state
 * must be consistent afterwards. The seed is fixed: a failure names the request, and rerunning reproduces it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecFuzzTest {

    private static final long SEED = 20261129L;
    private static final int MIN_REQUESTS = 5_000;
    private static final int MIN_PER_OPERATION = 40;

    private AuthleteMockServer mock;
    private AuthleteSpec spec;
    private SpecValidator validator;
    private Driver service;
    private Driver org;
    private long scratchServiceId;
    private final Map<Long, Map<String, List<String>>> harvest = new ConcurrentHashMap<>();
    private int rejectedByHttpServer;
    private int scratchServices;

    @BeforeAll
    void start() {
        long startedAt = System.nanoTime();
        mock = AuthleteMockServer.builder().strict(true).build().start();
        spec = AuthleteSpec.bundled();
        validator = new SpecValidator(spec);
        service = Driver.of(mock.baseUrl(), mock.serviceId(), mock.serviceToken());
        org = service.withToken(mock.orgToken());
        System.out.printf("[robustness] fuzz: mock and validator ready in %d ms%n", (System.nanoTime() - startedAt) / 1_000_000);
    }

    @AfterAll
    void stop() {
        mock.stop();
    }

    @Test
    void generatedRequestsOverEveryOperationNeverBreakTheMock() {
        Random random = new Random(SEED);
        RequestGenerator generator = new RequestGenerator(spec, random);
        List<SpecOperation> operations = spec.operations();
        assertThat(operations).isNotEmpty();
        int perOperation = Math.max(MIN_PER_OPERATION, (MIN_REQUESTS + operations.size() - 1) / operations.size());
        for (int i = 0; i < 3; i++) {
            service.createClient("fuzz " + i);
        }
        scratchServiceId = newScratchService();

        List<String> failures = new ArrayList<>();
        Map<String, long[]> statusClasses = new TreeMap<>(); // operationId → [2xx, 4xx, 501, synthesised, micros]
        Map<RequestGenerator.Kind, Integer> kinds = new TreeMap<>();
        int sent = 0;
        int defaultServiceRestored = 0;
        long started = System.nanoTime();
        for (int round = 0; round < perOperation; round++) {
            for (SpecOperation operation : operations) {
                RequestGenerator.Kind kind = kind(random);
                RequestGenerator.Generated request = generator.generate(operation, kind, values(random));
                Driver caller = caller(operation, request, random);
                long sentAt = System.nanoTime();
                HttpReply reply = caller.send(request.method(), request.path(), request.contentType(), request.body());
                long micros = (System.nanoTime() - sentAt) / 1_000;
                sent++;
                kinds.merge(request.kind(), 1, Integer::sum);
                long[] tally = statusClasses.computeIfAbsent(String.valueOf(operation.operationId()), k -> new long[6]);
                tally[4] += micros;
                tally[reply.status() == 501 ? 2 : reply.status() / 100 == 2 ? 0 : 1]++;
                if (reply.synthesised()) {
                    tally[3]++;
                }
                long checkAt = System.nanoTime();
                String problem = check(request, reply);
                tally[5] += (System.nanoTime() - checkAt) / 1_000;
                if (problem != null && failures.size() < 25) {
                    failures.add(problem + "\n    request: " + request + "\n    answer:  " + reply);
                }
                harvest(request, reply);
                if (MockInternals.of(mock).store().service(mock.serviceId()).isEmpty()) {
                    // a generated service/delete on the default service: put it back so the rest still reaches it
                    mock.reset();
                    for (int i = 0; i < 3; i++) {
                        service.createClient("fuzz again " + i);
                    }
                    scratchServiceId = newScratchService();
                    harvest.clear();
                    defaultServiceRestored++;
                }
                if (MockInternals.of(mock).store().service(scratchServiceId).isEmpty()) {
                    scratchServiceId = newScratchService();
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long notImplemented = statusClasses.values().stream().mapToLong(t -> t[2]).sum();
        long synthesised = statusClasses.values().stream().mapToLong(t -> t[3]).sum();
        System.out.printf("[robustness] fuzz: %d requests over %d operations in %d ms (seed %d); kinds %s; "
                        + "501 not implemented: %d; synthesised answers: %d; refused by Jetty before the mock: %d; default service restored %d times%n",
                sent, operations.size(), millis, SEED, kinds, notImplemented, synthesised, rejectedByHttpServer, defaultServiceRestored);
        statusClasses.forEach((op, t) -> System.out.printf("[robustness]   %-50s 2xx %4d  4xx %4d  501 %4d  synthesised %4d  %6d ms (checking %d ms)%n",
                op, t[0], t[1], t[2], t[3], t[4] / 1000, t[5] / 1000));

        assertThat(sent).isGreaterThanOrEqualTo(MIN_REQUESTS);
        assertThat(failures).as("requests the mock answered wrongly").isEmpty();
        assertThat(mock.specViolations()).as("responses that violate the spec").isEmpty();
        StateInvariants.check(mock);
    }

    /**
     * The transport defects of {@link TransportDefect} (bad escapes, a backslash, broken or short or oversized
     * bodies, odd content types) on a valid request of every operation, as the service and unauthenticated:
     * each is a JSON 4xx with a result code, and the mock's state stays consistent.
     */
    @Test
    void transportDefectsOnEveryOperationAreJson4xx() {
        RequestGenerator generator = new RequestGenerator(spec, new Random(SEED));
        RequestGenerator.Values values = values(new Random(SEED));
        List<String> failures = new ArrayList<>();
        int sent = 0;
        long started = System.nanoTime();
        for (SpecOperation operation : spec.operations()) {
            RequestGenerator.Generated request = generator.generate(operation, RequestGenerator.Kind.VALID, values);
            for (String authorization : new String[] {"Bearer " + mock.orgToken(), null}) {
                for (TransportDefect defect : TransportDefect.all(request.method(), request.path(), authorization)) {
                    HttpReply reply = defect.send(mock.port());
                    sent++;
                    String code = reply.resultCode();
                    String message = reply.text("resultMessage");
                    if (reply.status() < 400 || reply.status() >= 500 || code == null || !code.matches("A\\d{6}")
                            || message == null || !message.startsWith("[" + code + "] ")) {
                        if (failures.size() < 25) {
                            failures.add(defect + " (" + operation.operationId() + ", " + (authorization == null ? "unauthenticated" : "authenticated")
                                    + ")\n    answer: " + reply);
                        }
                    }
                }
            }
        }
        System.out.printf("[robustness] fuzz: %d transport defects over %d operations in %d ms%n",
                sent, spec.operations().size(), (System.nanoTime() - started) / 1_000_000);

        assertThat(failures).as("transport defects not answered with a JSON 4xx").isEmpty();
        StateInvariants.check(mock);
    }

    /** Every kind of request; valid ones most often, so that state builds up for the later ones to use. */
    private static RequestGenerator.Kind kind(Random random) {
        RequestGenerator.Kind[] all = RequestGenerator.Kind.values();
        int roll = random.nextInt(100);
        if (roll < 35) {
            return RequestGenerator.Kind.VALID;
        }
        if (roll < 45) {
            return RequestGenerator.Kind.VALID_FORM;
        }
        return all[random.nextInt(all.length)];
    }

    private RequestGenerator.Values values(Random random) {
        return new RequestGenerator.Values() {
            @Override
            public long serviceId(SpecOperation operation) {
                // deleting the service of the path: do it to the scratch one, the default service carries the state
                boolean deletesService = operation.method().equals("DELETE") && operation.pathTemplate().endsWith("{serviceId}/service/delete");
                return deletesService || random.nextInt(5) == 0 ? scratchServiceId : mock.serviceId();
            }

            @Override
            public Driver.Client client(long serviceId) {
                List<ClientConfig> clients = MockInternals.of(mock).store().service(serviceId).map(ServiceState::clients).orElse(List.of());
                if (clients.isEmpty()) {
                    return null;
                }
                ClientConfig c = clients.get(random.nextInt(clients.size()));
                return new Driver.Client(c.clientId(), c.clientSecret());
            }

            @Override
            public String harvested(long serviceId, String kind) {
                List<String> seen = harvest.getOrDefault(serviceId, Map.of()).get(kind);
                return seen == null || seen.isEmpty() ? null : seen.get(random.nextInt(seen.size()));
            }
        };
    }

    private Driver caller(SpecOperation operation, RequestGenerator.Generated request, Random random) {
        if (!operation.pathTemplate().contains("{serviceId}")) {
            // the organisation token one time in four: a service/create it lets through costs an RSA key generation
            return random.nextInt(4) == 0 ? org : service;
        }
        boolean scratch = request.path().startsWith("/api/" + scratchServiceId + "/");
        return scratch || random.nextInt(5) == 0 ? org : service;
    }

    /** What is wrong with the answer, or null. */
    private String check(RequestGenerator.Generated request, HttpReply reply) {
        int status = reply.status();
        if (status >= 500 && status != 501) {
            return "a " + status + " answer";
        }
        if (status == 400 && reply.body() != null && reply.body().startsWith("<h1>Bad Message 400</h1>")) {
            // Jetty refuses an ambiguous path ("..", "%00", an encoded "/") before the mock sees it
            rejectedByHttpServer++;
            return null;
        }
        boolean healthcheck = request.path().startsWith(ApiPipeline.HEALTHCHECK_PATH);
        if (request.kind().mustBeRefused && status != 400 && !(healthcheck && request.kind() == RequestGenerator.Kind.BAD_QUERY)) {
            return "a request the spec rules out (" + request.kind() + ") was not refused with 400";
        }
        if (!request.kind().mustBeRefused && status == 400 && request.kind() != RequestGenerator.Kind.ODD_UNICODE
                && request.kind() != RequestGenerator.Kind.OUT_OF_RANGE && request.kind() != RequestGenerator.Kind.JUNK_PATH
                && String.valueOf(reply.text("resultMessage")).contains("does not conform")) {
            return "a request the spec allows failed request validation";
        }
        if (status >= 400) {
            String code = reply.resultCode();
            String message = reply.text("resultMessage");
            if (code == null || !code.matches("A\\d{6}") || message == null || !message.startsWith("[" + code + "] ") || message.length() < code.length() + 12) {
                return "an error answer without a result code and a clear message";
            }
        }
        // the same check strict mode makes, done independently: does the answer conform to the spec?
        String rawPath = request.path().contains("?") ? request.path().substring(0, request.path().indexOf('?')) : request.path();
        var operation = spec.match(request.method(), rawPath);
        if (operation.isPresent()) {
            List<String> findings = validator.checkResponse(operation.get().operation().pathTemplate(), request.method(), rawPath, status,
                    reply.contentType() == null ? null : reply.contentType().replace("; charset=utf-8", ""), reply.body()).stream()
                    .filter(f -> status < 400 || !f.startsWith(SpecValidator.UNDECLARED_STATUS))
                    .toList();
            if (!findings.isEmpty()) {
                return "the answer violates the spec: " + findings;
            }
        }
        return null;
    }

    /** Remembers tickets, codes and tokens from answers, per service, for later requests to use. */
    private void harvest(RequestGenerator.Generated request, HttpReply reply) {
        if (reply.status() != 200 || reply.contentType() == null || !reply.contentType().startsWith("application/json")
                || reply.body() == null || !reply.body().startsWith("{")) {
            return;
        }
        String[] segments = request.path().split("/");
        long serviceId;
        try {
            serviceId = Long.parseLong(segments[2]);
        } catch (RuntimeException notServiceScoped) {
            return;
        }
        JsonNode json = reply.json();
        for (String kind : List.of("ticket", "authorizationCode", "accessToken", "refreshToken")) {
            JsonNode value = json.get(kind);
            if (value != null && value.isTextual() && !value.asText().isEmpty() && !reply.synthesised()) {
                List<String> seen = harvest.computeIfAbsent(serviceId, k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(kind, k -> new ArrayList<>());
                if (seen.size() >= 50) {
                    seen.removeFirst();
                }
                seen.add(value.asText());
            }
        }
    }

    /**
     * A second service for destructive calls, put straight into the store: service/create would generate a
     * fresh RSA key each time (~0.1 s of CPU), and the fuzz deletes the scratch service dozens of times.
     */
    private long newScratchService() {
        long id = 5_000_000_000_000L + scratchServices++;
        MockInternals.of(mock).store().addService(new ServiceConfig(ServiceDefaults.service(id, "fuzz scratch " + id, "https://scratch.example.com",
                Jwks.sharedDefaultKeys(), mock.clock().instant())));
        Driver scratch = Driver.of(mock.baseUrl(), id, mock.orgToken());
        scratch.createClient("scratch client");
        return id;
    }
}
