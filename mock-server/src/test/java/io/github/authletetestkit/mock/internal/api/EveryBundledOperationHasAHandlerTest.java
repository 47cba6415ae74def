package io.github.authletetestkit.mock.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.github.authletetestkit.spec.internal.SpecOperation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No canned answers: the synthesiser serves only operations a user's own spec adds, never a bundled one. */
class EveryBundledOperationHasAHandlerTest {

    @Test
    void everyOperationOfTheBundledSpecActsOnItsInput() {
        ApiRoutes routes = new ApiRoutes();
        List<String> operations = AuthleteSpec.bundled().operations().stream().map(SpecOperation::operationId).toList();

        assertThat(operations).hasSizeGreaterThanOrEqualTo(88);
        assertThat(operations.stream().filter(id -> !routes.implemented(id)).toList()).as("operations without a handler").isEmpty();
    }
}
