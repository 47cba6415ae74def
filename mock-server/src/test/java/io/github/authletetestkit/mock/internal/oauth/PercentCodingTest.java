package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentCodingTest {

    @Test
    void encodeLeavesUnreservedCharacters() {
        String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

        assertThat(PercentCoding.encode(unreserved)).isEqualTo(unreserved);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            " "   | %20
            +     | %2B
            *     | %2A
            /     | %2F
            ?     | %3F
            #     | %23
            %     | %25
            é     | %C3%A9
            𝄞     | %F0%9D%84%9E
            """)
    void encodeEscapesEverythingElseAsUppercaseUtf8(String text, String expected) {
        assertThat(PercentCoding.encode(text)).isEqualTo(expected);
    }

    @Test
    void decodeReturnsTextWithoutEscapesUnchanged() {
        String text = "nothing-to-decode";

        assertThat(PercentCoding.decodeFormComponent(text)).isSameAs(text);
    }

    @Test
    void decodeHandlesEscapesBetweenPlainCharacters() {
        assertThat(PercentCoding.decodeFormComponent("a%C3%A9b+c%2bd%F0%9D%84%9E")).isEqualTo("aéb c+d𝄞");
    }

    @Test
    void decodeRejectsNonHexEscape() {
        assertThatIllegalArgumentException().isThrownBy(() -> PercentCoding.decodeFormComponent("%4g"))
                .withMessage("invalid percent escape '%4g'");
        assertThatIllegalArgumentException().isThrownBy(() -> PercentCoding.decodeFormComponent("%g4"))
                .withMessage("invalid percent escape '%g4'");
        // Just below '0', between '9' and 'A', between 'F' and 'a', and above 'f'.
        for (String escape : new String[] {"%/0", "%:0", "%@0", "%G0", "%`0", "%g0", "%0/", "%0:", "%0@", "%0G", "%0`", "%0g"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> PercentCoding.decodeFormComponent(escape))
                    .withMessage("invalid percent escape '" + escape + "'");
        }
    }

    @Test
    void decodeAcceptsAllHexDigitsInBothCases() {
        assertThat(PercentCoding.decodeFormComponent("%30%39%41%46%61%66%4a%4A")).isEqualTo("09AFafJJ");
    }

    @Test
    void decodeRejectsTruncatedEscape() {
        assertThatIllegalArgumentException().isThrownBy(() -> PercentCoding.decodeFormComponent("ab%4"))
                .withMessage("truncated percent escape '%4'");
    }

    @Test
    void decodeRejectsInvalidUtf8BothInTheMiddleAndAtTheEnd() {
        assertThatIllegalArgumentException().isThrownBy(() -> PercentCoding.decodeFormComponent("%C3x"))
                .withMessage("percent escapes do not form valid UTF-8");
        assertThatIllegalArgumentException().isThrownBy(() -> PercentCoding.decodeFormComponent("x%80"))
                .withMessage("percent escapes do not form valid UTF-8");
    }
}
