package io.github.authletetestkit.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authletetestkit.mock.model.Json;
import io.github.authletetestkit.spec.internal.AuthleteSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A response check handed the tree the body was written from finds what a check of the text finds, and reads the tree. */
class TreeResponseTest {

    private static final String TOKEN = "/api/{serviceId}/auth/token";
    private static final String PATH = "/api/1/auth/token";
    private final SpecValidator validator = new SpecValidator(AuthleteSpec.bundled());

    /** Trees as handlers build them: longs where a parser reads ints, nulls, arrays, nested objects, wrong types. */
    private static List<ObjectNode> trees() {
        ObjectNode valid = Json.object().put("resultCode", "A050001").put("resultMessage", "ok").put("action", "OK")
                .put("accessTokenDuration", 86400L).put("accessTokenExpiresAt", 1_795_000_000_000L);
        valid.putArray("scopes").add("openid").add("profile");
        ObjectNode wrongType = valid.deepCopy().put("accessTokenDuration", "a day");
        ObjectNode badEnum = valid.deepCopy().put("action", "MAYBE");
        ObjectNode undeclared = valid.deepCopy().put("notAMember", 1);
        ObjectNode nestedWrong = valid.deepCopy();
        nestedWrong.putArray("scopes").add(5);
        ObjectNode fractional = valid.deepCopy().put("accessTokenDuration", 1.5);
        ObjectNode nullMember = valid.deepCopy().putNull("responseContent");
        return List.of(valid, wrongType, badEnum, undeclared, nestedWrong, fractional, nullMember, Json.object());
    }

    @Test
    void theTreeGivesTheFindingsTheTextGives() {
        for (ObjectNode tree : trees()) {
            String text = Json.write(tree);
            List<String> fromText = validator.checkResponse(TOKEN, "POST", PATH, 200, "application/json", text);

            assertThat(validator.checkResponse(TOKEN, "POST", PATH, 200, "application/json", text, tree)).as(text).isEqualTo(fromText);
        }
        assertThat(validator.checkResponse(TOKEN, "POST", PATH, 200, "application/json", Json.write(trees().get(1)), trees().get(1)))
                .as("a wrong type is still found").isNotEmpty();
    }

    @Test
    void theCheckReadsTheTreeInsteadOfParsingTheText() {
        String validText = Json.write(trees().get(0));
        JsonNode wrongTree = trees().get(1);

        assertThat(validator.checkResponse(TOKEN, "POST", PATH, 200, "application/json", validText)).isEmpty();
        assertThat(validator.checkResponse(TOKEN, "POST", PATH, 200, "application/json", validText, wrongTree))
                .anySatisfy(finding -> assertThat(finding).contains("accessTokenDuration"));
    }

    @Test
    void withoutATreeTheTextIsParsedAndOtherStatusesAndTypesAreCheckedAsBefore() {
        assertThat(validator.checkResponse(TOKEN, "POST", PATH, 200, "application/json", "not json", null)).isNotEmpty();
        assertThat(validator.checkResponse(TOKEN, "POST", PATH, 200, "text/html", "<p>", null)).isNotEmpty();
        assertThat(validator.checkResponse(TOKEN, "POST", PATH, 299, "application/json", "{}", Json.object()))
                .anySatisfy(finding -> assertThat(finding).startsWith(SpecValidator.UNDECLARED_STATUS));
    }
}
