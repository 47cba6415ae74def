package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.flows.internal.CleanupRegistry;
import io.github.authletetestkit.flows.internal.Flow;
import io.github.authletetestkit.flows.internal.FlowCatalog;
import io.github.authletetestkit.flows.internal.FlowEnvironment;
import io.github.authletetestkit.flows.internal.FlowListener;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import io.github.authletetestkit.flows.internal.FlowRunner;
import io.github.authletetestkit.flows.internal.StepEvent;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every flow of the contract suite's catalogue, run against the strict mock: the mock rejects a request and
 * refuses to send a response that violates our spec, so a flow that passes here means the flows, the mock
 * and the spec agree. Each flow must meet every step's expectation and leave no client behind.
 */
class SharedFlowsTest extends MockServerTestBase {

    static Stream<String> flows() {
        return FlowCatalog.all().stream().map(Flow::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void flowPassesOnTheStrictMockAndCleansUp(String flowId) {
        MockApiCaller caller = new MockApiCaller(mock);
        CleanupRegistry registry = new CleanupRegistry();
        FlowEnvironment env = new FlowEnvironment(caller, duration -> mock.clock().advance(duration), registry, "shared");
        List<StepEvent> steps = new ArrayList<>();
        FlowListener recorder = new FlowListener() {
            @Override
            public void performed(StepEvent event) {
                steps.add(event);
            }
        };
        Set<Long> clientsBefore = clientIds();

        // service-read comes first: the other flows read the service's configuration from it
        List<FlowOutcome> outcomes = new FlowRunner(env, false, operationId -> true, recorder).run(FlowCatalog.select(List.of(flowId)));

        assertThat(outcomes).last().extracting(o -> o.flow().id()).isEqualTo(flowId);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as("%s: %s", o.flow().id(), o.reason()).isEqualTo(FlowOutcome.Status.PASSED));
        assertThat(steps).isNotEmpty().allSatisfy(s -> {
            assertThat(s.mismatch()).as("%s → %s", s.step(), s.reply()).isNull();
            assertThat(s.lacksOperation()).as("%s: the mock lacks the operation", s.step()).isFalse();
        });
        if (outcomes.get(outcomes.size() - 1).flow().createsResources()) {
            assertThat(steps).as("a flow that creates resources created a client").anyMatch(s -> s.step().operationId().equals("client_create_api"));
        }
        assertThat(registry.unclaimed()).as("deletions nobody ran").isEmpty();
        assertThat(clientIds()).as("clients after the flow").isEqualTo(clientsBefore);
    }

    private Set<Long> clientIds() {
        HttpReply list = api.get("/client/get/list?start=0&end=1000");
        assertThat(list.status()).as("client list: %s", list).isEqualTo(200);
        Set<Long> ids = new TreeSet<>();
        for (JsonNode client : list.json().path("clients")) {
            ids.add(client.path("clientId").asLong());
        }
        return ids;
    }
}
