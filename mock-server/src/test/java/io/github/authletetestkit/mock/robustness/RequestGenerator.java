package io.github.authletetestkit.mock.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.internal.MockInternals;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.mock.testing.MockHttp;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import io.github.authletetestkit.spec.internal.SpecOperation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Requests made from the spec: a body from the operation's request schema (required members with values
 * of the right type, optional ones at random), query and path values, and then — for the invalid kinds — one
 * deliberate defect. Works on the loaded spec's fully resolved model, so operations added to the spec are
 * covered without changing this class. Reproducible: every choice comes from the {@link Random} it is given.
 */
final class RequestGenerator {

    /** What kind of request to make. The first ones must be refused with 400; the rest must merely not break the mock. */
    enum Kind {
        WRONG_TYPE(true), MISSING_REQUIRED(true), BAD_ENUM(true), MALFORMED_JSON(true), WRONG_CONTENT_TYPE(true), BAD_QUERY(true),
        VALID(false), VALID_FORM(false), OUT_OF_RANGE(false), ODD_UNICODE(false), EXTRA_MEMBERS(false), JUNK_PATH(false);

        final boolean mustBeRefused;

        Kind(boolean mustBeRefused) {
            this.mustBeRefused = mustBeRefused;
        }
    }

    /** One generated request; {@code kind} is what was really applied (VALID when the defect did not fit the operation). */
    record Generated(SpecOperation operation, Kind kind, String method, String path, String contentType, byte[] body, String note) {

        String bodyText() {
            return body == null ? null : new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = bodyText();
            return kind + " " + method + " " + path + (contentType == null ? "" : " [" + contentType + "]")
                    + (note.isEmpty() ? "" : " (" + note + ")")
                    + (text == null ? "" : " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
        }
    }

    /** Live values the generator draws on, so that generated requests reach deeper than "unknown ID". */
    interface Values {
        /** The {serviceId} to put in the path of this operation. */
        long serviceId(SpecOperation operation);

        /** A registered client of that service, or null when it has none. */
        Driver.Client client(long serviceId);

        /** A value harvested from earlier answers (ticket, authorizationCode, accessToken, refreshToken), or null. */
        String harvested(long serviceId, String kind);
    }

    /** The mock's default service and its first client; nothing harvested. */
    static Values defaultService(io.github.authletetestkit.mock.AuthleteMockServer mock) {
        return new Values() {
            @Override
            public long serviceId(SpecOperation operation) {
                return mock.serviceId();
            }

            @Override
            public Driver.Client client(long serviceId) {
                java.util.List<io.github.authletetestkit.mock.model.ClientConfig> clients = MockInternals.of(mock).store().service(serviceId)
                        .map(io.github.authletetestkit.mock.internal.store.ServiceState::clients).orElse(java.util.List.of());
                return clients.isEmpty() ? null : new Driver.Client(clients.getFirst().clientId(), clients.getFirst().clientSecret());
            }

            @Override
            public String harvested(long serviceId, String kind) {
                return null;
            }
        };
    }

    static final String[] ODD_STRINGS = {
        "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD", // emoji with a skin-tone modifier
        "\u202Eevil\u202C", // right-to-left override
        "e\u0301\u0301\u0301", // stacked combining marks
        "\u0000nul\u0000", // NUL characters
        "\uFEFFbom", // byte order mark
        "\uD800", // a lone high surrogate: not encodable, becomes '?' in UTF-8
        "\uFFFF\uFFFE", // non-characters
        "日本語のテキスト",
        "\u0646\u0635 \u0639\u0631\u0628\u064A",
        "%00%2e%2e%2f",
        "../../../../etc/passwd",
        "<script>alert(1)</script>",
        "' OR '1'='1",
        "\r\nX-Injected: yes",
        "\\u0000\\\"",
        " ",
        "",
    };

    static final String[] JUNK_IDS = {
        "..", "..%2F..%2Fservice%2Fget", "%2e%2e", "-1", "0", "99999999999999999999", "9223372036854775808",
        "-9223372036854775809", "1e3", "0x10", "%F0%9F%98%80", "%00", "abc", "%20", "+1", "007",
    };

