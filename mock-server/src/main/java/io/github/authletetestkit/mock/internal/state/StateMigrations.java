package io.github.authletetestkit.mock.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * Brings a seed or state document of any earlier schema version to the current one, step by step, before it is
 * read. A document without {@code schemaVersion} is version 1 (everything written before versions were). A change of
 * the format ({@link StateDocument} and {@code state-document.schema.json}) that renames, removes or changes the
 * meaning of a member raises {@link #CURRENT} and adds a step here, with a test that migrates every earlier version.
 *
 * <ul>
 *   <li>1 → 2: revocation takes the whole token pair (as Authlete's does), so a token entry marked
 *       {@code accessTokenRevoked: true} — a refresh token that outlived its revoked access token — is dropped,
 *       and the member is gone from the format.</li>
 *   <li>2 → 3: no Java left in the format ({@link MigrationToVersion3}): {@code responseMode} and a Grant Management
 *       {@code action} as OAuth spells them, a grant's {@code authTimeSeconds} named {@code authTime} as in a token entry,
 *       and {@code authorizationDetails} a JSON array in tickets and grants as in token entries.</li>
 * </ul>
 */
final class StateMigrations {

    static final int CURRENT = 3;

    private StateMigrations() {}

    /** A copy of {@code document} in the current version; a {@link SeedException} for a version this mock cannot read. */
    static ObjectNode toCurrent(ObjectNode document) {
        int version = version(document.get("schemaVersion"));
        ObjectNode migrated = document.deepCopy();
        if (version < 2) {
            dropRevokedPairs(migrated);
        }
        if (version < 3) {
            MigrationToVersion3.apply(migrated);
        }
        migrated.put("schemaVersion", CURRENT);
        return migrated;
    }

    private static int version(JsonNode value) {
        if (value == null) {
            return 1;
        }
        if (!value.isInt() || value.intValue() < 1) {
            throw new SeedException("schemaVersion", "must be a whole number from 1 to " + CURRENT + ", not " + value);
        }
        if (value.intValue() > CURRENT) {
            throw new SeedException("schemaVersion", "is " + value.intValue() + ": the document was written by a newer Authlete Testkit;"
                    + " this one reads schema versions 1 to " + CURRENT);
        }
        return value.intValue();
    }

    private static void dropRevokedPairs(ObjectNode document) {
        JsonNode services = document.get("services");
        if (services == null || !services.isArray()) {
            return;
        }
        for (int s = 0; s < services.size(); s++) {
            JsonNode tokens = services.get(s).get("tokens");
            if (!(tokens instanceof ArrayNode entries)) {
                continue;
            }
            int index = 0;
            for (Iterator<JsonNode> it = entries.elements(); it.hasNext(); index++) {
                if (!(it.next() instanceof ObjectNode token) || !token.has("accessTokenRevoked")) {
                    continue;
                }
                JsonNode revoked = token.remove("accessTokenRevoked");
                if (revoked.asBoolean(false)) {
                    if (token.path("refreshToken").isMissingNode() || token.path("refreshToken").isNull()) {
                        throw new SeedException("services[" + s + "].tokens[" + index + "].refreshToken", "is required when the access token is revoked");
                    }
                    it.remove();
                }
            }
        }
    }
}
