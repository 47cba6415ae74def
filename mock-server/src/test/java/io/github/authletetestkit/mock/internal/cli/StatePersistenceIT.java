package io.github.authletetestkit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar with {@code --seed} and {@code --state-file}: what one run leaves, the next one starts from. */
class StatePersistenceIT {

    private static final String SERVICE = "/api/1000001";
    private static final String SEED = """
            {"services": [{"serviceId": 1000001, "serviceTokens": ["token-a"],
              "clients": [{"clientId": 11, "clientSecret": "secret-a", "clientType": "CONFIDENTIAL"}]}]}""";

    @TempDir
    Path dir;

    @Test
    void aRestartKeepsClientsAndTokens() throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.json"), SEED);
        Path state = dir.resolve("state.json");
        String clientId;
        String clientSecret;
        String accessToken;
        try (MockProcess first = MockProcess.start("--port", "0", "--seed", seed.toString(), "--state-file", state.toString())) {
            JsonNode client = first.call("POST", SERVICE + "/client/create", "token-a",
                    "{\"clientName\": \"made in run 1\", \"clientType\": \"CONFIDENTIAL\", \"grantTypes\": [\"CLIENT_CREDENTIALS\"]}");
            clientId = client.get("clientId").asText();
            clientSecret = client.get("clientSecret").asText();
            JsonNode token = first.call("POST", SERVICE + "/auth/token/create", "token-a",
                    "{\"grantType\": \"AUTHORIZATION_CODE\", \"clientId\": 11, \"subject\": \"alice\", \"scopes\": [\"openid\"]}");
            assertThat(token.get("action").asText()).isEqualTo("OK");
            accessToken = token.get("accessToken").asText();
            first.stop();
        }
        assertThat(state).as("saved on TERM").exists();

        try (MockProcess second = MockProcess.start("--port", "0", "--state-file", state.toString())) {
            JsonNode client = second.call("GET", SERVICE + "/client/get/" + clientId, "token-a", null);
            assertThat(client.get("clientSecret").asText()).isEqualTo(clientSecret);
            assertThat(client.get("clientName").asText()).isEqualTo("made in run 1");
            JsonNode introspection = second.call("POST", SERVICE + "/auth/introspection", "token-a",
                    "{\"token\": \"" + accessToken + "\"}");
            assertThat(introspection.get("action").asText()).isEqualTo("OK");
            assertThat(introspection.get("subject").asText()).isEqualTo("alice");
        }
    }

    @Test
    void aCorruptStateFileStopsTheProcessAndStaysUntouched() throws Exception {
        Path state = Files.writeString(dir.resolve("state.json"), "{\"services\": [{\"serviceId\": \"one\"}]}");
        byte[] before = Files.readAllBytes(state);

        Process process = MockProcess.builder("--port", "0", "--state-file", state.toString(), "--state-save-interval", "1").start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isNotZero();
        assertThat(stderr).contains(state.toAbsolutePath().toString(), "services[0].serviceId");
        assertThat(Files.readAllBytes(state)).isEqualTo(before);
    }
}
