package io.github.authletetestkit.mock.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    @Test
    void mergeKeepsAbsentMembersAndReplacesArraysWhole() {
        ObjectNode json = Json.object().put("apiKey", 5L).put("accessTokenDuration", 100);
        json.putArray("supportedGrantTypes").add("AUTHORIZATION_CODE").add("REFRESH_TOKEN");
        ServiceConfig service = new ServiceConfig(json);
        ObjectNode changes = Json.object();
        changes.putArray("supportedGrantTypes").add("CLIENT_CREDENTIALS");

        ServiceConfig merged = service.merge(changes);

        assertThat(merged.supportedGrantTypes()).containsExactly("CLIENT_CREDENTIALS");
        assertThat(merged.accessTokenDuration()).isEqualTo(100);
        assertThat(service.supportedGrantTypes()).containsExactly("AUTHORIZATION_CODE", "REFRESH_TOKEN");
    }

    @Test
    void isImmutableAgainstTheJsonItWasMadeFrom() {
        ObjectNode json = Json.object().put("issuer", "https://a");
        ServiceConfig service = new ServiceConfig(json);

        json.put("issuer", "https://b");
        service.toJson().put("issuer", "https://c");

        assertThat(service.issuer()).isEqualTo("https://a");
    }

    @Test
    void defaultsWhenMembersAreAbsent() {
        ServiceConfig empty = new ServiceConfig(Json.object());

        assertThat(empty.accessTokenDuration()).isEqualTo(86_400);
        assertThat(empty.refreshTokenDuration()).isEqualTo(864_000);
        assertThat(empty.accessTokenType()).isEqualTo("Bearer");
        assertThat(empty.supportedScopes()).isEmpty();
        assertThat(empty.pkceRequired()).isFalse();
    }

    @Test
    void clientReadsItsExtensionAndGrantTypes() {
        ObjectNode json = Json.object().put("clientId", 42L);
        json.putObject("extension").put("accessTokenDuration", 30).put("requestableScopesEnabled", true).putArray("requestableScopes").add("a");
        ClientConfig client = new ClientConfig(json);

        assertThat(client.extensionDuration("accessTokenDuration")).isEqualTo(30);
        assertThat(client.extensionDuration("refreshTokenDuration")).isZero();
        assertThat(client.requestableScopes()).containsExactly("a");
        assertThat(client.allowsGrantType("ANYTHING")).isTrue();
        assertThat(client.clientIdAlias()).isEqualTo("42");
        assertThat(client.isIdentifiedBy("42")).isTrue();
        assertThat(client.isIdentifiedBy("43")).isFalse();
    }
}
