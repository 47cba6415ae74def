package io.github.authletetestkit.mock.internal.admin;

import com.github.tomakehurst.wiremock.admin.AdminTask;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.authletetestkit.mock.model.Json;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final Map<String, AdminRoute> routes = new LinkedHashMap<>();

    public AdminApi(List<AdminRoute> routes) {
        routes.forEach(route -> this.routes.put(route.method() + " " + route.path(), route));
    }

    /**
     * One task per method on {@code /authlete/{route}} that dispatches by route name. WireMock finds a task's
     * path template by the task's class, so every registration needs a class of its own; dispatching
     * ourselves also gives an unknown route a JSON 404 instead of WireMock's plain one.
     */
    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(RequestMethod.GET, PREFIX + "{route}", new Get());
        router.add(RequestMethod.POST, PREFIX + "{route}", new Post());
        router.add(RequestMethod.DELETE, PREFIX + "{route}", new Delete());
        router.add(RequestMethod.PUT, PREFIX + "{route}", new Put());
        router.add(RequestMethod.PATCH, PREFIX + "{route}", new Patch());
    }

    private abstract class Dispatch implements AdminTask {
        @Override
        public ResponseDefinition execute(Admin admin, ServeEvent serveEvent, PathParams pathParams) {
            Request request = serveEvent.getRequest();
            String body = request.getBody() == null || request.getBody().length == 0 ? null : request.getBodyAsString();
            Map<String, String> query = new LinkedHashMap<>();
            Urls.splitQuery(URI.create(request.getUrl())).forEach((name, values) -> query.put(name, values.firstValue()));
            return render(reply(request.getMethod().getName(), pathParams.get("route"), query, body));
        }
    }

    private final class Get extends Dispatch {}

    private final class Post extends Dispatch {}

    private final class Delete extends Dispatch {}

    private final class Put extends Dispatch {}

    private final class Patch extends Dispatch {}

    /** The answer of the route {@code method path}; every failure becomes a JSON error. */
    AdminReply reply(String method, String path, String body) {
        return reply(method, path, Map.of(), body);
    }

    /** The answer of the route {@code method path} given its query parameters; every failure becomes a JSON error. */
    AdminReply reply(String method, String path, Map<String, String> query, String body) {
        AdminRoute route = routes.get(method + " " + path);
        if (route == null) {
            List<String> allowed = routes.values().stream().filter(r -> r.path().equals(path)).map(AdminRoute::method).toList();
            String message = "The admin API has no route " + method + " /__admin" + PREFIX + path;
            return allowed.isEmpty() ? AdminReply.error(404, message + ".", null)
                    : AdminReply.error(405, message + "; it answers " + String.join(", ", allowed) + ".", null);
        }
        try {
            return route.handler().handle(query, body);
        } catch (AdminInputException e) {
            return AdminReply.error(400, e.getMessage(), e.field());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The admin API failed on " + method + " " + path, e);
            return AdminReply.error(500, "The admin API failed: " + e.getClass().getSimpleName() + ".", null);
        }
    }

    private static ResponseDefinition render(AdminReply reply) {
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
