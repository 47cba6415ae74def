package io.github.authletetestkit.mock.internal.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authletetestkit.mock.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void faultsAreUsedInOrderForTheirCountThenGone() {
        FaultPlan plan = new FaultPlan().add("op", Fault.status(500), 2).add("op", Fault.status(503), 1);

        assertThat(plan.pending("op")).isEqualTo(3);
        assertThat(plan.next("op")).contains(Fault.status(500));
        assertThat(plan.next("op")).contains(Fault.status(500));
        assertThat(plan.next("op")).contains(Fault.status(503));
        assertThat(plan.next("op")).isEmpty();
        assertThat(plan.pending("op")).isZero();
    }

    @Test
    void operationSpecificFaultsComeBeforeTheWildcard() {
        FaultPlan plan = new FaultPlan().add(FaultPlan.ANY_OPERATION, Fault.status(500), 1).add("op", Fault.status(503), 1);

        assertThat(plan.next("op")).contains(Fault.status(503));
        assertThat(plan.next("other")).contains(Fault.status(500));
        assertThat(plan.next("op")).isEmpty();
    }

    @Test
    void plannedListsWhatIsLeftByOperationInOrderOfUse() {
        FaultPlan plan = new FaultPlan().add("b", Fault.status(500), 2).add("a", Fault.resetConnection(), 1).add("b", Fault.status(503), 1);
        plan.next("b");

        assertThat(plan.planned()).containsExactly(
                new FaultPlan.Planned("a", Fault.resetConnection(), 1),
                new FaultPlan.Planned("b", Fault.status(500), 1),
                new FaultPlan.Planned("b", Fault.status(503), 1));
        plan.next("b");
        assertThat(plan.planned()).extracting(FaultPlan.Planned::fault).containsExactly(Fault.resetConnection(), Fault.status(503));
    }

    @Test
    void clearDropsEverything() {
        FaultPlan plan = new FaultPlan().add("op", Fault.status(500), 9);
        plan.clear();
        assertThat(plan.next("op")).isEmpty();
    }

    @Test
    void invalidFaultsAreRefused() {
        assertThatThrownBy(() -> new FaultPlan().add("op", Fault.status(500), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultKinds() {
        assertThat(Fault.latency(Duration.ofSeconds(1)).replacesAnswer()).isFalse();
        assertThat(Fault.resetConnection().replacesAnswer()).isTrue();
        assertThat(Fault.status(500).after(Duration.ofMillis(5)).delay()).isEqualTo(Duration.ofMillis(5));
        assertThat(Fault.rateLimited(Duration.ofSeconds(3)).status()).isEqualTo(429);
    }
}
