package io.github.authletetestkit.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.contract.internal.target.EmbeddedMockTarget;
import io.github.authletetestkit.contract.internal.target.JdkHttpTransport;
import io.github.authletetestkit.contract.internal.target.Transport;
import io.github.authletetestkit.flows.internal.FlowEnvironment;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.model.ClientConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C at any instant of a flow leaves nothing on the target: the interrupt is driven while each call of the
 * authorization-code flow is under way (so also before the first answer returns) and between each two calls.
 */
class InterruptAtEveryStepTest {

    private static final List<String> FLOWS = List.of("authorization-code");
    private static EmbeddedMockTarget mock;

    @BeforeAll
    static void start() {
        mock = EmbeddedMockTarget.start();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    private enum Moment { WHILE_THE_CALL_IS_UNDER_WAY, BETWEEN_CALLS }

    /** Runs the flow, interrupting at call {@code at} (0: never); returns how many calls the flow made. */
    private int runInterruptedAt(int at, Moment moment) throws InterruptedException {
        AtomicReference<Runnable> interruption = new AtomicReference<>();
        AtomicReference<Thread> hook = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        Transport real = new JdkHttpTransport(mock.baseUrl(), Duration.ofSeconds(10));
        Transport interrupting = (request, token) -> {
            int call = calls.incrementAndGet();
            if (call == at && moment == Moment.WHILE_THE_CALL_IS_UNDER_WAY) {
                hook.set(Thread.ofPlatform().start(interruption.get())); // Ctrl-C now: this call has not answered yet
            }
            if (call == at + 1 && moment == Moment.BETWEEN_CALLS) {
                hook.set(Thread.ofPlatform().start(interruption.get())); // Ctrl-C after call `at` answered:
                throw new InterruptedException("interrupted before the next request went out");
            }
            return real.send(request, token);
        };
        ContractSuite.run(mock, ContractSuite.Options.defaults().withFlows(FLOWS).withTransports(url -> interrupting),
                interruption::set);
        Thread.interrupted(); // an interrupted run leaves the runner's thread interrupted, as a real interrupt would
        if (hook.get() != null) {
            hook.get().join(30_000);
        }
        return calls.get();
    }

    private List<String> leftovers() {
        List<String> names = new ArrayList<>();
        for (ClientConfig client : MockInternals.of(mock.server()).store().service(mock.server().serviceId()).orElseThrow().clients()) {
            if (client.clientName() != null && client.clientName().startsWith(FlowEnvironment.PREFIX)) {
                names.add(client.clientName());
            }
        }
        return names;
    }

    @Test
    void anInterruptAtAnyInstantLeavesNoClientBehind() throws Exception {
        int calls = runInterruptedAt(0, null);
        assertThat(calls).as("calls of an uninterrupted run").isGreaterThan(5);
        assertThat(leftovers()).as("an uninterrupted run cleans up").isEmpty();

        for (Moment moment : Moment.values()) {
            for (int at = 1; at <= calls; at++) {
                runInterruptedAt(at, moment);

                assertThat(leftovers()).as("interrupted %s at call %d of %d", moment, at, calls).isEmpty();
            }
        }
    }
}
