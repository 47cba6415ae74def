package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.api.AuthleteApiException;
import com.authlete.common.api.Options;
import com.authlete.common.types.TokenStatus;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.authletetestkit.mock.internal.MockInternals;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every method of Authlete's Java SDK ({@code AuthleteApi}, called through {@code AuthleteApiImplV3}) against the strict
 * mock: each request object once empty and once with every setter of a plain type filled with a valid value, the
 * other arguments from live state (a client, a token, a key). No well-formed call may be refused (HTTP 400, 404, 405)
 * and every answer must parse into the SDK's response class. The report lists each method and its outcome.
 */
class SdkConformanceTest extends MockServerTestBase {

    /** Methods that cannot be called as the SDK calls them, and why; they are reported, never silently dropped. */
    static final Map<String, String> NOT_CALLABLE = Map.of(
            "credentialNonce", "calls /vci/nonce, which Authlete's published API (3.0.16, 88 operations) does not describe");

    /** Calls that change the default service for the calls after them: they go last, in this order. */
    private static final List<String> LAST = List.of("updateService", "dynamicClientDelete", "deleteClient", "deleteService");

    private record Outcome(String method, String variant, String result, boolean refused) {}

    private Flows.Client client;
    private String accessToken;
    private String handle;
    private String batch;
    private String jwks;
    /** The body of the mock's newest answer: a listener sees every answer (the request journal is off). */
    private final java.util.concurrent.atomic.AtomicReference<String> lastAnswer = new java.util.concurrent.atomic.AtomicReference<>();

    @Test
    void everyMethodOfTheSdkIsTakenAndItsAnswerParses() throws Exception {
        mock.wireMock().addMockServiceRequestListener((request, response) -> lastAnswer.set(response.getBodyAsString()));
        client = flows.confidentialClient();
        accessToken = flows.codeFlow(client, "scope", "openid").text("accessToken");
        handle = api.post("/hsk/create", Map.of("kty", "EC", "use", "sig", "alg", "ES256")).json().at("/hsk/handle").asText();
        batch = api.post("/auth/token/create/batch", List.of(Map.of("grantType", "CLIENT_CREDENTIALS", "clientId", client.id())))
                .json().get("requestId").asText();
        jwks = new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("k").generate().toPublicJWK()).toString();
        AuthleteApi sdk = JavaSdk.api(mock, mock.orgToken()); // the organization token may also create and list services

        List<Method> methods = Arrays.stream(AuthleteApi.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 0 || m.getParameterTypes()[m.getParameterCount() - 1] != Options.class)
                .filter(m -> m.getReturnType() != void.class || m.getParameterCount() > 0)
                .filter(m -> !m.getName().equals("getSettings"))
                .sorted(Comparator.comparing((Method m) -> LAST.indexOf(m.getName())).thenComparing(Method::getName)
                        .thenComparing(m -> Arrays.toString(m.getParameterTypes())))
                .toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (Method method : methods) {
            if (NOT_CALLABLE.containsKey(method.getName())) {
                outcomes.add(new Outcome(signature(method), "-", "not callable: " + NOT_CALLABLE.get(method.getName()), false));
                continue;
            }
            boolean hasRequestObject = Arrays.stream(method.getParameterTypes()).anyMatch(SdkConformanceTest::isRequestObject);
            outcomes.add(call(sdk, method, null));
            if (hasRequestObject) {
                // the same call with only the members the operation requires (our spec's list, which the audit keeps honest)
                Set<String> required = requiredMembersOfLastCall();
                if (required != null) {
                    outcomes.add(call(sdk, method, required));
                }
            }
        }

        Map<String, Long> summary = new TreeMap<>();
        outcomes.forEach(o -> summary.merge(o.result().replaceAll(":.*", ""), 1L, Long::sum));
        System.out.printf("[sdk-conformance] %d methods of AuthleteApi (authlete-java-common %s), %d calls: %s%n", methods.size(),
                AuthleteApi.class.getPackage().getImplementationVersion(), outcomes.size(), summary);
        outcomes.forEach(o -> System.out.printf("[sdk-conformance]   %-70s %-6s %s%n", o.method(), o.variant(), o.result()));

