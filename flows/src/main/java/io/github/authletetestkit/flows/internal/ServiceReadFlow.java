package io.github.authletetestkit.flows.internal;

import java.util.List;

/**
 * Reads the service: its configuration (which the other flows consult to skip what it does not support),
 * its discovery document and its JWK Set. Always runs first; creates nothing.
 */
public final class ServiceReadFlow implements Flow {

    public static final String ID = "service-read";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Service read: service/get, service/configuration, service/jwks/get";
    }

    @Override
    public List<String> operations() {
        return List.of("service_get_api", "service_configuration_api", "service_jwks_get_api");
    }

    @Override
    public boolean createsResources() {
        return false;
    }

    @Override
    public void run(FlowContext ctx) throws InterruptedException {
        Reply service = ctx.call(Step.get("read service", "service_get_api", "/service/get").management().expect(200).fields("apiKey"));
        ctx.check(service.text("apiKey").equals(ctx.serviceIdText()), "service/get answered another service's apiKey");
        ctx.service(ServiceProfile.from(service.json()));

        Reply configuration = ctx.call(Step.get("read discovery document", "service_configuration_api", "/service/configuration")
                .expect(200).fields("issuer"));
        ctx.check(configuration.json().isObject(), "the discovery document is not a JSON object");

        // 204 when the service has no JWK Set
        ctx.call(Step.get("read JWK Set", "service_jwks_get_api", "/service/jwks/get").expect(200, 204));
    }
}
