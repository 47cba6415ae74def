package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.authletetestkit.junit.AuthleteMock;
import io.github.authletetestkit.junit.AuthleteMockTest;
import io.github.authletetestkit.junit.RegisteredClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@AuthleteMockTest
class AuthorizationCodeFlowTest {

    static AuthleteMock authlete;   // set by the extension before Spring starts the context

    @DynamicPropertySource
    static void authlete(DynamicPropertyRegistry registry) {
        registry.add("authlete.base-url", () -> authlete.baseUrl());
        registry.add("authlete.service.api-key", () -> authlete.serviceId());
        registry.add("authlete.service.access-token", () -> authlete.serviceToken());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;   // Spring Boot's own Jackson

    @Test
    void authorizationCodeFlowThroughTheAppsEndpoints(AuthleteMock mock) throws Exception {
        RegisteredClient client = mock.createConfidentialClient();

        String page = mvc.perform(get(URI.create("/authorize?" + client.authorizationParameters("openid"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String ticket = json.readTree(page).path("ticket").asText();

        String redirect = mvc.perform(post("/authorize/decision").param("ticket", ticket).param("user", "alice"))
                .andExpect(status().isFound()).andReturn().getResponse().getHeader("Location");
        String code = UriComponentsBuilder.fromUriString(redirect).build().getQueryParams().getFirst("code");

        String tokens = mvc.perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (client.idAsString() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8)))
                        .content(client.tokenParameters(code)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(redirect).startsWith(client.redirectUri());
        assertThat(json.readTree(tokens).path("access_token").asText()).isNotBlank();
        assertThat(json.readTree(tokens).path("id_token").asText()).isNotBlank();
        mock.verify().calledInOrder("auth_authorization_api", "auth_authorization_issue_api", "auth_token_api");
    }

    @Test
    void aWrongClientSecretIsA401FromTheApp(AuthleteMock mock) throws Exception {
        RegisteredClient client = mock.createConfidentialClient();

        mvc.perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (client.idAsString() + ":wrong").getBytes(StandardCharsets.UTF_8)))
                        .content("grant_type=authorization_code&code=nothing"))
                .andExpect(status().isUnauthorized());
    }
}
