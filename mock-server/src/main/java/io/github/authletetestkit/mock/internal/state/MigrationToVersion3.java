package io.github.authletetestkit.mock.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The step from schema version 2 to 3, which took the Java out of the format: a ticket's {@code responseMode} and a
 * Grant Management {@code action} are spelt as OAuth spells them ({@code FORM_POST_JWT} becomes {@code form_post.jwt},
 * {@code MERGE} becomes {@code merge}); a grant's {@code authTimeSeconds} is {@code authTime}, as in a token entry; and
 * {@code authorizationDetails} is a JSON array in tickets and grants too, no longer JSON as text. The spellings of
 * version 2 are frozen here: a value version 2 did not know is refused, naming the member. A member already in its
 * version-3 form is kept, so that a hand-written seed without {@code schemaVersion} (version 1) may use either.
 */
final class MigrationToVersion3 {

    private static final Map<String, String> RESPONSE_MODES = Map.of("QUERY", "query", "FRAGMENT", "fragment",
            "FORM_POST", "form_post", "JWT", "jwt", "QUERY_JWT", "query.jwt", "FRAGMENT_JWT", "fragment.jwt",
            "FORM_POST_JWT", "form_post.jwt");
    private static final Map<String, String> GRANT_ACTIONS = Map.of("CREATE", "create", "MERGE", "merge", "REPLACE", "replace");

    private MigrationToVersion3() {}

    /** Rewrites {@code document}, a version-2 document, in place. */
    static void apply(ObjectNode document) {
        JsonNode services = document.path("services");
        if (!services.isArray()) {
            return;
        }
        for (int s = 0; s < services.size(); s++) {
            String at = "services[" + s + "]";
            JsonNode service = services.get(s);
            each(service, at, "tickets", MigrationToVersion3::ticket);
            each(service, at, "authorizationCodes", (code, codeAt) -> {
                member(code, codeAt, "request", MigrationToVersion3::ticket);
                member(code, codeAt, "grant", MigrationToVersion3::grant);
            });
            each(service, at, "tokenTickets", (ticket, ticketAt) -> member(ticket, ticketAt, "grant", MigrationToVersion3::grant));
            each(service, at, "deviceAuthorizations", MigrationToVersion3::pollingRequest);
            each(service, at, "backchannelRequests", MigrationToVersion3::pollingRequest);
        }
    }

    private static void ticket(ObjectNode ticket, String at) {
        respell(ticket, at, "responseMode", RESPONSE_MODES);
        parseAuthorizationDetails(ticket, at);
        member(ticket, at, "grantManagement", MigrationToVersion3::grantManagement);
    }

    private static void pollingRequest(ObjectNode request, String at) {
        member(request, at, "decision", (decision, decisionAt) -> member(decision, decisionAt, "grant", MigrationToVersion3::grant));
        member(request, at, "grantManagement", MigrationToVersion3::grantManagement);
    }

    private static void grantManagement(ObjectNode grantManagement, String at) {
        respell(grantManagement, at, "action", GRANT_ACTIONS);
    }

    private static void grant(ObjectNode grant, String at) {
        if (grant.has("authTimeSeconds")) {
            if (grant.has("authTime")) {
                throw new SeedException(at + ".authTime", "is no member of schemaVersion 2, which spells it authTimeSeconds");
            }
            grant.set("authTime", grant.remove("authTimeSeconds"));
        }
        parseAuthorizationDetails(grant, at);
    }

    /** Version 2 wrote the details as JSON text; anything else is left for the reader to refuse. */
    private static void parseAuthorizationDetails(ObjectNode entry, String at) {
        JsonNode text = entry.get("authorizationDetails");
        if (text == null || !text.isTextual()) {
            return;
        }
        try {
            entry.set("authorizationDetails", Json.parse(text.asText()));
        } catch (IllegalArgumentException e) {
            throw new SeedException(at + ".authorizationDetails", "must be a JSON array as text in schemaVersion 2, not '" + text.asText() + "'");
        }
    }

    /** Replaces a version-2 constant by its spelling in version 3; a value of another type is left for the reader to refuse. */
    private static void respell(ObjectNode entry, String at, String member, Map<String, String> spellings) {
        JsonNode value = entry.get(member);
        if (value == null || !value.isTextual() || spellings.containsValue(value.asText())) {
            return;
        }
        String spelling = spellings.get(value.asText());
        if (spelling == null) {
            throw new SeedException(at + "." + member, "must be one of " + spellings.keySet().stream().sorted().toList()
                    + " in schemaVersion 2, not '" + value.asText() + "'");
        }
        entry.put(member, spelling);
    }

    private static void each(JsonNode service, String serviceAt, String kind, BiConsumer<ObjectNode, String> step) {
        JsonNode items = service.path(kind);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ObjectNode item) {
                step.accept(item, serviceAt + "." + kind + "[" + i + "]");
            }
        }
    }

    private static void member(ObjectNode entry, String at, String member, BiConsumer<ObjectNode, String> step) {
        if (entry.get(member) instanceof ObjectNode nested) {
            step.accept(nested, at + "." + member);
        }
    }
}
