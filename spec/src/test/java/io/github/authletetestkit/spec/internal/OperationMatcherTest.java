package io.github.authletetestkit.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperationMatcherTest {

    private static final OperationMatcher MATCHER = AuthleteSpec.bundled().matcher();

    /** Parameters are written {@code name=value;name=value}; an empty cell means none. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            GET    | /api/123/service/get                                 | service_get_api                 | serviceId=123
            GET    | /api/service/get/list                                | service_get_list_api            |
            GET    | /api/service/get/list?start=0&end=5                  | service_get_list_api            |
            POST   | /api/service/create                                  | service_create_api              |
            POST   | /api/123/service/update                              | service_update_api              | serviceId=123
            DELETE | /api/123/service/delete                              | service_delete_api              | serviceId=123
            GET    | /api/123/service/jwks/get?includePrivateKeys=true    | service_jwks_get_api            | serviceId=123
            GET    | /api/123/service/configuration                       | service_configuration_api       | serviceId=123
            POST   | /api/123/client/create                               | client_create_api               | serviceId=123
            GET    | /api/123/client/get/list                             | client_get_list_api             | serviceId=123
            GET    | /api/123/client/get/456                              | client_get_api                  | serviceId=123;clientId=456
            GET    | /api/123/client/get/my%20alias                       | client_get_api                  | serviceId=123;clientId=my alias
            POST   | /api/123/client/update/456                           | client_update_api               | serviceId=123;clientId=456
            DELETE | /api/123/client/delete/456                           | client_delete_api               | serviceId=123;clientId=456
            POST   | /api/123/client/lock_flag/update/my-alias            | client_flag_update_api          | serviceId=123;clientIdentifier=my-alias
            GET    | /api/123/client/secret/refresh/456                   | client_secret_refresh_api       | serviceId=123;clientIdentifier=456
            POST   | /api/123/client/secret/update/456                    | client_secret_update_api        | serviceId=123;clientIdentifier=456
            POST   | /api/123/auth/authorization                          | auth_authorization_api          | serviceId=123
            POST   | /api/123/auth/authorization/issue                    | auth_authorization_issue_api    | serviceId=123
            POST   | /api/123/auth/authorization/fail                     | auth_authorization_fail_api     | serviceId=123
            POST   | /api/123/auth/token                                  | auth_token_api                  | serviceId=123
            POST   | /api/123/auth/token/issue                            | auth_token_issue_api            | serviceId=123
            POST   | /api/123/auth/token/fail                             | auth_token_fail_api             | serviceId=123
            POST   | /api/123/auth/introspection                          | auth_introspection_api          | serviceId=123
            POST   | /api/123/auth/introspection/standard                 | auth_introspection_standard_api | serviceId=123
            POST   | /api/123/auth/revocation                             | auth_revocation_api             | serviceId=123
            POST   | /api/123/auth/userinfo                               | auth_userinfo_api               | serviceId=123
            POST   | /api/123/auth/userinfo/issue                         | auth_userinfo_issue_api         | serviceId=123
            GET    | /api/123/client/authorization/get/list?subject=u1    | client_authorization_get_list_api | serviceId=123
            POST   | /api/123/client/authorization/get/list               | client_authorization_get_list_api_post | serviceId=123
            GET    | /api/123/client/authorization/get/list/u1            | client_authorization_get_list_by_subject_api | serviceId=123;subject=u1
            DELETE | /api/123/client/authorization/delete/456/u1          | client_authorization_delete_by_subject_api | serviceId=123;clientId=456;subject=u1
            POST   | /api/123/client/authorization/delete/456             | client_authorization_delete_api_post | serviceId=123;clientId=456
            GET    | /api/123/client/granted_scopes/get/456/u%40example   | client_granted_scopes_get_by_subject_api | serviceId=123;clientId=456;subject=u@example
            PUT    | /api/123/client/extension/requestable_scopes/update/456 | client_extension_requestables_scopes_update_api | serviceId=123;clientId=456
            POST   | /api/123/client/extension/requestable_scopes/update/456 | client_extension_requestables_scopes_update_api_post | serviceId=123;clientId=456
            POST   | /api/123/client/registration/get                     | client_registration_get_api     | serviceId=123
            POST   | /api/123/pushed_auth_req                             | pushed_auth_req_api             | serviceId=123
            POST   | /api/123/auth/authorization/ticket/info              | getAuthorizationTicketInfo      | serviceId=123
            POST   | /api/123/auth/token/create                           | auth_token_create_api           | serviceId=123
            POST   | /api/123/auth/token/create/batch?dryRun=true         | auth_token_create_batch_api     | serviceId=123
            GET    | /api/123/auth/token/create/batch/status/b-1          | auth_token_create_batch_status_api | serviceId=123;tokenBatchRequestId=b-1
            GET    | /api/123/auth/token/get/list                         | auth_token_get_list_api         | serviceId=123
            DELETE | /api/123/auth/token/delete/abc                       | auth_token_delete_api           | serviceId=123;accessTokenIdentifier=abc
            POST   | /api/123/backchannel/authentication/complete         | backchannel_authentication_complete_api | serviceId=123
            POST   | /api/123/device/verification                         | device_verification_api         | serviceId=123
            POST   | /api/123/vci/deferred/issue                          | vci_deferred_issue_api          | serviceId=123
            GET    | /api/123/hsk/get/list                                | hsk_get_list_api                | serviceId=123
            GET    | /api/123/hsk/get/h-1                                 | hsk_get_api                     | serviceId=123;handle=h-1
            DELETE | /api/123/hsk/delete/h-1                              | hsk_delete_api                  | serviceId=123;handle=h-1
            POST   | /api/123/nativesso/logout                            | native_sso_logout_api           | serviceId=123
            POST   | /api/123/gm                                          | grant_m_api                     | serviceId=123
            GET    | /api/misc/echo?a=b                                   | misc_echo_api                   |
            GET    | /api/hsk/get/list                                    | -                               |
            GET    | /api/123/hsk/delete/h-1                              | hsk_delete_api_get              | serviceId=123;handle=h-1
            GET    | /api/info                                            | info_api                        |
            GET    | /api/lifecycle/healthcheck?extended=true             | lifecycle_healthcheck_api       |
            get    | /api/123/service/get                                 | service_get_api                 | serviceId=123
            GET    | /api/service/service/get                             | service_get_api                 | serviceId=service
            GET    | /api/service/client/get/list                         | client_get_list_api             | serviceId=service
            GET    | /api/info/client/get/list                            | client_get_list_api             | serviceId=info
            GET    | /api/123/client/get/list#top                         | client_get_list_api             | serviceId=123
            GET    | /api/123/auth/token                                  | -                               |
            POST   | /api/service/get/list                                | -                               |
            GET    | /api/service/create                                  | -                               |
            GET    | /api/123/unknown                                     | -                               |
            GET    | /api/123/service/get/                                | -                               |
            GET    | /api//service/get                                    | -                               |
            GET    | /api/123/client/get                                  | -                               |
            GET    | /api/123/client/get/456/extra                        | -                               |
            GET    | api/info                                             | -                               |
            GET    | /                                                    | -                               |
            PUT    | /api/123/auth/token                                  | -                               |
            """)
    void matchesConcretePaths(String method, String path, String operationId, String parameters) {
        Optional<OperationMatcher.Match> match = MATCHER.match(method, path);
        if (operationId == null) {
            assertThat(match).isEmpty();
            return;
        }
        assertThat(match).isPresent();
        assertThat(match.get().operationId()).isEqualTo(operationId);
        assertThat(match.get().pathParameters()).containsExactlyEntriesOf(parse(parameters));
        assertThat(match.get().operation().matches(method, path)).isTrue();
    }

    @Test
    void literalSegmentsBeatParametersButFallBackWhenTheMethodIsMissing() {
        OperationMatcher matcher = OperationMatcher.of(List.of(
                new SpecOperation("GET", "/a/{x}/c", "templated", true, List.of()),
                new SpecOperation("POST", "/a/b/c", "literal", true, List.of()),
                new SpecOperation("GET", "/a/b/{y}", "literalFirst", true, List.of())));
        assertThat(matcher.match("POST", "/a/b/c")).hasValueSatisfying(m -> assertThat(m.operationId()).isEqualTo("literal"));
        // /a/b/{y} is more specific at the second segment than /a/{x}/c, so it wins for GET
        assertThat(matcher.match("GET", "/a/b/c")).hasValueSatisfying(m -> {
            assertThat(m.operationId()).isEqualTo("literalFirst");
            assertThat(m.pathParameters()).containsExactly(Map.entry("y", "c"));
        });
        assertThat(matcher.match("GET", "/a/z/c")).hasValueSatisfying(m -> {
            assertThat(m.operationId()).isEqualTo("templated");
            assertThat(m.pathParameter("x")).isEqualTo("z");
        });
        assertThat(matcher.match("POST", "/a/z/c")).isEmpty();
    }

    @Test
    void allowedMethodsTellA405FromA404() {
        assertThat(MATCHER.allowedMethods("/api/123/auth/token")).containsExactly("POST");
        assertThat(MATCHER.allowedMethods("/api/service/get/list")).containsExactly("GET");
        assertThat(MATCHER.allowedMethods("/api/123/nothing/here")).isEmpty();
        assertThat(MATCHER.allowedMethods("")).isEmpty();
    }

    @Test
    void specOperationMatchesItsOwnTemplateOnly() {
        SpecOperation get = AuthleteSpec.bundled().operation("client_get_api").orElseThrow();
        assertThat(get.matches("GET", "/api/1/client/get/2")).isTrue();
        assertThat(get.matches("get", "/api/1/client/get/2?x=y")).isTrue();
        assertThat(get.matches("POST", "/api/1/client/get/2")).isFalse();
        assertThat(get.matches("GET", "/api/1/client/get")).isFalse();
        // on its own the template also fits the literal list path; the matcher resolves that
        assertThat(get.matches("GET", "/api/1/client/get/list")).isTrue();
        assertThat(MATCHER.match("GET", "/api/1/client/get/list").orElseThrow().operationId()).isEqualTo("client_get_list_api");
    }

    @Test
    void pathTemplatesExpandAndRejectMalformedTemplates() {
        PathTemplate template = PathTemplate.of("/api/{serviceId}/client/get/{clientId}");
        assertThat(template.parameterNames()).containsExactly("serviceId", "clientId");
        assertThat(template.expand(Map.of("serviceId", 1, "clientId", "a b/c"))).isEqualTo("/api/1/client/get/a%20b%2Fc");
        assertThat(template.match("/api/1/client/get/a%20b%2Fc")).containsEntry("clientId", "a b/c");
        assertThat(PathTemplate.of(template.template())).isSameAs(template);
        assertThatThrownBy(() -> PathTemplate.of("/a/{x}.json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathTemplate.of("no-slash")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathTemplate.of("/a//b")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> parse(String parameters) {
        Map<String, String> result = new LinkedHashMap<>();
        if (parameters == null || parameters.isBlank()) {
            return result;
        }
        for (String pair : parameters.split(";")) {
            int eq = pair.indexOf('=');
            result.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
        }
        return result;
    }
}
