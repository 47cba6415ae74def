package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FormParametersTest {

    @Nested
    class Parse {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void nullOrBlankIsEmpty(String encoded) {
            FormParameters params = FormParameters.parse(encoded);

            assertThat(params.isEmpty()).isTrue();
            assertThat(params.names()).isEmpty();
            assertThat(params.toSingleValueMap()).isEmpty();
        }

        @Test
        void readsPairsInOrder() {
            FormParameters params = FormParameters.parse("response_type=code&client_id=123&state=xyz");

            assertThat(params.isEmpty()).isFalse();
            assertThat(params.names()).containsExactly("response_type", "client_id", "state");
            assertThat(params.first("response_type")).isEqualTo("code");
            assertThat(params.first("client_id")).isEqualTo("123");
            assertThat(params.first("state")).isEqualTo("xyz");
        }

        @Test
        void plusIsSpaceAndPercentTwentyToo() {
            FormParameters params = FormParameters.parse("scope=openid+profile%20email&plus=%2B");

            assertThat(params.first("scope")).isEqualTo("openid profile email");
            assertThat(params.first("plus")).isEqualTo("+");
        }

        @Test
        void decodesPercentEscapesAsUtf8() {
            FormParameters params = FormParameters.parse(
                    "redirect_uri=https%3A%2F%2Fclient.example.org%2Fcb%3Fa%3D1&name=caf%C3%A9&jp=%E3%81%82&lower=%c3%a9");

            assertThat(params.first("redirect_uri")).isEqualTo("https://client.example.org/cb?a=1");
            assertThat(params.first("name")).isEqualTo("café");
            assertThat(params.first("jp")).isEqualTo("あ");
            assertThat(params.first("lower")).isEqualTo("é");
        }

        @Test
        void decodesNamesToo() {
            FormParameters params = FormParameters.parse("redirect%5Furi=x&code+challenge=y");

            assertThat(params.names()).containsExactly("redirect_uri", "code challenge");
        }

        @Test
        void keepsUnencodedNonAsciiAsIs() {
            assertThat(FormParameters.parse("name=José").first("name")).isEqualTo("José");
        }

        @Test
        void keyWithoutEqualsHasEmptyValue() {
            FormParameters params = FormParameters.parse("prompt&state=s");

            assertThat(params.names()).containsExactly("prompt", "state");
            assertThat(params.first("prompt")).isEmpty();
            assertThat(params.all("prompt")).containsExactly("");
        }

        @Test
        void keyWithEmptyValue() {
            assertThat(FormParameters.parse("state=").first("state")).isEmpty();
        }

        @Test
        void onlyTheFirstEqualsSeparates() {
            assertThat(FormParameters.parse("a=b=c").first("a")).isEqualTo("b=c");
        }

        @Test
        void ignoresEmptySegmentsAndEmptyNames() {
            FormParameters params = FormParameters.parse("&a=1&&=orphan&b=2&");

            assertThat(params.names()).containsExactly("a", "b");
            assertThat(params.toSingleValueMap()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        }

        @Test
        void keepsRepeatedValuesInWireOrderAndNamesInFirstAppearanceOrder() {
            FormParameters params = FormParameters.parse("scope=b&resource=r1&scope=a&resource=r2&resource=r3");

            assertThat(params.names()).containsExactly("scope", "resource");
            assertThat(params.all("scope")).containsExactly("b", "a");
            assertThat(params.all("resource")).containsExactly("r1", "r2", "r3");
            assertThat(params.first("scope")).isEqualTo("b");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                a=%zz          | a | value
                a=%4           | a | value
                a=%            | a | value
                a=x%           | a | value
                a=%G1          | a | value
                a=%C3          | a | value
                a=%FF          | a | value
                a=%C3%28       | a | value
                a=%ED%A0%80    | a | value
                a=%１２         | a | value
                b%ZZ=1         | b%ZZ | name
                """)
        void rejectsMalformedEscapesNamingTheParameter(String encoded, String rawName, String part) {
            assertThatThrownBy(() -> FormParameters.parse("ok=1&" + encoded))
                    .isInstanceOfSatisfying(InvalidParametersException.class,
                            e -> assertThat(e.parameterName()).isEqualTo(rawName))
                    .hasMessageContaining("'" + rawName + "'")
                    .hasMessageContaining("The " + part + " of the parameter");
        }

        @Test
        void malformedEscapeMessageSaysWhatIsWrong() {
            assertThatThrownBy(() -> FormParameters.parse("code_verifier=abc%2"))
                    .isInstanceOf(InvalidParametersException.class)
                    .hasMessage("The value of the parameter 'code_verifier' is malformed: truncated percent escape '%2'.");
        }
    }

    @Nested
    class Accessors {

        private final FormParameters params = FormParameters.parse("state=xyz&empty=&scope=a&scope=b&flag");

        @Test
        void firstIsNullWhenAbsent() {
            assertThat(params.first("missing")).isNull();
        }

        @Test
        void allIsEmptyWhenAbsent() {
            assertThat(params.all("missing")).isEmpty();
        }

        @Test
        void hasNeedsPresenceAndANonEmptyValue() {
            assertThat(params.has("state")).isTrue();
            assertThat(params.has("scope")).isTrue();
            assertThat(params.has("empty")).isFalse();
            assertThat(params.has("flag")).isFalse();
            assertThat(params.has("missing")).isFalse();
        }

        @Test
        void hasLooksAtTheFirstValueLikeFirstDoes() {
            FormParameters repeated = FormParameters.parse("state=&state=x");

            assertThat(repeated.has("state")).isFalse();
        }

        @Test
        void isRepeatedOnlyForSeveralOccurrences() {
            assertThat(params.isRepeated("scope")).isTrue();
            assertThat(params.isRepeated("state")).isFalse();
            assertThat(params.isRepeated("missing")).isFalse();
        }

        @Test
        void toSingleValueMapKeepsFirstValuesInOrder() {
            assertThat(params.toSingleValueMap()).containsExactly(
                    Map.entry("state", "xyz"), Map.entry("empty", ""), Map.entry("scope", "a"), Map.entry("flag", ""));
        }

        @Test
        void viewsAreUnmodifiable() {
            assertThatThrownBy(() -> params.all("scope").add("c")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> params.names().add("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> params.toSingleValueMap().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> params.names().remove("state")).isInstanceOf(UnsupportedOperationException.class);
            assertThat(params.first("state")).isEqualTo("xyz");
        }

        @Test
        void equalityIsByContentAndOrderOfValues() {
            assertThat(FormParameters.parse("a=1&b=2")).isEqualTo(FormParameters.parse("a=1&b=2"))
                    .hasSameHashCodeAs(FormParameters.parse("a=1&b=2"))
                    .isNotEqualTo(FormParameters.parse("a=1&b=3"))
                    .isNotEqualTo("a=1&b=2");
            assertThat(FormParameters.parse("a=1&a=2")).isNotEqualTo(FormParameters.parse("a=2&a=1"));
            assertThat(FormParameters.parse(null)).isEqualTo(FormParameters.parse("&"));
        }

        @Test
        void toStringShowsTheContent() {
            assertThat(FormParameters.parse("a=1&a=2&b=").toString()).isEqualTo("FormParameters{a=[1, 2], b=[]}");
        }
    }

    @Nested
    class Encode {

        @Test
        void keepsInsertionOrderAndSkipsNullValues() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("code", "abc");
            params.put("skipped", null);
            params.put("state", "s");
            params.put("empty", "");

            assertThat(FormParameters.encode(params)).isEqualTo("code=abc&state=s&empty=");
        }

        @Test
        void percentEncodesEverythingButUnreservedCharacters() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("iss", "https://my-service.example.com");
            params.put("scope", "openid profile");
            params.put("odd", "a+b&c=d*e'!(~)-._");
            params.put("name", "café あ");

            assertThat(FormParameters.encode(params)).isEqualTo(
                    "iss=https%3A%2F%2Fmy-service.example.com&scope=openid%20profile"
                            + "&odd=a%2Bb%26c%3Dd%2Ae%27%21%28~%29-._&name=caf%C3%A9%20%E3%81%82");
        }

        @Test
        void encodesNames() {
            assertThat(FormParameters.encode(Map.of("a b", "1"))).isEqualTo("a%20b=1");
        }

        @Test
        void emptyOrNullMapGivesEmptyString() {
            assertThat(FormParameters.encode(Map.of())).isEmpty();
            assertThat(FormParameters.encode(null)).isEmpty();
        }

        @Test
        void rejectsANullNameWithAValue() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put(null, "v");

            assertThatNullPointerException().isThrownBy(() -> FormParameters.encode(params));
        }

        @Test
        void ignoresANullNameWithoutAValue() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put(null, null);
            params.put("a", "1");

            assertThat(FormParameters.encode(params)).isEqualTo("a=1");
        }

        @Test
        void roundTripsThroughParse() {
            Map<String, String> params = new LinkedHashMap<>();
            for (String value : Arrays.asList("plain", "with space", "a+b", "100%", "x=y&z", "é€𝄞", "~-._", "")) {
                params.put("k" + params.size() + value, value);
            }

            assertThat(FormParameters.parse(FormParameters.encode(params)).toSingleValueMap()).isEqualTo(params);
            assertThat(List.copyOf(FormParameters.parse(FormParameters.encode(params)).names()))
                    .containsExactlyElementsOf(params.keySet());
        }
    }
}
