package io.github.authletetestkit.flows;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.contract.check.CheckedFinding;
import io.github.authletetestkit.contract.check.Finding;
import io.github.authletetestkit.contract.report.Masker;
import io.github.authletetestkit.contract.report.StepRecord;
import io.github.authletetestkit.contract.target.ApiRequest;
import io.github.authletetestkit.contract.target.Exchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A flow's handle on the run: it performs steps (every exchange checked against the spec and recorded),
 * keeps what the flow created for deletion, and says where time and names come from.
 */
public final class FlowContext {

    /** The end-user every flow authenticates. */
    public static final String SUBJECT = "contract-suite-user";

    /** Members of answers whose values are secrets and must never reach a report. */
    private static final List<String> SECRET_MEMBERS = List.of("clientSecret", "newClientSecret", "accessToken", "refreshToken",
            "idToken", "ticket", "authorizationCode", "deviceCode", "userCode", "authReqId", "jwtAccessToken");

    private final FlowEnvironment env;
    private final Flow flow;
    private final List<StepRecord> steps = new ArrayList<>();
    private final List<CleanupRegistry.Pending> created = new ArrayList<>();
    private final List<String> cleanupFailures = new ArrayList<>();

    FlowContext(FlowEnvironment env, Flow flow) {
        this.env = env;
        this.flow = flow;
    }

    /**
     * Performs the step and checks the exchange against the spec.
     *
     * @throws FlowFailure when the answer does not meet the step's expectation (or none came)
     * @throws FlowSkipped when the target lacks the operation (HTTP 501, or a 404 that is not about a resource)
     */
    public Reply call(Step step) throws InterruptedException {
        return execute(step, StepRecord.Phase.FLOW);
    }

    /** Registers the deletion of something the flow just created; it runs after the flow, whatever happens. */
    public CleanupRegistry.Pending deleteAfterwards(String description, Step deletion) {
        CleanupRegistry.Pending pending = env.registry().register(env.masker().mask(description), deletion);
        created.add(pending);
        return pending;
    }

    /** The deletion registered last, for a flow that will delete that resource itself. */
    public CleanupRegistry.Pending lastCreated() {
        if (created.isEmpty()) {
            throw new IllegalStateException("nothing was created yet");
        }
        return created.get(created.size() - 1);
    }

    /**
     * Performs a step that deletes something registered with {@link #deleteAfterwards}; the cleanup then has
     * nothing left to do for it.
     */
    public Reply callDeleting(CleanupRegistry.Pending pending, Step deletion) throws InterruptedException {
        if (!pending.claim()) {
            throw new FlowFailure("'" + pending.description() + "' was already deleted by the cleanup (interrupted run?)");
        }
        return call(deletion);
    }

    /** Fails the flow with a behaviour mismatch attached to the last step, unless the condition holds. */
    public void check(boolean condition, String message) {
        if (!condition) {
            String masked = env.masker().mask(message);
            if (!steps.isEmpty()) {
                StepRecord last = steps.remove(steps.size() - 1);
                steps.add(new StepRecord(last.name(), last.phase(), last.operationId(), last.method(), last.path(), last.expected(),
                        last.status(), last.action(), last.durationMillis(), last.retries(), last.findings(),
                        last.mismatch() == null ? masked : last.mismatch() + "; " + masked, last.responseBody()));
            }
            throw new FlowFailure((steps.isEmpty() ? "" : steps.get(steps.size() - 1).name() + ": ") + masked);
        }
    }

    /** {@code authlete-contract-suite-<runId>-<flowId>}: the name of everything this flow creates. */
    public String resourceName() {
        return FlowEnvironment.PREFIX + "-" + env.runId() + "-" + flow.id();
    }

    /** The target's service ID (API key) as text. */
    public String serviceIdText() {
        return env.caller().credentials().serviceId();
    }

    /** The service's configuration as service-read found it. */
    public ServiceProfile service() {
        return env.service();
    }

    void service(ServiceProfile profile) {
        env.service(profile);
    }

    /** Lets the target's time pass (a polling interval): the mock's clock moves, a live target is waited for. */
    public void elapse(Duration duration) throws InterruptedException {
        env.target().elapse(duration);
    }

    List<StepRecord> steps() {
        return List.copyOf(steps);
    }

    List<String> cleanupFailures() {
        return List.copyOf(cleanupFailures);
    }

