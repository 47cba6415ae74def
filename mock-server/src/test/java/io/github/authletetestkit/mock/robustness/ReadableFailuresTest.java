package io.github.authletetestkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.testing.HttpReply;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.github.authletetestkit.spec.internal.SpecOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Golden test of readable failures: requests that break the spec in every way the generator knows, over every
 * operation, are refused with messages that each name the result code, the operation, that it is the request, the
 * JSON pointer (or the parameter), the schema keyword, what was found and what was expected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadableFailuresTest {

    private static final Pattern REFUSAL = Pattern.compile(
            "^\\[A001201] \\S+, The request to (\\w+) does not conform to the API: (.+)$", Pattern.DOTALL);
    private static final Pattern FINDING = Pattern.compile(
            "^validation\\.request\\.(body|parameter)\\.schema\\.(\\w+) at (/\\S*|query parameter '[^']+'): found (.+), expected (.+)$",
            Pattern.DOTALL);

    private AuthleteMockServer mock;

    @BeforeAll
    void start() {
        mock = AuthleteMockServer.builder().strict(true).build().start();
    }

    @AfterAll
    void stop() {
        mock.stop();
    }

    @Test
    void everyFindingSaysOperationRequestPointerKeywordFoundAndExpected() {
        RequestGenerator generator = new RequestGenerator(AuthleteSpec.bundled(), new Random(17));
        Driver driver = Driver.of(mock.baseUrl(), mock.serviceId(), mock.orgToken());
        Set<String> distinct = new TreeSet<>();
        List<String> unreadable = new ArrayList<>();
        for (SpecOperation operation : AuthleteSpec.bundled().operations()) {
            for (RequestGenerator.Kind kind : List.of(RequestGenerator.Kind.WRONG_TYPE, RequestGenerator.Kind.MISSING_REQUIRED,
                    RequestGenerator.Kind.BAD_ENUM, RequestGenerator.Kind.BAD_QUERY)) {
                mock.reset(); // an operation may delete the service or its clients
                RequestGenerator.Generated request = generator.generate(operation, kind, values());
                HttpReply reply = driver.send(request.method(), request.path(), request.contentType(), request.body());
                String message = reply.status() == 400 ? reply.text("resultMessage") : null;
                if (message == null || !message.contains("does not conform")) {
                    continue;
                }
                Matcher refusal = REFUSAL.matcher(message);
                if (!refusal.matches() || !refusal.group(1).equals(operation.operationId())) {
                    unreadable.add(message);
                    continue;
                }
                for (String finding : refusal.group(2).split("; (?=validation\\.)")) {
                    Matcher parts = FINDING.matcher(finding);
                    if (parts.matches()) {
                        distinct.add(operation.operationId() + " " + parts.group(3) + " [" + parts.group(2) + "]");
                    } else {
                        unreadable.add(operation.operationId() + ": " + finding);
                    }
                }
            }
        }
        System.out.printf("[readable-failures] %d distinct findings; for example %s%n", distinct.size(),
                distinct.stream().limit(3).toList());

        assertThat(unreadable).as("findings that lack operation, pointer, keyword, found or expected").isEmpty();
        assertThat(distinct).as("distinct violations seeded").hasSizeGreaterThanOrEqualTo(50);
    }

    private RequestGenerator.Values values() {
        return RequestGenerator.defaultService(mock);
    }
}
