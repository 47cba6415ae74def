package io.github.authletetestkit.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.AuthleteMockServer;
import io.github.authletetestkit.mock.MockServerSettings;
import io.github.authletetestkit.mock.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** How the extension runs its mock: from {@link AuthleteMockTest} or from {@link AuthleteMockExtension.Builder}. */
record MockConfig(
        ServerLifecycle lifecycle,
        int port,
        long serviceId,
        String serviceToken,
        String orgToken,
        String issuer,
        Map<String, Object> service,
        String spec,
        boolean strict,
        boolean validation,
        boolean systemProperties,
        List<Seed> clients,
        Consumer<MockServerSettings.Builder> customizer) {

    /** A client to register at start, under a name. */
    record Seed(String name, ClientSpec spec) {}

    static final MockConfig DEFAULTS = new MockConfig(ServerLifecycle.PER_CLASS, 0, AuthleteMockServer.DEFAULT_SERVICE_ID,
            AuthleteMockServer.DEFAULT_SERVICE_TOKEN, AuthleteMockServer.DEFAULT_ORG_TOKEN, AuthleteMockServer.DEFAULT_ISSUER,
            Map.of(), null, true, true, false, List.of(), builder -> { });

    MockConfig {
        service = Map.copyOf(service);
        clients = List.copyOf(clients);
    }

    static MockConfig of(AuthleteMockTest annotation) {
        return new MockConfig(annotation.lifecycle(), annotation.port(), annotation.serviceId(), annotation.serviceToken(),
                annotation.orgToken(), annotation.issuer(), serviceJson(annotation.service()),
                annotation.spec().isBlank() ? null : annotation.spec(), annotation.strict(), annotation.validation(),
                annotation.systemProperties(), List.of(), DEFAULTS.customizer());
    }

    /** This configuration with clients seeded by {@link SeedClient} on the test class added. */
    MockConfig withSeeds(List<SeedClient> annotations) {
        if (annotations.isEmpty()) {
            return this;
        }
        List<Seed> all = new ArrayList<>(clients);
        annotations.forEach(a -> all.add(new Seed(a.name(), spec(a))));
        return new MockConfig(lifecycle, port, serviceId, serviceToken, orgToken, issuer, service, spec, strict, validation,
                systemProperties, all, customizer);
    }

    MockServerSettings settings() {
        MockServerSettings.Builder builder = AuthleteMockServer.builder()
                .port(port).serviceId(serviceId).serviceToken(serviceToken).orgToken(orgToken).issuer(issuer).spec(spec)
                .strict(strict).validateRequests(validation).validateResponses(validation);
        customizer.accept(builder);
        return builder.settings();
    }

    static ClientSpec spec(SeedClient seed) {
        ClientSpec spec = ClientSpec.confidential().confidential(!seed.publicClient()).name(seed.name())
                .grantTypes(seed.grantTypes()).responseTypes(seed.responseTypes()).redirectUris(seed.redirectUris());
        if (seed.pkceRequired()) {
            spec = spec.requirePkce();
        }
        if (seed.pkceS256Required()) {
            spec = spec.requirePkceS256();
        }
        if (seed.parRequired()) {
            spec = spec.requirePar();
        }
        if (seed.dpopRequired()) {
            spec = spec.requireDpop();
        }
        for (Map.Entry<String, Object> member : jsonObject(seed.json(), "@SeedClient(name = \"" + seed.name() + "\").json").entrySet()) {
            spec = spec.set(member.getKey(), member.getValue());
        }
        return spec;
    }

    static Map<String, Object> serviceJson(String json) {
        return jsonObject(json, "@AuthleteMockTest.service");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(String json, String where) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + " is not JSON: " + json, e);
        }
        if (!(parsed instanceof ObjectNode)) {
            throw new IllegalArgumentException(where + " must be a JSON object: " + json);
        }
        return Json.MAPPER.convertValue(parsed, Map.class);
    }
}
