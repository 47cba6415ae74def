package io.github.authletetestkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.model.ServiceDefaults;
import io.github.authletetestkit.mock.internal.oauth.Jwks;
import io.github.authletetestkit.mock.internal.store.ApiCredential;
import io.github.authletetestkit.mock.model.ServiceConfig;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.github.authletetestkit.spec.internal.SpecOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation of the loaded spec × every kind of caller, against the status the real service gives
 * (behaviour reference §1.2, §1.4): no Authorization header → 401 A001202; an unknown token → 401 A001203;
 * a service token of another service → 403 A001204; the service's own token and an organisation token get
 * through (anything but 401/403). Operations the spec marks {@code security: []} answer whatever the
 * token. {@code service/create} needs an organisation token. Each cell starts from a freshly reset mock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerAuthTableTest {

    /** Operations only an organisation token may call (the spec's descriptions say so; no machine-readable mark). */
    static final Set<String> ORGANISATION_ONLY = Set.of("service_create_api");

    private static final String OTHER_SERVICE_TOKEN = "robustness-other-service-token";
    private static final long OTHER_SERVICE_ID = 4_444_444_444_444L;

    enum Caller { NO_TOKEN, WRONG_TOKEN, OTHER_SERVICE_TOKEN, SERVICE_TOKEN, ORGANISATION_TOKEN }

    private AuthleteMockServer mock;
    private AuthleteSpec spec;

    @BeforeAll
    void start() {
        mock = AuthleteMockServer.builder().strict(true).build().start();
        spec = AuthleteSpec.bundled();
    }

    @AfterAll
    void stop() {
        mock.stop();
    }

    @Test
    void everyOperationAnswersEveryKindOfCallerAsAuthleteDoes() {
        RequestGenerator generator = new RequestGenerator(spec, new Random(7));
        List<String> wrong = new ArrayList<>();
        Set<String> notImplemented = new TreeSet<>();
        Set<String> synthesised = new TreeSet<>();
        int cells = 0;
        long started = System.nanoTime();
        for (SpecOperation operation : spec.operations()) {
            Integer unauthenticatedStatus = null;
            for (Caller caller : Caller.values()) {
                freshState();
                RequestGenerator.Generated request = generator.generate(operation, RequestGenerator.Kind.VALID, values());
                HttpReply reply = driver(caller).send(request.method(), request.path(), request.contentType(), request.body());
                cells++;
                if (reply.status() == 501) {
                    notImplemented.add(String.valueOf(operation.operationId()));
                }
                if (reply.synthesised()) {
                    synthesised.add(String.valueOf(operation.operationId()));
                }
                String problem = judge(operation, caller, reply);
                if (problem == null && !operation.authenticated()) {
                    // an operation without security answers everyone alike
                    if (unauthenticatedStatus == null) {
                        unauthenticatedStatus = reply.status();
                    } else if (unauthenticatedStatus != reply.status()) {
                        problem = "answered " + reply.status() + " where the other callers got " + unauthenticatedStatus;
                    }
                }
                if (problem != null) {
                    wrong.add(operation + " × " + caller + ": " + problem + "\n    request: " + request + "\n    answer:  " + reply);
                }
            }
        }
        System.out.printf("[robustness] caller-auth table: %d operations × %d callers = %d cells in %d ms; "
                        + "501 not implemented: %s; answered by synthesis: %d operations%n",
                spec.operations().size(), Caller.values().length, cells, (System.nanoTime() - started) / 1_000_000,
                notImplemented, synthesised.size());
        assertThat(wrong).as("cells that differ from the real service").isEmpty();
        assertThat(mock.specViolations()).as("responses that violate the spec").isEmpty();
        assertThat(synthesised).as("bundled operations answered from the spec instead of a handler").isEmpty();
    }

    /** What is wrong with the answer for this caller, or null. */
    static String judge(SpecOperation operation, Caller caller, HttpReply reply) {
        int status = reply.status();
        if (status >= 500 && status != 501) {
            return "a " + status + " answer";
        }
        if (!operation.authenticated()) {
            return status == 401 || status == 403 ? "an operation without security refused the caller" : null;
        }
        boolean serviceScoped = operation.pathTemplate().contains("{serviceId}");
        boolean organisationOnly = ORGANISATION_ONLY.contains(operation.operationId());
        return switch (caller) {
            case NO_TOKEN -> expect(reply, 401, "A001202");
            case WRONG_TOKEN -> expect(reply, 401, "A001203");
            case OTHER_SERVICE_TOKEN -> serviceScoped || organisationOnly ? expect(reply, 403, "A001204") : admitted(reply);
            case SERVICE_TOKEN -> organisationOnly ? expect(reply, 403, "A001204") : admitted(reply);
            case ORGANISATION_TOKEN -> admitted(reply);
        };
    }

    private static String expect(HttpReply reply, int status, String resultCode) {
        if (reply.status() != status || !resultCode.equals(reply.resultCode())) {
            return "expected " + status + " " + resultCode;
        }
        String message = reply.text("resultMessage");
        return message != null && message.startsWith("[" + resultCode + "] ") ? null : "no clear result message";
    }

    private static String admitted(HttpReply reply) {
        return reply.status() == 401 || reply.status() == 403 ? "a caller with a valid token was refused" : null;
    }

    private Driver driver(Caller caller) {
        Driver base = Driver.of(mock.baseUrl(), mock.serviceId(), null);
        return switch (caller) {
            case NO_TOKEN -> base;
            case WRONG_TOKEN -> base.withToken("no-such-token-" + Long.toHexString(System.nanoTime()));
            case OTHER_SERVICE_TOKEN -> base.withToken(OTHER_SERVICE_TOKEN);
            case SERVICE_TOKEN -> base.withToken(mock.serviceToken());
            case ORGANISATION_TOKEN -> base.withToken(mock.orgToken());
        };
    }

    /** The seed, a second service with a service token of its own, and a client of the default service. */
    private void freshState() {
        mock.reset();
        MockInternals.of(mock).store().addService(new ServiceConfig(ServiceDefaults.service(OTHER_SERVICE_ID, "other service",
                "https://other.example.com", Jwks.sharedDefaultKeys(), mock.clock().instant())));
        MockInternals.of(mock).store().addCredential(ApiCredential.service(OTHER_SERVICE_TOKEN, OTHER_SERVICE_ID));
        Driver.of(mock.baseUrl(), mock.serviceId(), mock.serviceToken()).createClient("auth table");
    }

    private RequestGenerator.Values values() {
        return RequestGenerator.defaultService(mock);
    }
}
