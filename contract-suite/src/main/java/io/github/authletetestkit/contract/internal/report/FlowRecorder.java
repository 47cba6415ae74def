package io.github.authletetestkit.contract.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.contract.internal.check.CheckedFinding;
import io.github.authletetestkit.contract.internal.check.Finding;
import io.github.authletetestkit.contract.internal.check.SpecChecker;
import io.github.authletetestkit.flows.internal.Exchange;
import io.github.authletetestkit.flows.internal.Flow;
import io.github.authletetestkit.flows.internal.FlowListener;
import io.github.authletetestkit.flows.internal.FlowOutcome;
import io.github.authletetestkit.flows.internal.Reply;
import io.github.authletetestkit.flows.internal.StepEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a flow run into the report's {@link FlowResult}s: checks every exchange against the spec, learns the
 * secrets answers carry and masks everything it keeps, and passes each flow's result on to the progress line.
 * Follows one runner's flows in order (not thread-safe).
 */
public final class FlowRecorder implements FlowListener {

    /** Members of answers whose values are secrets and must never reach a report. */
    private static final List<String> SECRET_MEMBERS = List.of("clientSecret", "newClientSecret", "accessToken", "refreshToken",
            "idToken", "ticket", "authorizationCode", "deviceCode", "userCode", "authReqId", "jwtAccessToken");

    private final SpecChecker checker;
    private final Masker masker;
    private final String serviceId;
    private final ProgressListener progress;
    private final List<StepRecord> steps = new ArrayList<>();
    private final List<FlowResult> results = new ArrayList<>();

    /** @param progress told about each flow; {@code null} for nobody */
    public FlowRecorder(SpecChecker checker, Masker masker, String serviceId, ProgressListener progress) {
        this.checker = Objects.requireNonNull(checker, "checker");
        this.masker = Objects.requireNonNull(masker, "masker");
        this.serviceId = Objects.requireNonNull(serviceId, "serviceId");
        this.progress = progress == null ? new ProgressListener() { } : progress;
    }

    /** The results of the flows that finished so far, in order. */
    public List<FlowResult> results() {
        return List.copyOf(results);
    }

    @Override
    public void started(int index, int total, Flow flow) {
        steps.clear();
        progress.started(index, total, flow);
    }

    @Override
    public void performed(StepEvent event) {
        Reply reply = event.reply();
        if (reply != null) {
            harvestSecrets(reply.json());
        }
        // the spec may not describe the answer of a missing operation: no findings for that one
        List<CheckedFinding> findings = reply == null || event.lacksOperation() ? List.of() : checker.check(reply.exchange());
        Exchange exchange = reply == null ? null : reply.exchange();
        String path = masker.mask(event.request().path().replace("/api/" + serviceId + "/", "/api/{serviceId}/"));
        steps.add(new StepRecord(event.step().name(), event.cleanup() ? StepRecord.Phase.CLEANUP : StepRecord.Phase.FLOW,
                event.step().operationId(), event.step().method(), path, event.step().expectation(),
                reply == null ? 0 : reply.status(), reply == null ? null : reply.action(),
                exchange == null ? 0 : exchange.elapsed().toMillis(), exchange == null ? 0 : exchange.retries(), masked(findings),
                masker.mask(event.mismatch()), reply == null ? null : masker.maskBody(reply.body())));
    }

    /** The flow's own check failed on its last answer: the mismatch goes onto that step. */
    @Override
    public void checkFailed(String message) {
        if (steps.isEmpty()) {
            return;
        }
        String masked = masker.mask(message);
        StepRecord last = steps.remove(steps.size() - 1);
        steps.add(new StepRecord(last.name(), last.phase(), last.operationId(), last.method(), last.path(), last.expected(),
                last.status(), last.action(), last.durationMillis(), last.retries(), last.findings(),
                last.mismatch() == null ? masked : last.mismatch() + "; " + masked, last.responseBody()));
    }

    @Override
    public void finished(int index, int total, FlowOutcome outcome) {
        Flow flow = outcome.flow();
        FlowResult result = new FlowResult(flow.id(), flow.title(), outcome.status(),
                masker.mask(outcome.reason()), flow.operations(), flow.createsResources(), outcome.durationMillis(), steps);
        steps.clear();
        results.add(result);
        progress.finished(index, total, result);
    }

    private List<CheckedFinding> masked(List<CheckedFinding> findings) {
        return findings.stream()
                .map(f -> new CheckedFinding(new Finding(f.finding().operationId(), f.finding().direction(), f.finding().pointer(),
                        f.finding().key(), masker.mask(f.finding().message())), f.allowedBecause()))
                .toList();
    }

    private void harvestSecrets(JsonNode json) {
        if (json.isObject()) {
            for (String member : SECRET_MEMBERS) {
                JsonNode value = json.get(member);
                if (value != null && value.isTextual()) {
                    masker.register(value.asText());
                }
            }
        }
    }
}
