package io.github.authletetestkit.flows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Client management: create, get, update, list (filtered by developer), delete, and get after delete (404). */
public final class ClientLifecycleFlow implements Flow {

    @Override
    public String id() {
        return "client-lifecycle";
    }

    @Override
    public String title() {
        return "Client lifecycle: create, get, update, list, delete";
    }

    @Override
    public List<String> operations() {
        return List.of("client_create_api", "client_get_api", "client_update_api", "client_get_list_api", "client_delete_api");
    }

    @Override
    public boolean createsResources() {
        return true;
    }

    @Override
    public void run(FlowContext ctx) throws InterruptedException {
        Fixtures.TestClient client = Fixtures.createClient(ctx, List.of("AUTHORIZATION_CODE"), Map.of());
        CleanupRegistry.Pending created = ctx.lastCreated();
        String name = ctx.resourceName();

        Reply fetched = ctx.call(Step.get("get client", "client_get_api", "/client/get/" + client.id())
                .management().expect(200).fields("clientId", "clientName"));
        ctx.check(fetched.json().get("clientId").asLong() == client.id(), "client/get answered another client");
        ctx.check(name.equals(fetched.text("clientName")), "client/get does not show the name given at creation");

        // SDKs update a client by sending back the whole document they fetched, changed
        ObjectNode changed = ((ObjectNode) fetched.json()).deepCopy();
        changed.put("clientName", name + "-updated");
        changed.put("description", "Updated by the Authlete Testkit contract suite.");
        Reply updated = ctx.call(Step.post("update client", "client_update_api", "/client/update/" + client.id())
                .management().json(changed).expect(200).fields("clientName"));
        ctx.check((name + "-updated").equals(updated.text("clientName")), "client/update did not change the name");
        ctx.check(Fixtures.REDIRECT_URI.equals(updated.json().path("redirectUris").path(0).asText(null)),
                "client/update lost the redirect URI");

        Reply listed = ctx.call(Step.get("list clients of the developer", "client_get_list_api",
                "/client/get/list?developer=" + FlowEnvironment.PREFIX + "&start=0&end=100").management().expect(200).fields("totalCount"));
        boolean found = false;
        for (JsonNode entry : listed.json().path("clients")) {
            found |= entry.path("clientId").asLong() == client.id();
        }
        ctx.check(found, "client/get/list with developer=" + FlowEnvironment.PREFIX + " does not list the new client");

        ctx.callDeleting(created, Step.delete("delete client", "client_delete_api", "/client/delete/" + client.id()).management());
        ctx.call(Step.get("get deleted client", "client_get_api", "/client/get/" + client.id()).management().expect(404));
    }
}
