package io.github.authletetestkit.mock.admin;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.github.authletetestkit.mock.model.Json;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The mock's admin API as a WireMock extension: each {@link AdminRoute} served under
 * {@code /__admin/authlete/}, every answer JSON. The only class of the admin API that knows WireMock.
 */
public final class AdminApi implements AdminApiExtension {

    public static final String NAME = "authlete-admin-api";
    /** Below WireMock's {@code /__admin}. */
    public static final String PREFIX = "/authlete/";

    private static final Logger LOG = Logger.getLogger(AdminApi.class.getName());

    private final List<AdminRoute> routes;

    public AdminApi(List<AdminRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        for (AdminRoute route : routes) {
            router.add(RequestMethod.fromString(route.method()), PREFIX + route.path(),
                    (admin, serveEvent, pathParams) -> respond(route, serveEvent.getRequest()));
        }
    }

    static ResponseDefinition respond(AdminRoute route, Request request) {
        String body = request.getBody() == null || request.getBody().length == 0 ? null : request.getBodyAsString();
        AdminReply reply;
        try {
            reply = route.handler().handle(body);
        } catch (AdminInputException e) {
            reply = AdminReply.error(400, e.getMessage(), e.field());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The admin API failed on " + route.method() + " " + route.path(), e);
            reply = AdminReply.error(500, "The admin API failed: " + e.getClass().getSimpleName() + ".", null);
        }
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition().withStatus(reply.status());
        if (reply.body() != null) {
            response.withHeader("Content-Type", "application/json").withBody(Json.write(reply.body()));
        }
        return response.build();
    }

    @Override
    public String getName() {
        return NAME;
    }
}