    /**
     * Deletes, newest first, whatever the flow created and nobody deleted yet. Runs with the thread's
     * interrupt flag cleared (an interrupted flow still cleans up) and restores it afterwards.
     */
    void cleanUp() {
        boolean interrupted = Thread.interrupted();
        try {
            for (int i = created.size() - 1; i >= 0; i--) {
                CleanupRegistry.Pending pending = created.get(i);
                if (!pending.claim()) {
                    continue;
                }
                try {
                    execute(pending.deletion(), StepRecord.Phase.CLEANUP);
                    if (steps.get(steps.size() - 1).mismatch() != null) {
                        cleanupFailures.add(pending.description() + ": " + steps.get(steps.size() - 1).mismatch());
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    cleanupFailures.add(pending.description() + ": interrupted");
                } catch (RuntimeException e) {
                    cleanupFailures.add(pending.description() + ": " + e.getMessage());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Reply execute(Step step, StepRecord.Phase phase) throws InterruptedException {
        ApiRequest request = step.toRequest(env.caller().servicePath(""));
        Exchange exchange;
        try {
            exchange = env.caller().call(request);
        } catch (IOException e) {
            String why = "no answer: " + e;
            record(step, phase, request, null, List.of(), why);
            throw new FlowFailure(step.name() + ": " + env.masker().mask(why), e);
        }
        Reply reply = new Reply(exchange);
        harvestSecrets(reply.json());
        if (phase == StepRecord.Phase.FLOW && (synthesised(reply) || unavailable(step, reply))) {
            // the spec may not describe the answer of a missing operation: no findings for this one
            record(step, phase, request, exchange, List.of(), null);
            throw FlowSkipped.lacksOperation(step.operationId(),
                    synthesised(reply) ? "the mock synthesised the answer from the spec" : "HTTP " + reply.status());
        }
        List<CheckedFinding> findings = env.checker().check(exchange);
        String mismatch = step.mismatch(reply);
        record(step, phase, request, exchange, findings, mismatch);
        if (mismatch != null && phase == StepRecord.Phase.FLOW) {
            throw new FlowFailure(step.name() + ": " + env.masker().mask(mismatch));
        }
        return reply;
    }

    /**
     * A missing operation: 501, 405, or a 404 that does not come from the operation itself (no
     * {@code resultCode}, or the mock's "no API has this path" code {@code A001209}) — unless the step
     * expected that status.
     */
    static boolean unavailable(Step step, Reply reply) {
        int status = reply.status();
        if (step.statuses().contains(status)) {
            return false;
        }
        if (status == 501 || status == 405) {
            return true;
        }
        if (status == 404) {
            String resultCode = reply.text("resultCode");
            return resultCode == null || resultCode.equals("A001209");
        }
        return false;
    }

    /**
     * The mock answers an operation it has no handler for with a response synthesised from the spec
     * ({@code resultCode} {@value #SYNTHESISED_CODE}, a message saying so): valid, but no behaviour to check.
     */
    static boolean synthesised(Reply reply) {
        String message = reply.text("resultMessage");
        return SYNTHESISED_CODE.equals(reply.text("resultCode")) && message != null && message.contains("synthesised");
    }

    static final String SYNTHESISED_CODE = "A000001";

    private void harvestSecrets(JsonNode json) {
        if (json.isObject()) {
            for (String member : SECRET_MEMBERS) {
                JsonNode value = json.get(member);
                if (value != null && value.isTextual()) {
                    env.masker().register(value.asText());
                }
            }
        }
    }

    private void record(Step step, StepRecord.Phase phase, ApiRequest request, Exchange exchange, List<CheckedFinding> findings,
                        String mismatch) {
        Masker masker = env.masker();
        String path = masker.mask(request.path().replace("/api/" + env.caller().credentials().serviceId() + "/", "/api/{serviceId}/"));
        List<CheckedFinding> masked = findings.stream()
                .map(f -> new CheckedFinding(new Finding(f.finding().operationId(), f.finding().direction(), f.finding().pointer(),
                        f.finding().key(), masker.mask(f.finding().message())), f.allowedBecause()))
                .toList();
        String action = null;
        if (exchange != null) {
            JsonNode body = Reply.parse(exchange.response().body());
            action = body.hasNonNull("action") ? body.get("action").asText() : null;
        }
        steps.add(new StepRecord(step.name(), phase, step.operationId(), step.method(), path, step.expectation(),
                exchange == null ? 0 : exchange.response().status(), action,
                exchange == null ? 0 : exchange.elapsed().toMillis(), exchange == null ? 0 : exchange.retries(), masked,
                mismatch == null ? null : masker.mask(mismatch),
                exchange == null ? null : masker.maskBody(exchange.response().body())));
    }
}
