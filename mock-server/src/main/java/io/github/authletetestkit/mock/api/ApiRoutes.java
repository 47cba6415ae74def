package io.github.authletetestkit.mock.api;

import java.util.Map;
import java.util.Optional;

/** Which handler answers which Authlete operation, by the operationId of the spec. */
public final class ApiRoutes {

    private final Map<String, ApiHandler> handlers;

    public ApiRoutes() {
        ServiceApi services = new ServiceApi();
        ClientApi clients = new ClientApi();
        AuthorizationApi authorization = new AuthorizationApi();
        TokenApi tokens = new TokenApi();
        IntrospectionApi introspection = new IntrospectionApi();
        RevocationApi revocation = new RevocationApi();
        UserInfoApi userInfo = new UserInfoApi();
        DiscoveryApi discovery = new DiscoveryApi();
        InfoApi info = new InfoApi();
        handlers = Map.ofEntries(
                Map.entry("service_get_api", services::get),
                Map.entry("service_get_list_api", services::list),
                Map.entry("service_create_api", services::create),
                Map.entry("service_update_api", services::update),
                Map.entry("service_delete_api", services::delete),
                Map.entry("client_create_api", clients::create),
                Map.entry("client_get_api", clients::get),
                Map.entry("client_get_list_api", clients::list),
                Map.entry("client_update_api", clients::update),
                Map.entry("client_delete_api", clients::delete),
                Map.entry("client_flag_update_api", clients::updateLockFlag),
                Map.entry("client_secret_refresh_api", clients::refreshSecret),
                Map.entry("client_secret_update_api", clients::updateSecret),
                Map.entry("auth_authorization_api", authorization::authorize),
                Map.entry("auth_authorization_issue_api", authorization::issue),
                Map.entry("auth_authorization_fail_api", authorization::fail),
                Map.entry("auth_token_api", tokens::token),
                Map.entry("auth_token_issue_api", tokens::issue),
                Map.entry("auth_token_fail_api", tokens::fail),
                Map.entry("auth_introspection_api", introspection::introspect),
                Map.entry("auth_introspection_standard_api", introspection::standard),
                Map.entry("auth_revocation_api", revocation::revoke),
                Map.entry("auth_userinfo_api", userInfo::userinfo),
                Map.entry("auth_userinfo_issue_api", userInfo::issue),
                Map.entry("service_jwks_get_api", discovery::jwks),
                Map.entry("service_configuration_api", discovery::configuration),
                Map.entry("info_api", info::info));
    }

    public Optional<ApiHandler> handler(String operationId) {
        return Optional.ofNullable(handlers.get(operationId));
    }

    public boolean implemented(String operationId) {
        return handlers.containsKey(operationId);
    }
}
