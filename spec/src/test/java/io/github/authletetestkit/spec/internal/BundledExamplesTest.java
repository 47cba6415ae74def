package io.github.authletetestkit.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every example in our description is a valid request or response of its operation, judged the way the
 * mock server judges the answers it writes: Atlassian's validator on the flattened document, so object
 * schemas are closed and an undeclared member fails. The mock synthesises answers from these examples.
 */
class BundledExamplesTest {

    /** One example value and where it sits: a request body ({@code status == null}) or a response. */
    record SpecExample(SpecOperation operation, String status, String mediaType, String name, Object value) {
        String label() {
            return operation.operationId() + (status == null ? " request" : " " + status) + " " + mediaType
                    + (name == null ? "" : " [" + name + "]");
        }
    }

    private static OpenApiInteractionValidator validator;

    @BeforeAll
    static void buildValidator() {
        validator = OpenApiInteractionValidator.createFor(AuthleteSpec.bundled().openApiFlattened()).build();
    }

    @Test
    void everyExampleIsAValidRequestOrResponseOfItsOperation() {
        List<SpecExample> examples = examples(AuthleteSpec.bundled());
        assertThat(examples).as("examples found").hasSizeGreaterThanOrEqualTo(28);
        assertThat(examples).filteredOn(e -> e.status() == null).as("request examples").isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (SpecExample example : examples) {
            for (String finding : findings(validator, AuthleteSpec.bundled(), example)) {
                problems.add(example.label() + ": " + finding);
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " finding(s) in the examples:\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void examplesSitOnlyWhereTheCheckLooks() {
        // media-type example/examples and the examples of a media type's own schema; nothing in components
        String content = AuthleteSpec.bundled().content();
        Matcher keys = Pattern.compile("(?m)(^\\s*|[{,]\\s*)examples?:").matcher(content);
        int holders = 0;
        while (keys.find()) {
            holders++;
        }
        assertThat(holders).isEqualTo(exampleHolders(AuthleteSpec.bundled()));
        assertThat(AuthleteSpec.bundled().openApi().getComponents().getExamples()).isNullOrEmpty();
    }

    @Test
    void aWrongValueOrAnUndeclaredMemberInAnExampleIsReported() {
        String content = AuthleteSpec.bundled().content();
        String planted = replaceOnce(content, "                action: CREATED\n                requestUri:",
                "                action: CREATE\n                requestUri:");
        planted = replaceOnce(planted, "                requestUri: urn:", "                colour: blue\n                requestUri: urn:");
        planted = replaceOnce(planted, "\n              grantType: CLIENT_CREDENTIALS\n", "\n              grantType: CLIENT_CREDENTIAL\n");
        AuthleteSpec spec = AuthleteSpec.parse("planted", planted);
        OpenApiInteractionValidator plantedValidator = OpenApiInteractionValidator.createFor(spec.openApiFlattened()).build();
        SpecExample par = examples(spec).stream()
                .filter(e -> e.operation().operationId().equals("pushed_auth_req_api") && "200".equals(e.status()))
                .findFirst().orElseThrow();
        SpecExample create = examples(spec).stream()
                .filter(e -> e.operation().operationId().equals("auth_token_create_api") && e.status() == null)
                .findFirst().orElseThrow();
        assertThat(findings(plantedValidator, spec, create)).anySatisfy(f -> assertThat(f).contains("schema.enum at /grantType"));
        assertThat(findings(plantedValidator, spec, par))
                .anySatisfy(f -> assertThat(f).contains("schema.enum at /action"))
                .anySatisfy(f -> assertThat(f).contains("additionalProperties").contains("colour"));
    }

    // ------------------------------------------------------------------------------ helpers

    /** Every example of the document, with the operation and status it belongs to. */
    static List<SpecExample> examples(AuthleteSpec spec) {
        SchemaWalker walker = new SchemaWalker(spec.openApi());
        List<SpecExample> result = new ArrayList<>();
        for (SpecOperation op : spec.operations()) {
            Operation operation = walker.operation(op.method(), op.pathTemplate());
            RequestBody body = walker.requestBody(operation.getRequestBody());
            if (body != null) {
                collect(op, null, body.getContent(), result);
            }
            for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
                ApiResponse resolved = walker.response(response.getValue());
                if (resolved != null) {
                    collect(op, response.getKey(), resolved.getContent(), result);
                }
            }
        }
        return result;
    }

    private static void collect(SpecOperation op, String status, Content content, List<SpecExample> out) {
        if (content == null) {
            return;
        }
        for (Map.Entry<String, MediaType> entry : content.entrySet()) {
            MediaType media = entry.getValue();
            if (media.getExample() != null) {
                out.add(new SpecExample(op, status, entry.getKey(), null, media.getExample()));
            }
            if (media.getExamples() != null) {
                for (Map.Entry<String, Example> named : media.getExamples().entrySet()) {
                    out.add(new SpecExample(op, status, entry.getKey(), named.getKey(), named.getValue().getValue()));
                }
            }
            Schema<?> schema = media.getSchema();
            if (schema != null && schema.getExamples() != null) {
                int i = 0;
                for (Object value : schema.getExamples()) {
                    out.add(new SpecExample(op, status, entry.getKey(), "schema#" + i++, value));
                }
            }
        }
    }

    /** How many {@code example}/{@code examples} keys the examples come from (shared responses count once). */
    private static int exampleHolders(AuthleteSpec spec) {
        Map<Object, Boolean> seen = new java.util.IdentityHashMap<>();
        SchemaWalker walker = new SchemaWalker(spec.openApi());
        int holders = 0;
        for (SpecOperation op : spec.operations()) {
            Operation operation = walker.operation(op.method(), op.pathTemplate());
            List<Content> contents = new ArrayList<>();
            RequestBody body = walker.requestBody(operation.getRequestBody());
            if (body != null) {
                contents.add(body.getContent());
            }
            operation.getResponses().values().forEach(r -> {
                ApiResponse resolved = walker.response(r);
                if (resolved != null) {
                    contents.add(resolved.getContent());
                }
            });
            for (Content content : contents) {
                if (content == null || seen.put(content, Boolean.TRUE) != null) {
                    continue;
                }
                for (MediaType media : content.values()) {
                    holders += (media.getExample() != null ? 1 : 0) + (media.getExamples() != null ? 1 : 0)
                            + (media.getSchema() != null && media.getSchema().getExamples() != null ? 1 : 0);
                }
            }
        }
        return holders;
    }

    /** The validator's errors for the example, sent as a request or a response of its operation. */
    static List<String> findings(OpenApiInteractionValidator validator, AuthleteSpec spec, SpecExample example) {
        SpecOperation op = example.operation();
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : op.template().parameterNames()) {
            values.put(name, "1");
        }
        String path = op.template().expand(values);
        String body = text(example.value(), example.mediaType());
        ValidationReport report;
        if (example.status() == null) {
            SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(op.method()), path)
                    .withContentType(example.mediaType())
                    .withBody(body);
            if (op.authenticated()) {
                request.withHeader("Authorization", "Bearer example-token");
            }
            SchemaWalker walker = new SchemaWalker(spec.openApi());
            Operation operation = walker.operation(op.method(), op.pathTemplate());
            for (Parameter parameter : walker.parameters(op.pathTemplate(), operation).values()) {
                if ("query".equals(parameter.getIn()) && Boolean.TRUE.equals(parameter.getRequired())) {
                    request.withQueryParam(parameter.getName(), "x");
                }
            }
            report = validator.validateRequest(request.build());
        } else {
            SimpleResponse response = SimpleResponse.Builder.status(Integer.parseInt(example.status()))
                    .withContentType(example.mediaType())
                    .withBody(body)
                    .build();
            report = validator.validateResponse(path, Request.Method.valueOf(op.method()), response);
        }
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + m.getContext()
                        .flatMap(ValidationReport.MessageContext::getPointers)
                        .map(ValidationReport.MessageContext.Pointers::getInstance)
                        .filter(p -> !p.isEmpty())
                        .map(p -> " at " + p)
                        .orElse("") + ": " + m.getMessage())
                .toList();
    }

    private static String text(Object value, String mediaType) {
        if (mediaType.startsWith("text/")) {
            return value instanceof JsonNode node ? node.asText() : String.valueOf(value);
        }
        if (!mediaType.contains("json")) {
            throw new IllegalArgumentException("no way to write an example as " + mediaType + "; add one to this test");
        }
        try {
            return Json31.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        assertThat(at).as("planting %s", target).isNotNegative();
        assertThat(text.indexOf(target, at + 1)).as("%s occurs once", target).isNegative();
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }
}
