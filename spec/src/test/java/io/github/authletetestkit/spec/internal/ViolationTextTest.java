package io.github.authletetestkit.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The validator's messages (filled one argument short) said again as: found, then expected, with the value sent. */
class ViolationTextTest {

    @Test
    void aTypeMismatchNamesWhatWasFoundThenWhatWasExpectedAndTheValue() {
        assertThat(ViolationText.describe("validation.request.body.schema.type", "integer: string found, {2} expected", IntNode.valueOf(123)))
                .isEqualTo("found integer 123, expected string");
        assertThat(ViolationText.describe("validation.response.body.schema.type", "string: integer found, {2} expected", null))
                .isEqualTo("found string, expected integer");
    }

    @Test
    void anEnumMissNamesTheValueSentAndTheAllowedOnes() {
        assertThat(ViolationText.describe("validation.request.body.schema.enum",
                "[\"A\", \"B\"]: does not have a value in the enumeration {1}", TextNode.valueOf("C")))
                .isEqualTo("found \"C\", expected one of [\"A\", \"B\"]");
    }

    @Test
    void aMissingMemberIsNamed() {
        assertThat(ViolationText.describe("validation.request.body.schema.required", "parameters: required property '{1}' not found", null))
                .isEqualTo("found no member 'parameters', expected the required member 'parameters'");
    }

    @Test
    void anUndeclaredMemberIsNamed() {
        assertThat(ViolationText.describe("validation.response.body.schema.additionalProperties",
                "extra: property '{1}' is not defined in the schema and the schema does not allow additional properties", null))
                .isEqualTo("found the member 'extra', expected only the members the schema declares");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            minimum   | 1: must have a minimum value of {1}            | 0      | found 0, expected a value that meets: must have a minimum value of 1
            maxLength | 5: must be at most {1} characters long         | "long" | found "long", expected a value that meets: must be at most 5 characters long
            pattern   | ^a+$: does not match the regex pattern {1}     | "b"    | found "b", expected a value that meets: does not match the regex pattern ^a+$
            oneOf     | must be valid to one and only one schema       |        | found a value that breaks the rule, expected a value that meets: must be valid to one and only one schema
            """)
    void otherRulesAreSaidWithTheirArgumentInPlace(String keyword, String raw, String sent, String expected) throws Exception {
        var value = sent == null ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(sent);

        assertThat(ViolationText.describe("validation.request.body.schema." + keyword, raw, value)).isEqualTo(expected);
    }

    @Test
    void theValueAtAPointerIsFoundInTheBody() {
        assertThat(ViolationText.at("{\"a\":{\"b\":[1,2]}}", "/a/b/1")).isEqualTo(IntNode.valueOf(2));
        assertThat(ViolationText.at("{\"a\":1}", "/missing")).isNull();
        assertThat(ViolationText.at("not json", "/a")).isNull();
        assertThat(ViolationText.keyword("validation.request.body.schema.type")).isEqualTo("type");
    }

    @Test
    void aLongValueIsCut() {
        String shown = ViolationText.describe("validation.request.body.schema.type", "string: integer found, {2} expected",
                TextNode.valueOf("x".repeat(500)));

        assertThat(shown).hasSizeLessThan(200).contains("…");
    }
}
