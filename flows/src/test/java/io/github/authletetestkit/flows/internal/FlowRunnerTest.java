package io.github.authletetestkit.flows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the runner and the context do around a flow: expectations, checks, skips, cleanup, interrupts. */
class FlowRunnerTest {

    private static final ServiceProfile EVERYTHING = new ServiceProfile(Set.of("AUTHORIZATION_CODE"), Set.of("CODE"), Set.of("openid"),
            Set.of(), false, false, false, false);

    @FunctionalInterface
    interface Body {
        void run(FlowContext ctx) throws InterruptedException;
    }

    /** A flow made of a body, needing {@code operations}. */
    record TestFlow(String id, boolean createsResources, List<String> operations, Optional<String> unsupported, Body body)
            implements Flow {
        TestFlow(String id, Body body) {
            this(id, true, List.of("client_create_api"), Optional.empty(), body);
        }

        @Override
        public String title() {
            return id;
        }

        @Override
        public Optional<String> unsupportedBy(ServiceProfile service) {
            return unsupported;
        }

        @Override
        public void run(FlowContext ctx) throws InterruptedException {
            body.run(ctx);
        }
    }

    /** Remembers what it hears, as text. */
    static final class Heard implements FlowListener {
        final List<String> lines = new ArrayList<>();
        final List<StepEvent> events = new ArrayList<>();

        @Override
        public void started(int index, int total, Flow flow) {
            lines.add("started " + index + "/" + total + " " + flow.id());
        }

        @Override
        public void performed(StepEvent event) {
            events.add(event);
            lines.add((event.cleanup() ? "cleanup " : "step ") + event.step().name()
                    + (event.mismatch() == null ? "" : " ✗ " + event.mismatch()) + (event.lacksOperation() ? " (lacks operation)" : ""));
        }

        @Override
        public void checkFailed(String message) {
            lines.add("check failed: " + message);
        }

        @Override
        public void finished(int index, int total, FlowOutcome outcome) {
            lines.add("finished " + outcome.flow().id() + " " + outcome.status());
        }
    }

    private final ScriptedCaller caller = new ScriptedCaller();
    private final CleanupRegistry registry = new CleanupRegistry();
    private final List<Duration> elapsed = new ArrayList<>();
    private final FlowEnvironment env = new FlowEnvironment(caller, elapsed::add, registry, "run1");
    private final Heard heard = new Heard();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private List<FlowOutcome> run(boolean readOnly, Predicate<String> known, Flow... flows) {
        env.service(EVERYTHING);
        return new FlowRunner(env, readOnly, known, heard).run(List.of(flows));
    }

    private FlowOutcome run(Flow flow) {
        return run(false, op -> true, flow).get(0);
    }

    private static Step create(String name) {
        return Step.post(name, "client_create_api", "/client/create").management().json(java.util.Map.of("clientName", name))
                .expect(201).fields("clientId");
    }

    private static Step delete(long id) {
        return Step.delete("delete client " + id, "client_delete_api", "/client/delete/" + id).management();
    }

    @Test
    void aPassingFlowIsCleanedUpNewestFirstAfterwards() {
        caller.answer("client_create_api", 201, "{\"clientId\":1}");

        FlowOutcome outcome = run(new TestFlow("creates-two", ctx -> {
            ctx.call(create("first"));
            ctx.deleteAfterwards("client 1", delete(1));
            ctx.call(create("second"));
            ctx.deleteAfterwards("client 2", delete(2));
        }));

        assertThat(outcome.status()).isEqualTo(FlowOutcome.Status.PASSED);
        assertThat(outcome.reason()).isNull();
        assertThat(heard.lines).containsExactly("started 1/1 creates-two", "step first", "step second", "cleanup delete client 2",
                "cleanup delete client 1", "finished creates-two PASSED");
        assertThat(caller.requests).extracting(ApiRequest::path).containsExactly("/api/42/client/create", "/api/42/client/create",
                "/api/42/client/delete/2", "/api/42/client/delete/1");
        assertThat(registry.unclaimed()).isEmpty();
    }