    private final AuthleteSpec spec;
    private final OpenAPI api;
    private final Random random;

    RequestGenerator(AuthleteSpec spec, Random random) {
        this.spec = spec;
        this.api = spec.openApiFlattened();
        this.random = random;
    }

    AuthleteSpec spec() {
        return spec;
    }

    /** A request of this kind for the operation, or a valid one when the kind cannot apply to it. */
    Generated generate(SpecOperation operation, Kind kind, Values values) {
        Operation model = model(operation);
        long serviceId = values.serviceId(operation);
        Driver.Client client = values.client(serviceId);
        Context context = new Context(operation, serviceId, client, values);
        List<String> notes = new ArrayList<>();

        // path
        Map<String, Schema<?>> pathParams = new LinkedHashMap<>();
        Map<String, Parameter> queryParams = new LinkedHashMap<>();
        for (Parameter p : parameters(model)) {
            if ("path".equals(p.getIn())) {
                pathParams.put(p.getName(), p.getSchema());
            } else if ("query".equals(p.getIn())) {
                queryParams.put(p.getName(), p);
            }
        }
        boolean junkPath = kind == Kind.JUNK_PATH && pathParams.keySet().stream().anyMatch(n -> !n.equals("serviceId"));
        String path = operation.pathTemplate();
        for (String name : pathParamNames(path)) {
            String value;
            if (name.equals("serviceId")) {
                value = Long.toString(serviceId);
            } else if (junkPath) {
                value = pick(JUNK_IDS);
                notes.add(name + "=" + value);
            } else if (name.toLowerCase().startsWith("client") && client != null) {
                value = Long.toString(client.id());
            } else {
                value = Long.toString(1 + random.nextInt(1_000_000));
            }
            path = path.replace("{" + name + "}", value);
        }

        // query
        boolean badQuery = false;
        StringJoiner query = new StringJoiner("&");
        for (Parameter p : queryParams.values()) {
            boolean typed = hasType(p.getSchema(), "integer") || hasType(p.getSchema(), "boolean") || hasType(p.getSchema(), "number");
            if (kind == Kind.BAD_QUERY && typed && !badQuery) {
                String bad = pick("abc", "1.5.2", "true1", "%F0%9F%98%80");
                query.add(p.getName() + "=" + bad);
                notes.add(p.getName() + "=" + bad);
                badQuery = true;
            } else if (kind == Kind.OUT_OF_RANGE && hasType(p.getSchema(), "integer")) {
                query.add(p.getName() + "=" + pick("-1", "-2147483649", "2147483648", "99999999999999999999"));
            } else if (Boolean.TRUE.equals(p.getRequired()) || random.nextInt(3) == 0) {
                query.add(p.getName() + "=" + MockHttp.enc(scalarText(p.getName(), p.getSchema(), context)));
            }
        }
        if (query.length() > 0) {
            path += "?" + query;
        }

        // body
        Map<String, MediaType> content = model.getRequestBody() == null || model.getRequestBody().getContent() == null
                ? Map.of() : model.getRequestBody().getContent();
        MediaType json = content.get("application/json");
        MediaType form = content.get("application/x-www-form-urlencoded");
        String contentType = null;
        byte[] body = null;
        Kind applied = kind;
        if (json != null || form != null) {
            Schema<?> schema = (json != null ? json : form).getSchema();
            JsonNode value = valid(null, schema, context, 0);
            // an empty form is no body at all, which a required body cannot be: send those as JSON
            boolean asForm = form != null && (json == null || kind == Kind.VALID_FORM) && value instanceof ObjectNode o
                    && !toForm(o).isEmpty();
            if (kind == Kind.VALID_FORM && !asForm) {
                applied = Kind.VALID;
            }
            applied = switch (kind) {
                case WRONG_TYPE -> wrongType(value, schema, notes) ? kind : Kind.VALID;
                case MISSING_REQUIRED -> missingRequired(value, schema, notes) ? kind : Kind.VALID;
                case BAD_ENUM -> badEnum(value, schema, notes) ? kind : Kind.VALID;
                case OUT_OF_RANGE -> outOfRange(value, schema, notes) || query.length() > 0 ? kind : Kind.VALID;
                case ODD_UNICODE -> oddUnicode(value) ? kind : Kind.VALID;
                case EXTRA_MEMBERS -> extraMembers(value) ? kind : Kind.VALID;
                default -> applied;
            };
            if (asForm) {
                contentType = "application/x-www-form-urlencoded";
                body = toForm((ObjectNode) value).getBytes(StandardCharsets.UTF_8);
            } else {
                contentType = "application/json";
                String text = Json.write(value);
                if (kind == Kind.MALFORMED_JSON) {
                    text = pick(text.substring(0, Math.max(1, text.length() / 2)), text + "}", "{'single': 'quotes'}", "{\"a\":",
                            "[1,2", "nul", "{\"a\":1,}", "\u0000");
                    notes.add("malformed");
                } else if (kind == Kind.WRONG_CONTENT_TYPE) {
                    contentType = pick("text/plain", "application/xml", "image/png", "multipart/form-data; boundary=x");
                    notes.add("as " + contentType);
                }
                body = text.getBytes(StandardCharsets.UTF_8);
            }
        } else if (kind != Kind.BAD_QUERY && kind != Kind.JUNK_PATH && kind != Kind.OUT_OF_RANGE) {
            applied = Kind.VALID; // the defect is one of the body, and the operation takes none
        }
        if (kind == Kind.BAD_QUERY && !badQuery || kind == Kind.JUNK_PATH && !junkPath) {
            applied = Kind.VALID;
        }
        return new Generated(operation, applied, operation.method(), path, contentType, body, String.join(", ", notes));
    }

