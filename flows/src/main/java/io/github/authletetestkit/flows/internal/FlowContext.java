package io.github.authletetestkit.flows.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A flow's handle on the run: it performs steps (every one told to the {@link FlowListener}), keeps what the
 * flow created for deletion, and says where time and names come from.
 */
public final class FlowContext {

    /** The end-user every flow authenticates. */
    public static final String SUBJECT = "contract-suite-user";

    private final FlowEnvironment env;
    private final Flow flow;
    private final FlowListener listener;
    private final List<CleanupRegistry.Pending> created = new ArrayList<>();
    private final List<String> cleanupFailures = new ArrayList<>();
    /** The flow's last own step: a failed {@link #check} is about its answer. */
    private Step lastStep;

    FlowContext(FlowEnvironment env, Flow flow, FlowListener listener) {
        this.env = env;
        this.flow = flow;
        this.listener = listener;
    }

    /**
     * Performs the step and checks the answer against the step's expectation.
     *
     * @throws FlowFailure when the answer does not meet the step's expectation (or none came)
     * @throws FlowSkipped when the target lacks the operation (HTTP 501, or a 404 that is not about a resource)
     */
    public Reply call(Step step) throws InterruptedException {
        return execute(step, false);
    }

    /** Registers the deletion of something the flow just created; it runs after the flow, whatever happens. */
    public CleanupRegistry.Pending deleteAfterwards(String description, Step deletion) {
        CleanupRegistry.Pending pending = env.registry().register(description, deletion);
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
            listener.checkFailed(message);
            throw new FlowFailure((lastStep == null ? "" : lastStep.name() + ": ") + message);
        }
    }

    /** {@code authlete-contract-suite-<runId>-<flowId>}: the name of everything this flow creates. */
    public String resourceName() {
        return FlowEnvironment.PREFIX + "-" + env.runId() + "-" + flow.id();
    }

    /** The target's service ID (API key) as text. */
    public String serviceIdText() {
        return env.caller().serviceId();
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
        env.clock().elapse(duration);
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
                    String mismatch = pending.deletion().mismatch(execute(pending.deletion(), true));
                    if (mismatch != null) {
                        cleanupFailures.add(pending.description() + ": " + mismatch);
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

    private Reply execute(Step step, boolean cleanup) throws InterruptedException {
        if (!cleanup) {
            lastStep = step;
        }
        ApiRequest request = step.toRequest(env.caller().servicePath(""));
        Exchange exchange;
        try {
            exchange = env.caller().call(request);
        } catch (IOException e) {
            String why = "no answer: " + e;
            listener.performed(new StepEvent(step, cleanup, request, null, why, false));
            throw new FlowFailure(step.name() + ": " + why, e);
        }
        Reply reply = new Reply(exchange);
        if (!cleanup && (synthesised(reply) || unavailable(step, reply))) {
            listener.performed(new StepEvent(step, false, request, reply, null, true));
            throw FlowSkipped.lacksOperation(step.operationId(),
                    synthesised(reply) ? "the mock synthesised the answer from the spec" : "HTTP " + reply.status());
        }
        String mismatch = step.mismatch(reply);
        listener.performed(new StepEvent(step, cleanup, request, reply, mismatch, false));
        if (mismatch != null && !cleanup) {
            throw new FlowFailure(step.name() + ": " + mismatch);
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
}