    @Test
    void aStepThatMissesItsExpectationFailsTheFlowAndTheCleanupStillRuns() {
        caller.answer("client_create_api", 201, "{\"clientId\":1}")
                .answer("auth_token_api", 400, "{\"resultCode\":\"A001201\",\"resultMessage\":\"[A001201] bad\"}");

        FlowOutcome outcome = run(new TestFlow("fails", ctx -> {
            ctx.call(create("create"));
            ctx.deleteAfterwards("client 1", delete(1));
            ctx.call(Step.post("token", "auth_token_api", "/auth/token").expect(200, "OK"));
            ctx.call(Step.get("never", "client_get_api", "/client/get/1"));
        }));

        assertThat(outcome.status()).isEqualTo(FlowOutcome.Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("token: expected HTTP 200 but got 400 ([A001201] bad)");
        assertThat(caller.operations()).containsExactly("client_create_api", "auth_token_api", "client_delete_api");
        assertThat(heard.events.get(1).mismatch()).isEqualTo("expected HTTP 200 but got 400 ([A001201] bad)");
    }

    @Test
    void aFailedCheckIsToldToTheListenerAndNamesTheLastStep() {
        caller.answer("client_create_api", 201, "{\"clientId\":1,\"clientName\":\"other\"}");

        FlowOutcome outcome = run(new TestFlow("checks", ctx -> {
            Reply created = ctx.call(create("create"));
            ctx.check(ctx.resourceName().equals(created.text("clientName")), "the client has another name");
        }));

        assertThat(outcome.status()).isEqualTo(FlowOutcome.Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("create: the client has another name");
        assertThat(heard.lines).contains("check failed: the client has another name");
    }

    @Test
    void aDeletionThatFailsInTheCleanupFailsAPassingFlow() {
        caller.answer("client_create_api", 201, "{\"clientId\":1}").answer("client_delete_api", 500, "{}");

        FlowOutcome outcome = run(new TestFlow("cleanup-fails", ctx -> {
            ctx.call(create("create"));
            ctx.deleteAfterwards("client 1", delete(1));
        }));

        assertThat(outcome.status()).isEqualTo(FlowOutcome.Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("cleanup failed: client 1: expected HTTP 204 but got 500");
        assertThat(heard.events).last().satisfies(e -> assertThat(e.cleanup()).isTrue());
    }

    @Test
    void noAnswerFailsTheFlowWithAnEventWithoutReply() {
        caller.fail("client_create_api", new IOException("connection refused"));

        FlowOutcome outcome = run(new TestFlow("no-answer", ctx -> ctx.call(create("create"))));

        assertThat(outcome.status()).isEqualTo(FlowOutcome.Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("create: no answer: java.io.IOException: connection refused");
        assertThat(heard.events).singleElement().satisfies(e -> {
            assertThat(e.reply()).isNull();
            assertThat(e.mismatch()).isEqualTo("no answer: java.io.IOException: connection refused");
        });
    }

    @Test
    void anOperationTheTargetLacksSkipsTheFlowButAFailureInTheCleanupIsNoSkip() {
        caller.answer("client_create_api", 201, "{\"clientId\":1}").answer("device_authorization_api", 501, "{\"resultCode\":\"A001102\"}");

        FlowOutcome outcome = run(new TestFlow("lacks", ctx -> {
            ctx.call(create("create"));
            ctx.deleteAfterwards("client 1", delete(1));
            ctx.call(Step.post("device", "device_authorization_api", "/device/authorization").expect(200, "OK"));
        }));

        assertThat(outcome.status()).isEqualTo(FlowOutcome.Status.SKIPPED);
        assertThat(outcome.reason()).isEqualTo("target lacks operation device_authorization_api (HTTP 501)");
        assertThat(heard.lines).contains("step device (lacks operation)", "cleanup delete client 1");
    }

    @Test
    void anAnswerTheMockSynthesisedSkipsTheFlow() {
        caller.answer("client_create_api", 200, "{\"resultCode\":\"A000001\",\"resultMessage\":\"synthesised from the spec\"}");

        FlowOutcome outcome = run(new TestFlow("synthesised", ctx -> ctx.call(create("create"))));

        assertThat(outcome.status()).isEqualTo(FlowOutcome.Status.SKIPPED);
        assertThat(outcome.reason()).isEqualTo("target lacks operation client_create_api (the mock synthesised the answer from the spec)");
    }

    @Test
    void aResourceTheFlowDeletesItselfIsNotDeletedAgainAndCannotBeDeletedTwice() {
        caller.answer("client_create_api", 201, "{\"clientId\":1}");
        List<String> secondDeletion = new ArrayList<>();

        FlowOutcome outcome = run(new TestFlow("deletes-itself", ctx -> {
            ctx.call(create("create"));
            CleanupRegistry.Pending pending = ctx.deleteAfterwards("client 1", delete(1));
            assertThat(ctx.lastCreated()).isSameAs(pending);
            ctx.callDeleting(pending, delete(1));
            try {
                ctx.callDeleting(pending, delete(1));
            } catch (FlowFailure e) {
                secondDeletion.add(e.getMessage());
            }
        }));

        assertThat(outcome.status()).isEqualTo(FlowOutcome.Status.PASSED);
        assertThat(caller.operations()).containsExactly("client_create_api", "client_delete_api");
        assertThat(secondDeletion).containsExactly("'client 1' was already deleted by the cleanup (interrupted run?)");
        assertThat(heard.events).noneMatch(StepEvent::cleanup);
    }

    @Test
    void lastCreatedBeforeAnythingWasCreatedIsAProgrammingError() {
        FlowOutcome outcome = run(new TestFlow("nothing", FlowContext::lastCreated));

        assertThat(outcome.status()).isEqualTo(FlowOutcome.Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("unexpected error: java.lang.IllegalStateException: nothing was created yet");
    }

    @Test
    void preflightSkipsReadOnlyRunsUnknownOperationsAndUnsupportedFlowsWithoutCallingAnything() {
        TestFlow creates = new TestFlow("creates", ctx -> ctx.call(create("create")));
        TestFlow needsDevice = new TestFlow("needs-device", false, List.of("device_authorization_api"), Optional.empty(), ctx -> { });
        TestFlow unsupported = new TestFlow("unsupported", false, List.of(), Optional.of("the service does not support CIBA"), ctx -> { });

        List<FlowOutcome> outcomes = run(true, op -> !op.equals("device_authorization_api"), creates, needsDevice, unsupported);

        assertThat(outcomes).extracting(FlowOutcome::status).containsOnly(FlowOutcome.Status.SKIPPED);
        assertThat(outcomes).extracting(FlowOutcome::reason).containsExactly("creates resources (--read-only)",
                "target lacks operation device_authorization_api (not in the spec)", "the service does not support CIBA");
        assertThat(caller.requests).isEmpty();
    }

    @Test
    void withoutTheServiceProfileOnlyServiceReadRuns() {
        caller.answer("service_get_api", 500, "{}");
        TestFlow other = new TestFlow("other", false, List.of(), Optional.empty(), ctx -> { });

        List<FlowOutcome> outcomes = new FlowRunner(env, false, op -> true, heard).run(List.of(new ServiceReadFlow(), other));

        assertThat(outcomes.get(0).status()).isEqualTo(FlowOutcome.Status.FAILED);
        assertThat(outcomes.get(1).reason()).isEqualTo("not run: service-read did not pass, so the service's configuration is unknown");
    }

    @Test
    void serviceReadGivesTheOtherFlowsTheServiceProfile() {
        caller.answer("service_get_api", 200, "{\"apiKey\":42,\"supportedGrantTypes\":[\"PASSWORD\"],\"supportedScopes\":[{\"name\":\"email\"}]}")
                .answer("service_configuration_api", 200, "{\"issuer\":\"https://as.example.com\"}");
        List<ServiceProfile> seen = new ArrayList<>();

        List<FlowOutcome> outcomes = new FlowRunner(env, false, op -> true, heard).run(List.of(new ServiceReadFlow(),
                new TestFlow("reads", false, List.of(), Optional.empty(), ctx -> seen.add(ctx.service()))));

        assertThat(outcomes).extracting(FlowOutcome::status).containsOnly(FlowOutcome.Status.PASSED);
        assertThat(seen).singleElement().satisfies(p -> {
            assertThat(p.grantTypes()).containsExactly("PASSWORD");
            assertThat(p.scopes()).containsExactly("email");
        });
    }

    @Test
    void anInterruptStopsTheRunAfterTheCurrentFlowsCleanup() {
        caller.answer("client_create_api", 201, "{\"clientId\":1}");
        TestFlow interrupted = new TestFlow("interrupted", ctx -> {
            ctx.call(create("create"));
            ctx.deleteAfterwards("client 1", delete(1));
            throw new InterruptedException();
        });
        TestFlow next = new TestFlow("next", ctx -> ctx.call(create("never")));

        List<FlowOutcome> outcomes = run(false, op -> true, interrupted, next);

        assertThat(outcomes).extracting(FlowOutcome::status).containsExactly(FlowOutcome.Status.FAILED, FlowOutcome.Status.SKIPPED);
        assertThat(outcomes).extracting(FlowOutcome::reason).containsExactly("interrupted", "the run was interrupted");
        assertThat(caller.operations()).containsExactly("client_create_api", "client_delete_api");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void theContextNamesResourcesAfterRunAndFlowAndPassesTimeThroughTheTargetsClock() {
        List<String> names = new ArrayList<>();

        run(new TestFlow("named", ctx -> {
            names.add(ctx.resourceName());
            names.add(ctx.serviceIdText());
            ctx.elapse(Duration.ofSeconds(5));
        }));

        assertThat(names).containsExactly("authlete-contract-suite-run1-named", "42");
        assertThat(elapsed).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void theCatalogueRunsOnTheScriptedTargetOnlyAsFarAsItsAnswersGo() {
        // no service/get answer: the whole catalogue but service-read is left out, nothing else is called
        List<FlowOutcome> outcomes = new FlowRunner(env, false, op -> true, heard).run(FlowCatalog.all());

        assertThat(outcomes).hasSize(FlowCatalog.all().size());
        assertThat(outcomes.subList(1, outcomes.size())).extracting(FlowOutcome::status).containsOnly(FlowOutcome.Status.SKIPPED);
        assertThat(caller.operations()).containsExactly("service_get_api");
    }
}
