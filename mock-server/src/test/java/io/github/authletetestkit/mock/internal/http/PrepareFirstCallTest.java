package io.github.authletetestkit.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.internal.api.ApiRoutes;
import io.github.authletetestkit.mock.internal.journal.CallJournal;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A starting mock prepares the health check's validator, and only that, without answering or recording anything. */
class PrepareFirstCallTest {

    private static final String HEALTHCHECK = "/api/lifecycle/healthcheck";

    private static ApiPipeline pipeline(Map<String, PathValidator> validators, boolean validating, CallJournal journal) {
        AuthleteMockServer mock = AuthleteMockServer.builder().build();
        AuthleteSpec spec = AuthleteSpec.bundled();
        SpecValidator validator = new SpecValidator(validators, t -> SpecValidator.over(spec.flattened().onePath(t)));
        return new ApiPipeline(MockInternals.of(mock).store(), mock.clock(), new ApiRoutes(), spec, validator,
                new ApiPipeline.Validation(validating, validating, false), journal, MockInternals.of(mock).rateLimiter());
    }

    @Test
    void theHealthChecksValidatorIsBuiltAndNothingIsRecorded() {
        Map<String, PathValidator> validators = new ConcurrentHashMap<>();
        CallJournal journal = new CallJournal(10);

        pipeline(validators, true, journal).prepareFirstCall();

        assertThat(validators).containsOnlyKeys(HEALTHCHECK);
        assertThat(journal.calls()).isEmpty();
    }

    @Test
    void aMockThatDoesNotValidateBuildsNoValidator() {
        Map<String, PathValidator> validators = new ConcurrentHashMap<>();

        pipeline(validators, false, new CallJournal(10)).prepareFirstCall();

        assertThat(validators).isEmpty();
    }
}
