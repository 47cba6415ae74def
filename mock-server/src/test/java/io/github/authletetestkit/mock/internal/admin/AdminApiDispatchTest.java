package io.github.authletetestkit.mock.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the extension turns a route's outcome into an answer, without a server. */
class AdminApiDispatchTest {

    private final AdminApi api = new AdminApi(List.of(
            AdminRoute.get("echo", body -> AdminReply.ok(io.github.authletetestkit.mock.model.Json.object().put("body", body))),
            AdminRoute.post("refuse", body -> {
                throw new AdminInputException("size", "too big");
            }),
            AdminRoute.delete("crash", body -> {
                throw new IllegalStateException("secret internals");
            })));

    @Test
    void theRouteOfTheMethodAndNameAnswers() {
        AdminReply reply = api.reply("GET", "echo", "hello");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("body").asText()).isEqualTo("hello");
    }

    @Test
    void anUnknownRouteIsAJson404AndAnotherMethodOfAKnownOneA405() {
        assertThat(api.reply("GET", "nope", null)).isEqualTo(AdminReply.error(404, "The admin API has no route GET /__admin/authlete/nope.", null));
        assertThat(api.reply("PUT", "echo", null)).isEqualTo(AdminReply.error(405, "The admin API has no route PUT /__admin/authlete/echo; it answers GET.", null));
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertThat(api.reply("POST", "refuse", "{}")).isEqualTo(AdminReply.error(400, "too big", "size"));
    }

    @Test
    void aFailureIsA500ThatNamesNoInternals() {
        AdminReply reply = api.reply("DELETE", "crash", null);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body().get("error").asText()).isEqualTo("The admin API failed: IllegalStateException.").doesNotContain("secret");
    }
}
