package io.github.authletetestkit.spec.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares our description with Authlete's published one, operation by operation, and collects every
 * difference as a readable line. What we declare must exist in Authlete's document: the path and method,
 * the operationId, parameters, request media types, and every request and response property (reached
 * through {@code $ref}, allOf, properties and items) with a compatible type, the same format and enum,
 * and — for requests — the same required names. {@link #missing()} lists the reverse: what Authlete
 * declares at a compared position and we do not; {@link #compareCoverage()} fills {@link #notDescribed()}
 * with the operations and success statuses of Authlete's spec that our document lacks.
 *
 * <p>Rules worth knowing:
 * <ul>
 *   <li>Types are compatible when each of ours is allowed by theirs; {@code null} is ignored
 *       ({@code [X, 'null']} ~ X) and {@code integer} fits {@code number}. An untyped side matches anything.</li>
 *   <li>Our status 201 falls back to Authlete's 200. An error status that Authlete does not declare for
 *       the operation (or declares without that media type) is compared with Authlete's
 *       {@code components/responses/<status>}.</li>
 *   <li>Where Authlete declares a free-form object ({@code additionalProperties} and no properties),
 *       the members we type are accepted (checked against the additionalProperties schema if it has one).</li>
 *   <li>A property of ours carrying {@code x-testkit-deviation} is not compared; it is listed in
 *       {@link #deviations()} instead. So is a response body whose component carries the marker where
 *       Authlete declares the status without a body.</li>
 *   <li>A name Authlete lists as required but does not declare as a property of that schema cannot be
 *       sent meaningfully; it is left out of the required comparison and listed in
 *       {@link #danglingRequired()}.</li>
 * </ul>
 */
final class ReferenceCrossCheck {

    private final SchemaWalker ours;
    private final SchemaWalker theirs;
    private final List<String> mismatches = new ArrayList<>();
    /** Marks a member Authlete's spec lists as required that the service requires only in some cases. */
    static final String CONDITIONALLY_REQUIRED = "x-testkit-conditionally-required";

    private final Set<String> deviations = new LinkedHashSet<>();
    private final List<String> missing = new ArrayList<>();
    private final List<String> notDescribed = new ArrayList<>();
    private final List<String> danglingRequired = new ArrayList<>();
    private final Set<String> comparedComponentPairs = new HashSet<>();
    private int comparedPositions;

    ReferenceCrossCheck(OpenAPI ours, OpenAPI theirs) {
        this.ours = new SchemaWalker(ours);
        this.theirs = new SchemaWalker(theirs);
    }

    List<String> mismatches() {
        return mismatches;
    }

    Set<String> deviations() {
        return deviations;
    }

    /**
     * The other direction: properties Authlete declares at a compared position that our schema lacks.
     * Kept apart from {@link #mismatches()} because a partial description is legitimate in general.
     */
    List<String> missing() {
        return missing;
    }

    /** Operations (method and path) and success statuses of Authlete's spec that ours lacks; see {@link #compareCoverage()}. */
    List<String> notDescribed() {
        return notDescribed;
    }

    /** Required names of Authlete's request schemas that name no declared property, by location. */
    List<String> danglingRequired() {
        return danglingRequired;
    }

    /** How many schema positions were compared (a sanity figure for tests). */
    int comparedPositions() {
        return comparedPositions;
    }

    /** Compares every given operation of ours. */
    ReferenceCrossCheck compare(List<SpecOperation> operations) {
        for (SpecOperation operation : operations) {
            compareOperation(operation.method(), operation.pathTemplate());
        }
        return this;
    }

    /**
     * The reverse direction: every operation of Authlete's spec must exist in ours (same path template and
     * method), with every success status Authlete declares for it.
     */
    ReferenceCrossCheck compareCoverage() {
        if (theirs.api().getPaths() == null) {
            return this;
        }
        for (Map.Entry<String, PathItem> path : theirs.api().getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                String label = entry.getKey() + " " + path.getKey();
                Operation our = ours.operation(entry.getKey().name(), path.getKey());
                if (our == null) {
                    notDescribed.add(label + " (" + entry.getValue().getOperationId() + "): not in our document");
                    continue;
                }
                if (entry.getValue().getResponses() == null) {
                    continue;
                }
                for (String status : entry.getValue().getResponses().keySet()) {
                    if (status.startsWith("2") && (our.getResponses() == null || !our.getResponses().containsKey(status))) {
                        notDescribed.add(label + ": status " + status + " not declared by us");
                    }
                }
            }
        }
        return this;
    }

    void compareOperation(String method, String path) {
        String label = method + " " + path;
        Operation our = ours.operation(method, path);
        Operation their = theirs.operation(method, path);
        if (our == null) {
            mismatches.add(label + ": not in our document");
            return;
        }
        if (their == null) {
            if (our.getExtensions() != null && our.getExtensions().containsKey(SchemaWalker.DEVIATION_EXTENSION)) {
                deviations.add(label + " (" + our.getExtensions().get(SchemaWalker.DEVIATION_EXTENSION) + ")");
            } else {
                mismatches.add(label + ": no such operation in Authlete's spec");
            }
            return;
        }
        // Authlete gives the health check no operationId; then any name of ours is accepted.
        if (their.getOperationId() != null && !their.getOperationId().equals(our.getOperationId())) {
            mismatches.add(label + ": operationId " + our.getOperationId() + " but Authlete's is " + their.getOperationId());
        }
        compareParameters(label, path, our, their);
        compareRequestBody(label, our, their);
        compareResponses(label, our, their);
    }

    private void compareParameters(String label, String path, Operation our, Operation their) {
        Map<String, Parameter> ourParameters = ours.parameters(path, our);
        Map<String, Parameter> theirParameters = theirs.parameters(path, their);
        for (Map.Entry<String, Parameter> entry : ourParameters.entrySet()) {
            Parameter theirParameter = theirParameters.get(entry.getKey());
            String where = label + " parameter " + entry.getKey();
            Map<String, Object> marks = entry.getValue().getExtensions();
            if (marks != null && marks.containsKey(SchemaWalker.DEVIATION_EXTENSION)) {
                deviations.add(where + " (" + marks.get(SchemaWalker.DEVIATION_EXTENSION) + ")");
                continue;
            }
            if (theirParameter == null) {
                mismatches.add(where + ": not declared by Authlete");
                continue;
            }
            if (Boolean.TRUE.equals(entry.getValue().getRequired()) != Boolean.TRUE.equals(theirParameter.getRequired())) {
                mismatches.add(where + ": required=" + entry.getValue().getRequired()
                        + " but Authlete says " + theirParameter.getRequired());
            }
            compareSchema(where, entry.getValue().getSchema(), theirParameter.getSchema(), false);
        }
    }

    private void compareRequestBody(String label, Operation our, Operation their) {
        RequestBody ourBody = ours.requestBody(our.getRequestBody());
        RequestBody theirBody = theirs.requestBody(their.getRequestBody());
        if (ourBody == null) {
            return;
        }
        if (theirBody == null) {
            mismatches.add(label + ": request body not in Authlete's spec");
            return;
        }
        if (Boolean.TRUE.equals(ourBody.getRequired()) != Boolean.TRUE.equals(theirBody.getRequired())) {
            mismatches.add(label + ": request body required=" + ourBody.getRequired()
                    + " but Authlete says " + theirBody.getRequired());
        }
        Set<String> ourTypes = mediaTypes(ourBody.getContent());
        Set<String> theirTypes = mediaTypes(theirBody.getContent());
        if (!ourTypes.equals(theirTypes)) {
            mismatches.add(label + ": request media types " + ourTypes + " but Authlete has " + theirTypes);
        }
        for (String mediaType : ourTypes) {
            Schema<?> theirSchema = SchemaWalker.schemaOf(theirBody.getContent(), mediaType);
            if (theirSchema != null) {
                compareSchema(label + " request " + mediaType + " " + describe(ourBody.getContent(), mediaType),
                        SchemaWalker.schemaOf(ourBody.getContent(), mediaType), theirSchema, true);
            }
        }
    }

    private void compareResponses(String label, Operation our, Operation their) {
        if (our.getResponses() == null) {
            return;
        }
        for (Map.Entry<String, ApiResponse> entry : our.getResponses().entrySet()) {
            String status = entry.getKey();
            ApiResponse ourResponse = ours.response(entry.getValue());
            ApiResponse theirResponse = theirResponse(their, status);
            boolean error = status.startsWith("4") || status.startsWith("5");
            String where = label + " " + status;
            if (ourResponse == null) {
                mismatches.add(where + ": unresolvable response in our document");
                continue;
            }
            if (ourResponse.getContent() == null || ourResponse.getContent().isEmpty()) {
                if (theirResponse == null && !error) {
                    mismatches.add(where + ": status not declared by Authlete");
                }
                continue;
            }
            for (String mediaType : ourResponse.getContent().keySet()) {
                Schema<?> theirSchema = theirResponse == null ? null
                        : SchemaWalker.schemaOf(theirResponse.getContent(), mediaType);
                if (theirSchema == null && error) {
                    ApiResponse generic = theirs.componentResponse(status);
                    theirSchema = generic == null ? null : SchemaWalker.schemaOf(generic.getContent(), mediaType);
                }
                if (theirSchema == null) {
                    Schema<?> ourSchema = SchemaWalker.schemaOf(ourResponse.getContent(), mediaType);
                    Schema<?> marked = SchemaWalker.isDeviation(ourSchema) ? ourSchema : ours.resolve(ourSchema);
                    if (theirResponse != null && SchemaWalker.isDeviation(marked)) {
                        deviations.add(where + " " + describe(ourResponse.getContent(), mediaType) + " ("
                                + marked.getExtensions().get(SchemaWalker.DEVIATION_EXTENSION) + ")");
                    } else {
                        mismatches.add(where + " " + mediaType + ": Authlete declares no such body");
                    }
                    continue;
                }
                compareSchema(where + " " + describe(ourResponse.getContent(), mediaType),
                        SchemaWalker.schemaOf(ourResponse.getContent(), mediaType), theirSchema, false);
            }
        }
    }

    private ApiResponse theirResponse(Operation their, String status) {
        if (their.getResponses() == null) {
            return null;
        }
        ApiResponse response = theirs.response(their.getResponses().get(status));
        if (response == null && "201".equals(status)) {
            response = theirs.response(their.getResponses().get("200"));
        }
        return response;
    }

    /**
     * Compares one schema position. {@code ourSchema} is taken as written (so a deviation marker beside a
     * {@code $ref} is seen); both sides are resolved through the walkers.
     */
    void compareSchema(String location, Schema<?> ourSchema, Schema<?> theirSchema, boolean request) {
        if (ourSchema == null || theirSchema == null) {
            return;
        }
        if (SchemaWalker.isDeviation(ourSchema)) {
            deviations.add(location + " (" + ourSchema.getExtensions().get(SchemaWalker.DEVIATION_EXTENSION) + ")");
            return;
        }
        String ourName = SchemaWalker.refName(ourSchema);
        String theirName = SchemaWalker.refName(theirSchema);
        if (ourName != null && theirName != null
                && !comparedComponentPairs.add(ourName + "->" + theirName + (request ? " (request)" : ""))) {
            return; // this pair of components has been compared already, from another place
        }
        comparedPositions++;

        Set<String> ourTypes = ours.nonNullTypes(ourSchema);
        Set<String> theirTypes = theirs.nonNullTypes(theirSchema);
        if (!compatible(ourTypes, theirTypes)) {
            mismatches.add(location + ": type " + ourTypes + " but Authlete has " + theirTypes);
            return;
        }

        String ourFormat = ours.format(ourSchema);
        String theirFormat = theirs.format(theirSchema);
        if (theirFormat != null && !Objects.equals(ourFormat, theirFormat)) {
            mismatches.add(location + ": format " + ourFormat + " but Authlete has " + theirFormat);
        }

        Set<String> ourEnum = ours.enumValues(ourSchema);
        Set<String> theirEnum = theirs.enumValues(theirSchema);
        if (!Objects.equals(ourEnum, theirEnum)) {
            mismatches.add(location + ": enum " + ourEnum + " but Authlete has " + theirEnum);
        }

        if (request) {
            Set<String> ourRequired = ours.required(ourSchema);
            Set<String> theirRequired = new LinkedHashSet<>(theirs.required(theirSchema));
            if (!theirs.isFreeForm(theirSchema)) {
                Set<String> dangling = new TreeSet<>(theirRequired);
                dangling.removeAll(theirs.properties(theirSchema).keySet());
                if (!dangling.isEmpty()) {
                    danglingRequired.add(location + ": " + dangling);
                    theirRequired.removeAll(dangling);
                }
            }
            // a member the service requires only in some cases is optional in our schema; its handler checks the case
            for (Map.Entry<String, Schema<?>> property : ours.properties(ourSchema).entrySet()) {
                Map<String, Object> marks = property.getValue().getExtensions();
                if (marks != null && marks.containsKey(CONDITIONALLY_REQUIRED) && theirRequired.remove(property.getKey())) {
                    deviations.add(location + "." + property.getKey() + " required only " + marks.get(CONDITIONALLY_REQUIRED));
                }
            }
            if (!ourRequired.equals(theirRequired)) {
                mismatches.add(location + ": required " + new TreeSet<>(ourRequired)
                        + " but Authlete has " + new TreeSet<>(theirRequired));
            }
        }

        Map<String, Schema<?>> theirProperties = theirs.properties(theirSchema);
        boolean theirFreeForm = theirs.isFreeForm(theirSchema);
        Object theirAdditional = theirs.additionalProperties(theirSchema);
        for (Map.Entry<String, Schema<?>> property : ours.properties(ourSchema).entrySet()) {
            String at = location + "." + property.getKey();
            Schema<?> theirProperty = theirProperties.get(property.getKey());
            if (theirProperty != null) {
                compareSchema(at, property.getValue(), theirProperty, request);
            } else if (theirFreeForm) {
                if (theirAdditional instanceof Schema<?> valueSchema) {
                    compareSchema(at, property.getValue(), valueSchema, request);
                }
            } else if (SchemaWalker.isDeviation(property.getValue())) {
                deviations.add(at + " (" + property.getValue().getExtensions().get(SchemaWalker.DEVIATION_EXTENSION) + ")");
            } else {
                mismatches.add(at + ": not in Authlete's schema");
            }
        }

        Map<String, Schema<?>> ourProperties = ours.properties(ourSchema);
        for (String name : theirProperties.keySet()) {
            if (!ourProperties.containsKey(name)) {
                missing.add(location + "." + name);
            }
        }

        Schema<?> ourItems = ours.items(ourSchema);
        if (ourItems != null) {
            Schema<?> theirItems = theirs.items(theirSchema);
            if (theirItems != null) {
                compareSchema(location + "[]", ourItems, theirItems, request);
            } else if (!theirTypes.isEmpty()) {
                mismatches.add(location + "[]: Authlete declares no items");
            }
        }

        if (ours.additionalProperties(ourSchema) instanceof Schema<?> ourValues
                && theirAdditional instanceof Schema<?> theirValues) {
            compareSchema(location + "{*}", ourValues, theirValues, request);
        }
    }

    /** Each type of ours must be allowed by theirs ({@code integer} fits {@code number}); untyped fits all. */
    static boolean compatible(Set<String> ourTypes, Set<String> theirTypes) {
        if (ourTypes.isEmpty() || theirTypes.isEmpty()) {
            return true;
        }
        for (String type : ourTypes) {
            boolean allowed = theirTypes.contains(type) || ("integer".equals(type) && theirTypes.contains("number"));
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> mediaTypes(Content content) {
        return content == null ? Set.of() : new LinkedHashSet<>(content.keySet());
    }

    private static String describe(Content content, String mediaType) {
        Schema<?> schema = SchemaWalker.schemaOf(content, mediaType);
        String name = SchemaWalker.refName(schema);
        return name == null ? "body" : name;
    }
}