    // ------------------------------------------------------------------ valid values

    private record Context(SpecOperation operation, long serviceId, Driver.Client client, Values values) {}

    private JsonNode valid(String name, Schema<?> schema, Context context, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema == null) {
            return nodes.textNode(word());
        }
        JsonNode hinted = name == null ? null : hinted(name, schema, context);
        if (hinted != null) {
            return hinted;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            List<?> options = schema.getEnum().stream().filter(o -> o != null).toList();
            if (!options.isEmpty()) {
                return Json.MAPPER.valueToTree(options.get(random.nextInt(options.size())));
            }
        }
        String type = type(schema);
        return switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                Set<String> required = schema.getRequired() == null ? Set.of() : new LinkedHashSet<>(schema.getRequired());
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach((member, memberSchema) -> {
                        if (Boolean.TRUE.equals(memberSchema.getReadOnly())) {
                            return;
                        }
                        if (required.contains(member) || depth < 3 && random.nextInt(10) < 3) {
                            object.set(member, valid(member, memberSchema, context, depth + 1));
                        }
                    });
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                int min = schema.getMinItems() == null ? 0 : schema.getMinItems();
                int max = schema.getMaxItems() == null ? Math.max(min, 3) : schema.getMaxItems();
                int size = depth > 4 ? min : min + random.nextInt(Math.max(1, max - min + 1));
                Set<String> seen = new LinkedHashSet<>();
                for (int i = 0; i < size; i++) {
                    JsonNode item = valid(null, schema.getItems(), context, depth + 1);
                    if (seen.add(item.toString())) { // uniqueItems-safe
                        array.add(item);
                    }
                }
                yield array;
            }
            case "integer" -> {
                long min = schema.getMinimum() != null ? schema.getMinimum().longValue() : 0;
                long max = schema.getMaximum() != null ? schema.getMaximum().longValue() : "int32".equals(schema.getFormat()) ? 100_000 : 10_000_000;
                if (schema.getExclusiveMinimumValue() != null) {
                    min = schema.getExclusiveMinimumValue().longValue() + 1;
                }
                yield nodes.numberNode(min + (long) (random.nextDouble() * Math.max(1, max - min)));
            }
            case "number" -> nodes.numberNode(BigDecimal.valueOf(random.nextInt(100_000), 2));
            case "boolean" -> nodes.booleanNode(random.nextBoolean());
            case "null" -> nodes.nullNode();
            default -> nodes.textNode(string(name, schema));
        };
    }

    /** Members whose value has to come from the mock's state to be meaningful. */
    private JsonNode hinted(String name, Schema<?> schema, Context context) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String type = type(schema);
        Driver.Client client = context.client();
        String value = switch (name) {
            case "clientId" -> client == null ? null : Long.toString(client.id());
            case "clientSecret" -> client == null ? null : client.secret();
            case "ticket" -> context.values().harvested(context.serviceId(), "ticket");
            case "token", "accessToken" -> context.values().harvested(context.serviceId(), "accessToken");
            case "refreshToken" -> context.values().harvested(context.serviceId(), "refreshToken");
            case "subject" -> "user-" + random.nextInt(5);
            case "parameters" -> oauthParameters(context);
            default -> null;
        };
        if (value == null || random.nextInt(10) == 0) {
            return null;
        }
        if (type.equals("integer")) {
            try {
                return nodes.numberNode(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return type.equals("string") ? nodes.textNode(value) : null;
    }

    /** OAuth request parameters in the style of the operation: authorization, token, revocation, or anything. */
    private String oauthParameters(Context context) {
        String op = context.operation().operationId() == null ? "" : context.operation().operationId();
        Driver.Client client = context.client();
        String clientId = client == null ? "12345" : random.nextInt(8) == 0 ? pick(JUNK_IDS) : Long.toString(client.id());
        Map<String, String> p = new LinkedHashMap<>();
        if (op.contains("authorization") || op.startsWith("pushed") || op.contains("par_")) {
            p.put("response_type", pick("code", "code", "token", "id_token", "code id_token", "none", "bogus"));
            p.put("client_id", clientId);
            if (random.nextInt(4) > 0) {
                p.put("redirect_uri", pick(Driver.REDIRECT_URI, Driver.REDIRECT_URI, "https://evil.example.com/cb", "not a uri"));
            }
            p.put("scope", pick("openid", "profile", "openid profile email", "offline_access", "openid unknown_scope", ""));
            p.put("state", word());
            if (random.nextBoolean()) {
                p.put("nonce", word());
            }
            if (random.nextInt(3) == 0) {
                p.put("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
                p.put("code_challenge_method", pick("S256", "plain", "S512"));
            }
            if (random.nextInt(4) == 0) {
                p.put("prompt", pick("none", "login", "consent", "select_account", "login none", "bogus"));
            }
            if (random.nextInt(5) == 0) {
                p.put("max_age", pick("0", "-1", "3600", "99999999999999999999", "abc"));
            }
            if (random.nextInt(6) == 0) {
                p.put("response_mode", pick("query", "fragment", "form_post", "jwt", "bogus"));
            }
        } else if (op.contains("token")) {
            String grant = pick("authorization_code", "authorization_code", "refresh_token", "client_credentials", "password", "urn:bogus");
            p.put("grant_type", grant);
            switch (grant) {
                case "authorization_code" -> {
                    p.put("code", orWord(context.values().harvested(context.serviceId(), "authorizationCode")));
                    p.put("redirect_uri", Driver.REDIRECT_URI);
                    if (random.nextInt(4) == 0) {
                        p.put("code_verifier", pick("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "short"));
                    }
                }
                case "refresh_token" -> p.put("refresh_token", orWord(context.values().harvested(context.serviceId(), "refreshToken")));
                case "password" -> {
                    p.put("username", "user-" + random.nextInt(5));
                    p.put("password", word());
                }
                default -> { }
            }
            if (random.nextInt(3) == 0) {
                p.put("scope", pick("openid", "profile", "unknown_scope"));
            }
        } else if (op.contains("revocation")) {
            p.put("token", orWord(context.values().harvested(context.serviceId(), random.nextBoolean() ? "accessToken" : "refreshToken")));
            if (random.nextBoolean()) {
                p.put("token_type_hint", pick("access_token", "refresh_token", "bogus"));
            }
        } else {
            p.put(word(), word());
        }
        String form = MockHttp.form(p);
        return switch (random.nextInt(20)) {
            case 0 -> form + "&%zz=%G0&&==&" + pick(ODD_STRINGS);
            case 1 -> form + "&" + form; // every parameter twice
            default -> form;
        };
    }

    private String scalarText(String name, Schema<?> schema, Context context) {
        JsonNode value = valid(name, schema, context, 0);
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private String string(String name, Schema<?> schema) {
        if ("issuer".equals(name)) {
            return "https://as-" + word() + ".example.com";
        }
        if ("uri".equals(schema.getFormat()) || name != null && (name.endsWith("Uri") || name.endsWith("Endpoint"))) {
            return "https://client.example.com/" + word();
        }
        int min = schema.getMinLength() == null ? 1 : schema.getMinLength();
        int max = schema.getMaxLength() == null ? Math.max(min, 16) : schema.getMaxLength();
        StringBuilder text = new StringBuilder();
        int length = min + random.nextInt(Math.max(1, max - min + 1));
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ defects

    private boolean wrongType(JsonNode value, Schema<?> schema, List<String> notes) {
        if (!(value instanceof ObjectNode object)) {
            return false;
        }
        List<Map.Entry<String, Schema>> candidates = properties(schema).entrySet().stream()
                .filter(e -> !Boolean.TRUE.equals(e.getValue().getReadOnly()))
                .filter(e -> declaredTypes(e.getValue()).size() == 1 || declaredTypes(e.getValue()).size() == 2
                        && declaredTypes(e.getValue()).contains("null"))
                .toList();
        if (candidates.isEmpty()) {
            return false;
        }
        Map.Entry<String, Schema> target = candidates.get(random.nextInt(candidates.size()));
        String type = type(target.getValue());
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode wrong = switch (type) {
            case "string" -> random.nextBoolean() ? nodes.numberNode(12345) : nodes.objectNode().put("x", 1);
            case "integer", "number" -> random.nextBoolean() ? nodes.textNode("12abc") : nodes.booleanNode(true);
            case "boolean" -> random.nextBoolean() ? nodes.textNode("yes") : nodes.numberNode(1);
            case "array" -> random.nextBoolean() ? nodes.objectNode() : nodes.numberNode(7);
            case "object" -> random.nextBoolean() ? nodes.textNode("{}") : nodes.arrayNode().add(1);
            default -> null;
        };
        if (wrong == null) {
            return false;
        }
        object.set(target.getKey(), wrong);
        notes.add(target.getKey() + " as " + wrong.getNodeType());
        return true;
    }

    private boolean missingRequired(JsonNode value, Schema<?> schema, List<String> notes) {
        if (!(value instanceof ObjectNode object) || schema.getRequired() == null || schema.getRequired().isEmpty()) {
            return false;
        }
        String member = schema.getRequired().get(random.nextInt(schema.getRequired().size()));
        object.remove(member);
        notes.add("without " + member);
        return true;
    }

    private boolean badEnum(JsonNode value, Schema<?> schema, List<String> notes) {
        if (!(value instanceof ObjectNode object)) {
            return false;
        }
        List<Map.Entry<String, Schema>> candidates = properties(schema).entrySet().stream()
                .filter(e -> !Boolean.TRUE.equals(e.getValue().getReadOnly()))
                .filter(e -> e.getValue().getEnum() != null && type(e.getValue()).equals("string")
                        || "array".equals(type(e.getValue())) && e.getValue().getItems() != null && e.getValue().getItems().getEnum() != null
                        && type(e.getValue().getItems()).equals("string"))
                .toList();
        if (candidates.isEmpty()) {
            return false;
        }
        Map.Entry<String, Schema> target = candidates.get(random.nextInt(candidates.size()));
        JsonNode bad = target.getValue().getEnum() != null ? JsonNodeFactory.instance.textNode("NOT_A_VALUE")
                : JsonNodeFactory.instance.arrayNode().add("NOT_A_VALUE");
        object.set(target.getKey(), bad);
        notes.add(target.getKey() + "=NOT_A_VALUE");
        return true;
    }

    private boolean outOfRange(JsonNode value, Schema<?> schema, List<String> notes) {
        if (!(value instanceof ObjectNode object)) {
            return false;
        }
        List<String> numeric = properties(schema).entrySet().stream()
                .filter(e -> !Boolean.TRUE.equals(e.getValue().getReadOnly()))
                .filter(e -> type(e.getValue()).equals("integer") || type(e.getValue()).equals("number"))
                .map(Map.Entry::getKey).toList();
        if (numeric.isEmpty()) {
            return false;
        }
        String member = numeric.get(random.nextInt(numeric.size()));
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode number = switch (random.nextInt(6)) {
            case 0 -> nodes.numberNode(-1);
            case 1 -> nodes.numberNode(Long.MIN_VALUE);
            case 2 -> nodes.numberNode(Long.MAX_VALUE);
            case 3 -> nodes.numberNode(new BigInteger("99999999999999999999999999"));
            case 4 -> nodes.numberNode(new BigDecimal("1e400"));
            default -> nodes.numberNode(2_147_483_648L);
        };
        object.set(member, number);
        notes.add(member + "=" + number);
        return true;
    }

    private boolean oddUnicode(JsonNode value) {
        boolean[] changed = {false};
        replaceStrings(value, changed);
        return changed[0];
    }

    private void replaceStrings(JsonNode node, boolean[] changed) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (member.getValue().isTextual()) {
                    member.setValue(JsonNodeFactory.instance.textNode(pick(ODD_STRINGS) + (random.nextBoolean() ? member.getValue().asText() : "")));
                    changed[0] = true;
                } else {
                    replaceStrings(member.getValue(), changed);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, JsonNodeFactory.instance.textNode(pick(ODD_STRINGS)));
                    changed[0] = true;
                } else {
                    replaceStrings(array.get(i), changed);
                }
            }
        }
    }

    private boolean extraMembers(JsonNode value) {
        if (!(value instanceof ObjectNode object)) {
            return false;
        }
        object.put("x-junk-" + word(), pick(ODD_STRINGS));
        object.putObject("nested" + word()).putArray("deep").add(1).addObject().put("k", "v");
        object.putNull("nothing");
        return true;
    }

    // ------------------------------------------------------------------ schema helpers

    private Operation model(SpecOperation operation) {
        PathItem item = api.getPaths().get(operation.pathTemplate());
        if (item == null) {
            throw new IllegalStateException("no path item for " + operation);
        }
        return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(operation.method()));
    }

    private List<Parameter> parameters(Operation model) {
        List<Parameter> result = new ArrayList<>();
        if (model.getParameters() != null) {
            result.addAll(model.getParameters());
        }
        return result;
    }

    private static List<String> pathParamNames(String template) {
        List<String> names = new ArrayList<>();
        int at = 0;
        while ((at = template.indexOf('{', at)) >= 0) {
            int end = template.indexOf('}', at);
            names.add(template.substring(at + 1, end));
            at = end + 1;
        }
        return names;
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> properties(Schema<?> schema) {
        return schema == null || schema.getProperties() == null ? Map.of() : schema.getProperties();
    }

    private static Set<String> declaredTypes(Schema<?> schema) {
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes();
        }
        return schema.getType() == null ? Set.of() : Set.of(schema.getType());
    }

    private static boolean hasType(Schema<?> schema, String type) {
        return schema != null && declaredTypes(schema).contains(type);
    }

    /** The one non-null type of a schema ("string" when it declares none and has no members or items). */
    private static String type(Schema<?> schema) {
        Set<String> types = declaredTypes(schema);
        for (String t : types) {
            if (!t.equals("null")) {
                return t;
            }
        }
        if (!types.isEmpty()) {
            return "null";
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        if (schema.getItems() != null) {
            return "array";
        }
        return "string";
    }

    private static String toForm(ObjectNode object) {
        StringJoiner form = new StringJoiner("&");
        object.fields().forEachRemaining(member -> {
            JsonNode v = member.getValue();
            if (v.isObject() || v.isArray() && hasContainer(v)) {
                return; // a form has no way to carry nested objects
            }
            if (v.isArray()) {
                v.forEach(item -> form.add(MockHttp.enc(member.getKey()) + "=" + MockHttp.enc(item.isTextual() ? item.textValue() : item.toString())));
            } else {
                form.add(MockHttp.enc(member.getKey()) + "=" + MockHttp.enc(v.isTextual() ? v.textValue() : v.toString()));
            }
        });
        return form.toString();
    }

    private static boolean hasContainer(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    private String orWord(String value) {
        return value != null && random.nextInt(6) > 0 ? value : word();
    }

    private String word() {
        return "w" + Integer.toString(random.nextInt(1 << 30), 36);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
