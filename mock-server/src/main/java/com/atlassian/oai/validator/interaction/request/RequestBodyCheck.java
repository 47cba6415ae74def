package com.atlassian.oai.validator.interaction.request;

import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;

/**
 * Authlete Testkit's door to the validator's own request-body check, which the validator keeps package-private
 * (this class sits in its package for that alone, and adds no logic). The mock runs the body check on its own
 * for a request whose every other part was checked before, with the same values, and found clean: see
 * {@code io.github.authletetestkit.mock.internal.http.RequestEnvelopes}.
 */
public final class RequestBodyCheck {

    private final RequestBodyValidator body;

    public RequestBodyCheck(MessageResolver messages, SchemaValidator schemas) {
        this.body = new RequestBodyValidator(messages, schemas);
    }

    /** What {@link RequestValidator#validateRequest} reports on the body of {@code request}, before it adds its context. */
    public ValidationReport validate(Request request, ApiOperation operation) {
        return body.validateRequestBody(request, operation.getOperation().getRequestBody());
    }
}
