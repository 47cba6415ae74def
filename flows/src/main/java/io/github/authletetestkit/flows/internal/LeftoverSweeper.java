package io.github.authletetestkit.flows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --cleanup}: finds the clients earlier (interrupted) runs left behind — developer
 * {@link FlowEnvironment#PREFIX} and a name starting with it — revokes their tokens when asked to (the target
 * has {@code auth/token/revoke}), and deletes them (which also removes their tokens and grants).
 * Do not run it while another run against the same service is in progress: it cannot tell that run's
 * clients from leftovers.
 */
public final class LeftoverSweeper {

    static final int PAGE = 100;

    /** What the sweep found and did; {@code log} has one line per client. */
    public record Result(int found, int deleted, List<String> log, List<String> failures) {
    }

    private LeftoverSweeper() {
    }

    /** @param revoke call {@code auth/token/revoke} for each client first (only when the target has it) */
    public static Result sweep(ApiCaller caller, boolean revoke) throws IOException, InterruptedException {
        return sweep(caller, revoke, FlowEnvironment.PREFIX);
    }

    /**
     * Only the clients whose name starts with {@code namePrefix}: {@code PREFIX + "-" + runId + "-"} sweeps what one
     * interrupted run created, also a client whose creation answer never arrived.
     */
    public static Result sweep(ApiCaller caller, boolean revoke, String namePrefix) throws IOException, InterruptedException {
        List<JsonNode> leftovers = new ArrayList<>();
        for (int start = 0; ; start += PAGE) {
            Exchange page = caller.call(Step.get("list leftover clients", "client_get_list_api",
                    "/client/get/list?developer=" + FlowEnvironment.PREFIX + "&start=" + start + "&end=" + (start + PAGE))
                    .management().toRequest(caller.servicePath("")));
            if (page.response().status() != 200) {
                throw new IOException("client/get/list answered HTTP " + page.response().status());
            }
            JsonNode body = Reply.parse(page.response().body());
            JsonNode clients = body.path("clients");
            for (JsonNode client : clients) {
                if (client.path("clientName").asText("").startsWith(namePrefix)) {
                    leftovers.add(client);
                }
            }
            if (clients.size() < PAGE || start + PAGE >= body.path("totalCount").asLong(0)) {
                break;
            }
        }
        List<String> log = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int deleted = 0;
        for (JsonNode client : leftovers) {
            long id = client.path("clientId").asLong();
            String label = "client " + id + " (" + client.path("clientName").asText() + ")";
            String revoked = "";
            if (revoke) {
                int status = caller.call(Step.post("revoke leftover tokens", "auth_token_revoke_api", "/auth/token/revoke")
                        .json(Map.of("clientIdentifier", Long.toString(id))).toRequest(caller.servicePath(""))).response().status();
                revoked = status == 200 ? "tokens revoked, " : "token revocation answered HTTP " + status + ", ";
            }
            int status = caller.call(Fixtures.deleteClient(id).toRequest(caller.servicePath(""))).response().status();
            if (status == 204 || status == 404) {
                deleted++;
                log.add(label + ": " + revoked + (status == 204 ? "deleted" : "already gone"));
            } else {
                failures.add(label + ": delete answered HTTP " + status);
            }
        }
        return new Result(leftovers.size(), deleted, log, failures);
    }
}
