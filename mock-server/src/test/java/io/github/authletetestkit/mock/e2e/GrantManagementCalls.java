package io.github.authletetestkit.mock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.testing.HttpReply;
import java.util.LinkedHashMap;
import java.util.Map;

/** The grant management endpoint ({@code /gm}) as the e2e tests call it, with a client's own token. */
final class GrantManagementCalls {

    private final ApiClient api;
    private final Flows flows;

    GrantManagementCalls(ApiClient api, Flows flows) {
        this.api = api;
        this.flows = flows;
    }

    /** A token the client holds for itself, to call the grant management endpoint with. */
    String clientToken(Flows.Client client, String scope) {
        Map<String, String> params = new LinkedHashMap<>(Map.of("grant_type", "client_credentials"));
        if (scope != null) {
            params.put("scope", scope);
        }
        return flows.token(client, params).text("accessToken");
    }

    HttpReply gm(String accessToken, String gmAction, String grantId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessToken", accessToken);
        body.put("gmAction", gmAction);
        body.put("grantId", grantId);
        return api.post("/gm", body);
    }

    /** The query view of the grant, asserted found. */
    JsonNode query(Flows.Client client, String grantId) {
        HttpReply reply = gm(clientToken(client, null), "QUERY", grantId);
        assertThat(reply.action()).as(reply.toString()).isEqualTo("OK");
        return reply.content();
    }

    HttpReply revoke(Flows.Client client, String grantId) {
        return gm(clientToken(client, null), "REVOKE", grantId);
    }
}
