package io.github.authletetestkit.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authletetestkit.mock.model.Json;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The journal's streaming read of an answer's action and resultCode says what reading the whole tree says. */
class AnswerFieldsTest {

    static Stream<String> answers() {
        return Stream.of(
                "{\"resultCode\":\"A001001\",\"resultMessage\":\"x\",\"action\":\"OK\"}",
                "{\"nested\":{\"action\":\"INNER\",\"resultCode\":\"B\"},\"list\":[{\"action\":\"X\"},[1,2]],\"action\":\"OUTER\"}",
                "{\"action\":null,\"resultCode\":42}",
                "{\"action\":true,\"resultCode\":1.5}",
                "{\"action\":{\"a\":1},\"resultCode\":[\"x\"]}",
                "{\"action\":\"FIRST\",\"action\":\"LAST\"}",
                "{}",
                "{\"resultCode\":\"A\"} ");
    }

    @ParameterizedTest
    @MethodSource("answers")
    void readsWhatTheTreeReads(String body) {
        JsonNode tree = Json.parse(body);

        assertThat(AnswerFields.of(body)).isEqualTo(new AnswerFields(tree.path("action").asText(null), tree.path("resultCode").asText(null)));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void aHandlersTreeGivesWhatItsWrittenTextGives(String body) {
        JsonNode tree = Json.parse(body);

        assertThat(AnswerFields.of(tree)).isEqualTo(AnswerFields.of(Json.write(tree)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"action\":\"OK\",", "{\"action\":\"OK\"} trailing", "{not json}", "[1]", "\"text\""})
    void anAnswerThatIsNoJsonObjectGivesNeither(String body) {
        assertThat(AnswerFields.of(body)).isEqualTo(new AnswerFields(null, null));
    }
}
