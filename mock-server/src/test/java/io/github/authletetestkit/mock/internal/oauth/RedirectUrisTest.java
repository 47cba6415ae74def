package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectUrisTest {

    private static final String CB1 = "https://client.example.org/cb1";
    private static final String CB2 = "https://client.example.org/cb2";

    @Nested
    class Resolve {

        @Test
        void requestedMustEqualARegisteredUri() {
            assertThat(RedirectUris.resolve(List.of(CB1, CB2), CB2, false)).contains(CB2);
        }

        @ParameterizedTest
        @CsvSource({
                "https://client.example.org/cb3",
                "https://client.example.org/cb1/",
                "https://CLIENT.example.org/cb1",
                "https://client.example.org/cb1?x=1",
                "https://client.example.org:443/cb1",
                "http://client.example.org/cb1"})
        void anythingButAnExactMatchIsRejected(String requested) {
            assertThat(RedirectUris.resolve(List.of(CB1, CB2), requested, true)).isEmpty();
        }

        @Test
        void anEmptyRequestedUriIsPresentAndMatchesNothing() {
            assertThat(RedirectUris.resolve(List.of(CB1), "", false)).isEmpty();
        }

        @Test
        void absentRequestedUsesTheOnlyRegisteredUri() {
            assertThat(RedirectUris.resolve(List.of(CB1), null, false)).contains(CB1);
        }

        @Test
        void absentRequestedFailsWithSeveralOrNoRegisteredUris() {
            assertThat(RedirectUris.resolve(List.of(CB1, CB2), null, false)).isEmpty();
            assertThat(RedirectUris.resolve(List.of(), null, false)).isEmpty();
            assertThat(RedirectUris.resolve(null, null, false)).isEmpty();
        }

        @Test
        void absentRequestedWithASingleNullEntryFails() {
            assertThat(RedirectUris.resolve(Arrays.asList((String) null), null, false)).isEmpty();
        }

        @Test
        void nullRegisteredListMatchesNothing() {
            assertThat(RedirectUris.resolve(null, CB1, true)).isEmpty();
        }
    }

    @Nested
    class LoopbackPortVariable {

        @ParameterizedTest
        @CsvSource({
                "http://127.0.0.1/cb,         http://127.0.0.1:51004/cb",
                "http://127.0.0.1:8080/cb,    http://127.0.0.1:51004/cb",
                "http://127.0.0.1:8080/cb,    http://127.0.0.1/cb",
                "http://[::1]/cb,             http://[::1]:51004/cb",
                "http://localhost/cb,         http://localhost:51004/cb",
                "http://localhost/cb?app=1,   http://localhost:3000/cb?app=1",
                "http://localhost/cb,         HTTP://LOCALHOST:3000/cb",
                "HTTP://LocalHost/cb,         http://localhost:3000/cb"})
        void portMayDifferWhenEnabled(String registered, String requested) {
            assertThat(RedirectUris.resolve(List.of(CB1, registered), requested, true)).contains(requested);
        }

        @Test
        void portMustMatchWhenDisabled() {
            assertThat(RedirectUris.resolve(List.of("http://127.0.0.1/cb"), "http://127.0.0.1:51004/cb", false)).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({
                "https://127.0.0.1/cb,        https://127.0.0.1:51004/cb",
                "http://client.example.org/cb, http://client.example.org:8080/cb",
                "http://127.0.0.1/cb,         http://127.0.0.1:51004/other",
                "http://127.0.0.1/cb,         http://localhost:51004/cb",
                "http://localhost/cb,         http://[::1]:51004/cb",
                "http://127.0.0.1/cb?a=1,     http://127.0.0.1:51004/cb?a=2",
                "http://127.0.0.1/cb,         http://127.0.0.1:51004/cb?a=1",
                "http://127.0.0.1/cb#f,       http://127.0.0.1:51004/cb#g",
                "http://user@127.0.0.1/cb,    http://127.0.0.1:51004/cb",
                "https://localhost/cb,        http://localhost:51004/cb",
                "com.example.app:/cb,         http://127.0.0.1:51004/cb",
                "/cb,                         http://127.0.0.1:51004/cb",
                "http:///cb,                  http://127.0.0.1:51004/cb"})
        void everythingButThePortMustStillMatch(String registered, String requested) {
            assertThat(RedirectUris.resolve(List.of(registered), requested, true)).isEmpty();
        }

        @Test
        void unparseableRequestedUriIsNotLoopback() {
            assertThat(RedirectUris.resolve(List.of("http://127.0.0.1/c b"), "http://127.0.0.1:8/c b", true)).isEmpty();
        }

        @Test
        void opaqueRequestedUriIsNotLoopback() {
            assertThat(RedirectUris.resolve(List.of("http:127.0.0.1"), "http:localhost", true)).isEmpty();
        }

        @Test
        void skipsNullAndUnparseableRegisteredEntries() {
            List<String> registered = Arrays.asList(null, "http://127.0.0.1/c b", "http://127.0.0.1/cb");

            assertThat(RedirectUris.resolve(registered, "http://127.0.0.1:4000/cb", true)).contains("http://127.0.0.1:4000/cb");
        }
    }

    @Nested
    class AppendParameters {

        private final Map<String, String> codeAndState = params("code", "abc", "state", "xyz");

        @Test
        void startsAQuery() {
            assertThat(RedirectUris.appendParameters(CB1, codeAndState, false)).isEqualTo(CB1 + "?code=abc&state=xyz");
        }

        @Test
        void keepsAnExistingQuery() {
            assertThat(RedirectUris.appendParameters(CB1 + "?app=1", codeAndState, false))
                    .isEqualTo(CB1 + "?app=1&code=abc&state=xyz");
        }

        @Test
        void doesNotDoubleSeparators() {
            assertThat(RedirectUris.appendParameters(CB1 + "?", codeAndState, false)).isEqualTo(CB1 + "?code=abc&state=xyz");
            assertThat(RedirectUris.appendParameters(CB1 + "?app=1&", codeAndState, false))
                    .isEqualTo(CB1 + "?app=1&code=abc&state=xyz");
            assertThat(RedirectUris.appendParameters(CB1 + "#", codeAndState, true)).isEqualTo(CB1 + "#code=abc&state=xyz");
        }

        @Test
        void putsTheQueryBeforeAnExistingFragment() {
            assertThat(RedirectUris.appendParameters(CB1 + "#frag", codeAndState, false))
                    .isEqualTo(CB1 + "?code=abc&state=xyz#frag");
            assertThat(RedirectUris.appendParameters(CB1 + "?app=1#frag", codeAndState, false))
                    .isEqualTo(CB1 + "?app=1&code=abc&state=xyz#frag");
        }

        @Test
        void startsAFragment() {
            assertThat(RedirectUris.appendParameters(CB1 + "?app=1", codeAndState, true))
                    .isEqualTo(CB1 + "?app=1#code=abc&state=xyz");
        }

        @Test
        void extendsAnExistingFragment() {
            assertThat(RedirectUris.appendParameters(CB1 + "#a=1", codeAndState, true)).isEqualTo(CB1 + "#a=1&code=abc&state=xyz");
        }

        @Test
        void encodesNamesAndValues() {
            Map<String, String> params = params("code", "a b+c", "state", "x&y=z", "iss", "https://my-service.example.com");

            assertThat(RedirectUris.appendParameters(CB1, params, false)).isEqualTo(
                    CB1 + "?code=a%20b%2Bc&state=x%26y%3Dz&iss=https%3A%2F%2Fmy-service.example.com");
        }

        @Test
        void skipsNullValues() {
            assertThat(RedirectUris.appendParameters(CB1, params("code", "abc", "state", null), false)).isEqualTo(CB1 + "?code=abc");
        }

        @Test
        void leavesTheUriAloneWhenThereIsNothingToAdd() {
            assertThat(RedirectUris.appendParameters(CB1, params("state", null), false)).isEqualTo(CB1);
            assertThat(RedirectUris.appendParameters(CB1, Map.of(), true)).isEqualTo(CB1);
            assertThat(RedirectUris.appendParameters(CB1, null, false)).isEqualTo(CB1);
        }

        @Test
        void rejectsANullUri() {
            assertThatNullPointerException().isThrownBy(() -> RedirectUris.appendParameters(null, codeAndState, false));
        }

        private static Map<String, String> params(String... namesAndValues) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                map.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            return map;
        }
    }
}