        assertThat(methods).as("methods of AuthleteApi").hasSizeGreaterThan(90);
        assertThat(outcomes.stream().filter(Outcome::refused).toList()).as("well-formed SDK calls the mock refused").isEmpty();
        assertThat(outcomes).as("answers that did not parse").noneMatch(o -> o.result().startsWith("unparsable"));
        assertThat(outcomes).as("answers with members the SDK's class lacks (Gson drops them silently)")
                .noneMatch(o -> o.result().startsWith("unknown members"));
    }

    /** Top-level members of a JSON answer the SDK's response class has no field for. */
    private static List<String> unknownMembers(Object answer, String body) {
        if (answer == null || body == null || !body.startsWith("{") || answer instanceof Map || answer instanceof String
                || answer.getClass().isArray()) { // a map, a document, or a list the SDK unwraps from its member
            return List.of();
        }
        List<String> unknown = new ArrayList<>();
        io.github.authletetestkit.mock.model.Json.parse(body).fieldNames().forEachRemaining(member -> {
            if (!hasField(answer.getClass(), member)) {
                unknown.add(member);
            }
        });
        return unknown;
    }

    private static boolean hasField(Class<?> type, String member) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (Arrays.stream(c.getDeclaredFields()).anyMatch(f -> f.getName().equals(member))) {
                return true;
            }
        }
        return false;
    }

    /** The members the request body of the operation last called requires; null when it has none or no call was made. */
    private Set<String> requiredMembersOfLastCall() {
        List<io.github.authletetestkit.mock.RecordedCall> calls = MockInternals.of(mock).journal().calls();
        if (calls.isEmpty()) {
            return null;
        }
        String operationId = calls.getLast().operationId();
        var spec = io.github.authletetestkit.spec.internal.AuthleteSpec.bundled();
        return spec.operation(operationId).map(op -> {
            var operation = spec.openApiFlattened().getPaths().get(op.pathTemplate()).readOperationsMap()
                    .get(io.swagger.v3.oas.models.PathItem.HttpMethod.valueOf(op.method()));
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                    || operation.getRequestBody().getContent().get("application/json") == null) {
                return null;
            }
            var schema = operation.getRequestBody().getContent().get("application/json").getSchema();
            if (schema != null && schema.getItems() != null) {
                schema = schema.getItems(); // a batch: each element's members
            }
            return schema == null || schema.getRequired() == null ? Set.<String>of() : Set.copyOf(schema.getRequired());
        }).orElse(null);
    }

    /** @param only null to fill every plain member; else only these members */
    private Outcome call(AuthleteApi sdk, Method method, Set<String> only) {
        String variant = only == null ? "filled" : "required" + new java.util.TreeSet<>(only);
        try {
            Object[] args = new Object[method.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = argument(method, i, only);
            }
            lastAnswer.set(null);
            Object answer = method.invoke(sdk, args);
            List<String> unknown = unknownMembers(answer, lastAnswer.get());
            return new Outcome(signature(method), variant, unknown.isEmpty() ? "ok" : "unknown members: " + unknown, false);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuthleteApiException api) {
                int status = api.getStatusCode();
                if (status == 0) {
                    return new Outcome(signature(method), variant, "unparsable: " + api.getMessage(), false);
                }
                String body = api.getResponseBody() == null ? "" : api.getResponseBody();
                // refused: the spec stricter than the service, or a method and path the mock does not know; a handler's
                // 400 for a conditional rule (one of two members) or a 404 for an ID that does not exist is the service's answer too
                boolean refused = status == 400 && body.contains("does not conform") || status == 404 && body.contains("A001209")
                        || status == 405;
                return new Outcome(signature(method), variant, "HTTP " + status + ": " + body.substring(0, Math.min(body.length(), 300)), refused);
            }
            return new Outcome(signature(method), variant, "unparsable: " + cause, false);
        } catch (ReflectiveOperationException e) {
            return new Outcome(signature(method), variant, "not callable: " + e, false);
        }
    }

    /** A valid argument for parameter {@code index} of {@code method}, from the method's meaning where the type says too little. */
    private Object argument(Method method, int index, Set<String> only) throws ReflectiveOperationException {
        Class<?> type = method.getParameterTypes()[index];
        String name = method.getName();
        if (type == long.class) {
            return name.toLowerCase(Locale.ROOT).contains("service") ? mock.serviceId() : client.id();
        }
        if (type == int.class) {
            return index == method.getParameterCount() - 1 || method.getParameterTypes()[index + 1] != int.class ? 10 : 0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == TokenStatus.class) {
            return TokenStatus.ALL;
        }
        if (type == String[].class) {
            return new String[] {"openid"};
        }
        if (type == Map.class) {
            return Map.of("hello", "world");
        }
        if (type == String.class) {
            return stringArgument(name, index);
        }
        if (type.isArray()) {
            Object array = Array.newInstance(type.getComponentType(), 1);
            Array.set(array, 0, requestObject(type.getComponentType(), only, 0));
            return array;
        }
        return requestObject(type, only, 0);
    }

    private String stringArgument(String method, int index) {
        return switch (method) {
            case "hskGet", "hskDelete" -> handle;
            case "tokenDelete" -> accessToken;
            case "getTokenCreateBatchStatus" -> batch;
            case "getClientList" -> "developer";
            case "deleteClientAuthorization", "getGrantedScopes", "deleteGrantedScopes" -> Flows.SUBJECT;
            case "getTokenList" -> index == 0 ? Long.toString(client.id()) : Flows.SUBJECT;
            case "updateClientSecret" -> index == 0 ? Long.toString(client.id()) : "a-new-secret-of-the-client";
            default -> Long.toString(client.id());
        };
    }

    private static boolean isRequestObject(Class<?> type) {
        Class<?> element = type.isArray() ? type.getComponentType() : type;
        return element.getPackageName().equals("com.authlete.common.dto") && !element.isEnum();
    }

    /** The SDK's request object: empty, or with every setter of a plain type (text, number, flag, enum, URI, their arrays) set. */
    private Object requestObject(Class<?> type, Set<String> only, int depth) throws ReflectiveOperationException {
        Object object = type.getConstructor().newInstance();
        for (Method setter : type.getMethods()) {
            if (!setter.getName().startsWith("set") || setter.getParameterCount() != 1 || Modifier.isStatic(setter.getModifiers())) {
                continue;
            }
            String property = Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4);
            if (only != null && depth == 0 && !only.contains(property)) {
                continue;
            }
            Class<?> valueType = setter.getParameterTypes()[0];
            Object value = depth == 0 && isRequestObject(valueType) && !valueType.isArray()
                    ? requestObject(valueType, null, depth + 1) // one level of nested objects
                    : plainValue(valueType, property, type.getSimpleName());
            if (value != null) {
                setter.invoke(object, value);
            }
        }
        return object;
    }

    /** A valid value of a plain type for a member; null for nested objects, which stay unset. */
    private Object plainValue(Class<?> type, String property, String owner) {
        String lower = property.toLowerCase(Locale.ROOT);
        if (type == String.class) {
            String allowed = firstEnumValue(owner, property);
            return allowed != null ? allowed : stringValue(property, lower);
        }
        if (type == long.class || type == Long.class) {
            return lower.contains("clientid") ? client.id() : lower.equals("apikey") || lower.equals("serviceid") ? mock.serviceId() : 60L;
        }
        if (type == int.class || type == Integer.class) {
            return 60;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == URI.class) {
            return URI.create("https://client.example.com/" + property);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isArray() && (type.getComponentType() == String.class || type.getComponentType().isEnum()
                || type.getComponentType() == URI.class)) {
            Object element = plainValue(type.getComponentType(), property.replaceAll("s$", ""), owner);
            Object array = Array.newInstance(type.getComponentType(), 1);
            Array.set(array, 0, element);
            return array;
        }
        return null;
    }

    /** The first value our spec allows for a text member of a component named like the SDK class, when it lists them. */
    private static String firstEnumValue(String component, String property) {
        var schema = io.github.authletetestkit.spec.internal.AuthleteSpec.bundled().openApiFlattened().getComponents().getSchemas().get(component);
        if (schema == null || schema.getProperties() == null || !(schema.getProperties().get(property) instanceof io.swagger.v3.oas.models.media.Schema<?> member)
                || member.getEnum() == null || member.getEnum().isEmpty()) {
            return null;
        }
        return String.valueOf(member.getEnum().getFirst());
    }

    private int aliases;

    private String stringValue(String property, String lower) {
        if (lower.equals("patch")) {
            return "[]";
        }
        if (lower.equals("clientidalias")) {
            return "alias-" + ++aliases;
        }
        if (lower.equals("jwks")) {
            return jwks;
        }
        if (lower.endsWith("uri") || lower.endsWith("url") || lower.endsWith("endpoint") || lower.endsWith("uris")
                || lower.equals("htu") || lower.equals("issuer")) {
            return "https://client.example.com/" + property;
        }
        if (lower.equals("htm")) {
            return "POST";
        }
        if (lower.equals("subject") || lower.equals("sub")) {
            return Flows.SUBJECT;
        }
        if (lower.equals("clientid") || lower.equals("clientidentifier")) {
            return Long.toString(client.id());
        }
        if (lower.equals("clientsecret")) {
            return client.secret();
        }
        if (lower.equals("token") || lower.equals("accesstoken") || lower.equals("accesstokenidentifier")) {
            return accessToken;
        }
        if (lower.contains("claims") || lower.equals("context") || lower.contains("payload") || lower.equals("json")
                || lower.equals("configuration") || lower.endsWith("metadata")) {
            return "{}";
        }
        if (lower.contains("email")) {
            return "user@example.com";
        }
        return "x";
    }

    private static String signature(Method method) {
        return method.getName() + "(" + String.join(", ", Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).toList()) + ")";
    }
}
