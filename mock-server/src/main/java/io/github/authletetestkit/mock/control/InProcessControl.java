package io.github.authletetestkit.mock.control;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.Fault;
import io.github.authletetestkit.mock.RecordedCall;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.faults.FaultPlan;
import io.github.authletetestkit.mock.internal.state.SeedException;
import io.github.authletetestkit.mock.model.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** {@link AuthleteMockControl} of a server in this JVM: calls the server directly, no HTTP. */
public final class InProcessControl implements AuthleteMockControl {

    private final AuthleteMockServer server;
    private final MockInternals internals;
    private final Runnable reset;

    /** The control of {@code server}; its {@link #reset()} is the server's. */
    public InProcessControl(AuthleteMockServer server) {
        this(server, server::reset);
    }

    /** The control of {@code server} whose {@link #reset()} runs {@code reset} instead (say, a reset that keeps a baseline). */
    public InProcessControl(AuthleteMockServer server, Runnable reset) {
        this.server = Objects.requireNonNull(server, "server");
        this.internals = MockInternals.of(server);
        this.reset = Objects.requireNonNull(reset, "reset");
    }

    @Override
    public ClockReading clock() {
        return ClockReading.of(server.clock());
    }

    @Override
    public ClockReading advanceClock(Duration amount) {
        server.clock().advance(Objects.requireNonNull(amount, "amount"));
        return clock();
    }

    @Override
    public ClockReading setClock(Instant now) {
        server.clock().set(Objects.requireNonNull(now, "now"));
        return clock();
    }

    @Override
    public ClockReading freezeClock() {
        server.clock().freeze();
        return clock();
    }

    @Override
    public ClockReading unfreezeClock() {
        server.clock().unfreeze();
        return clock();
    }

    @Override
    public void addFault(String operation, Fault fault, int calls) {
        FaultPlan.checkOperation(Objects.requireNonNull(operation, "operation"), server.operationIds());
        internals.faults().add(operation, Objects.requireNonNull(fault, "fault"), calls);
    }

    @Override
    public List<PlannedFault> faults() {
        return internals.faults().planned().stream().map(FaultPlan.Planned::shown).toList();
    }

    @Override
    public void clearFaults() {
        internals.faults().clear();
    }

    @Override
    public List<MockCall> calls() {
        return read(call -> true);
    }

    @Override
    public List<MockCall> calls(String operation) {
        Objects.requireNonNull(operation, "operation");
        return read(call -> operation.equals(call.operationId()));
    }

    private List<MockCall> read(Predicate<RecordedCall> which) {
        List<RecordedCall> recorded = internals.journal().calls(which);
        String baseUrl = server.baseUrl();
        return recorded.subList(Math.max(0, recorded.size() - CALLS_READ), recorded.size()).stream()
                .map(call -> MockCall.of(call, baseUrl)).toList();
    }

    @Override
    public void clearCalls() {
        internals.journal().clear();
    }

    @Override
    public String state() {
        return Json.write(server.state());
    }

    @Override
    public void seed(String document) {
        try {
            server.loadSeed(Json.parse(Objects.requireNonNull(document, "document")));
        } catch (SeedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public void reset() {
        reset.run();
    }

    @Override
    public String toString() {
        return "InProcessControl[" + server.baseUrl() + "]";
    }
}
