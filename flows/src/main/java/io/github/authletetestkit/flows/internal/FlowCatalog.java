package io.github.authletetestkit.flows.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every flow the suite knows, in the order a run takes them; {@link ServiceReadFlow} comes first. */
public final class FlowCatalog {

    private FlowCatalog() {
    }

    public static List<Flow> all() {
        List<Flow> flows = new ArrayList<>();
        flows.add(new ServiceReadFlow());
        flows.add(new ClientLifecycleFlow());
        flows.add(new AuthorizationCodeFlow());
        flows.add(new ClientCredentialsFlow());
        flows.add(new PasswordFlow());
        flows.add(new DeviceFlow());
        flows.add(new CibaPollFlow());
        flows.add(new ParFlow());
        flows.add(new Fapi2Flow(false));
        flows.add(new Fapi2Flow(true));
        flows.add(new TokenOperationsFlow());
        flows.add(new CredentialIssuanceFlow(false));
        flows.add(new CredentialIssuanceFlow(true));
        flows.addAll(NegativeFlows.all());
        return List.copyOf(flows);
    }

    /**
     * The flows with these ids, in catalogue order, always with service-read first (the others read the
     * service's configuration from it). Empty or null ids mean every flow.
     *
     * @throws IllegalArgumentException naming an unknown id and the known ones
     */
    public static List<Flow> select(List<String> ids) {
        List<Flow> all = all();
        if (ids == null || ids.isEmpty()) {
            return all;
        }
        Map<String, Flow> byId = new LinkedHashMap<>();
        all.forEach(f -> byId.put(f.id(), f));
        for (String id : ids) {
            if (!byId.containsKey(id)) {
                throw new IllegalArgumentException("unknown flow '" + id + "'; known flows: " + String.join(", ", byId.keySet()));
            }
        }
        return all.stream().filter(f -> f.id().equals(ServiceReadFlow.ID) || ids.contains(f.id())).toList();
    }
}
