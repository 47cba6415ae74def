package io.github.authletetestkit.mock.internal.api;

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
        DeviceFlowApi device = new DeviceFlowApi();
        CibaApi ciba = new CibaApi();
        ParApi par = new ParApi();
        TicketApi tickets = new TicketApi();
        TokenOperationsApi tokenOperations = new TokenOperationsApi();
        GrantApi grants = new GrantApi();
        RegistrationApi registration = new RegistrationApi(clients);
        IdTokenReissueApi idTokens = new IdTokenReissueApi();
        GrantManagementApi grantManagement = new GrantManagementApi();
        JoseApi jose = new JoseApi();
        HskApi hsk = new HskApi();
        FederationApi federation = new FederationApi(clients);
        VciApi vci = new VciApi();
        CredentialEndpointApi credentials = new CredentialEndpointApi();
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
                Map.entry("device_authorization_api", device::authorization),
                Map.entry("device_verification_api", device::verification),
                Map.entry("device_complete_api", device::complete),
                Map.entry("backchannel_authentication_api", ciba::authentication),
                Map.entry("backchannel_authentication_issue_api", ciba::issue),
                Map.entry("backchannel_authentication_fail_api", ciba::fail),
                Map.entry("backchannel_authentication_complete_api", ciba::complete),
                Map.entry("auth_introspection_api", introspection::introspect),
                Map.entry("auth_introspection_standard_api", introspection::standard),
                Map.entry("auth_revocation_api", revocation::revoke),
                Map.entry("auth_userinfo_api", userInfo::userinfo),
                Map.entry("auth_userinfo_issue_api", userInfo::issue),
                Map.entry("service_jwks_get_api", discovery::jwks),
                Map.entry("service_configuration_api", discovery::configuration),
                Map.entry("service_configuration_api_post", discovery::configuration),
                Map.entry("info_api", info::info),
                Map.entry("lifecycle_healthcheck_api", info::healthcheck),
                Map.entry("misc_echo_api", info::echo),
                Map.entry("pushed_auth_req_api", par::push),
                Map.entry("getAuthorizationTicketInfo", tickets::info),
                Map.entry("updateAuthorizationTicket", tickets::update),
                Map.entry("auth_token_create_api", tokenOperations::create),
                Map.entry("auth_token_update_api", tokenOperations::update),
                Map.entry("auth_token_delete_api", tokenOperations::delete),
                Map.entry("auth_token_revoke_api", tokenOperations::revoke),
                Map.entry("auth_token_get_list_api", tokenOperations::list),
                Map.entry("auth_token_create_batch_api", tokenOperations::createBatch),
                Map.entry("auth_token_create_batch_status_api", tokenOperations::batchStatus),
                Map.entry("client_authorization_get_list_api", grants::authorizedClients),
                Map.entry("client_authorization_get_list_api_post", grants::authorizedClients),
                Map.entry("client_authorization_get_list_by_subject_api", grants::authorizedClients),
                Map.entry("client_authorization_update_api", grants::updateAuthorization),
                Map.entry("client_authorization_delete_api", grants::deleteAuthorization),
                Map.entry("client_authorization_delete_api_post", grants::deleteAuthorization),
                Map.entry("client_authorization_delete_by_subject_api", grants::deleteAuthorization),
                Map.entry("client_granted_scopes_get_api", grants::grantedScopes),
                Map.entry("client_granted_scopes_get_api_post", grants::grantedScopes),
                Map.entry("client_granted_scopes_get_by_subject_api", grants::grantedScopes),
                Map.entry("client_granted_scopes_delete_api", grants::deleteGrantedScopes),
                Map.entry("client_granted_scopes_delete_api_post", grants::deleteGrantedScopes),
                Map.entry("client_granted_scopes_delete_by_subject_api", grants::deleteGrantedScopes),
                Map.entry("client_extension_requestables_scopes_get_api", grants::requestableScopes),
                Map.entry("client_extension_requestables_scopes_update_api", grants::updateRequestableScopes),
                Map.entry("client_extension_requestables_scopes_update_api_post", grants::updateRequestableScopes),
                Map.entry("client_extension_requestables_scopes_delete_api", grants::deleteRequestableScopes),
                Map.entry("client_registration_api", registration::register),
                Map.entry("client_registration_get_api", registration::get),
                Map.entry("client_registration_update_api", registration::update),
                Map.entry("client_registration_delete_api", registration::delete),
                Map.entry("idtoken_reissue_api", idTokens::reissue),
                Map.entry("native_sso_api", idTokens::nativeSso),
                Map.entry("native_sso_logout_api", idTokens::logout),
                Map.entry("grant_m_api", grantManagement::manage),
                Map.entry("jose_verify_api", jose::verify),
                Map.entry("hsk_create_api", hsk::create),
                Map.entry("hsk_get_api", hsk::get),
                Map.entry("hsk_delete_api", hsk::delete),
                Map.entry("hsk_delete_api_get", hsk::delete),
                Map.entry("hsk_get_list_api", hsk::list),
                Map.entry("federation_configuration_api", federation::configuration),
                Map.entry("federation_registration_api", federation::registration),
                Map.entry("vci_metadata_api", vci::metadata),
                Map.entry("vci_jwtissuer_api", vci::jwtIssuer),
                Map.entry("vci_jwks_api", vci::jwks),
                Map.entry("vci_offer_create_api", vci::createOffer),
                Map.entry("vci_offer_info_api", vci::offerInfo),
                Map.entry("vci_single_parse_api", credentials::singleParse),
                Map.entry("vci_single_issue_api", credentials::singleIssue),
                Map.entry("vci_batch_parse_api", credentials::batchParse),
                Map.entry("vci_batch_issue_api", credentials::batchIssue),
                Map.entry("vci_deferred_parse_api", credentials::deferredParse),
                Map.entry("vci_deferred_issue_api", credentials::deferredIssue));
    }

    public Optional<ApiHandler> handler(String operationId) {
        return Optional.ofNullable(handlers.get(operationId));
    }

    public boolean implemented(String operationId) {
        return handlers.containsKey(operationId);
    }
}
