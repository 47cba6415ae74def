package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceIndicatorsTest {

    private static final String A = "https://rs.example/a";
    private static final String B = "urn:example:b";

    @Test
    void absoluteUrisWithoutFragmentPassOnceEach() {
        assertThat(ResourceIndicators.check(List.of(A, B, A))).containsExactly(A, B);
        assertThat(ResourceIndicators.check(List.of())).isEmpty();
    }

    @Test
    void relativeFragmentedOrMalformedOnesAreRefused() {
        for (String bad : List.of("/a", "a", A + "#f", A + "#", "https://rs.example/a b", "")) {
            assertThatThrownBy(() -> ResourceIndicators.check(List.of(bad))).as(bad)
                    .isInstanceOfSatisfying(InvalidParametersException.class, e -> assertThat(e.parameterName()).isEqualTo("resource"));
        }
    }

    @Test
    void narrowingKeepsTheGrantWhenNothingIsAskedAndRefusesWhatWasNotGranted() {
        assertThat(ResourceIndicators.narrow(List.of(A, B), List.of())).containsExactly(A, B);
        assertThat(ResourceIndicators.narrow(List.of(A, B), List.of(B))).containsExactly(B);
        assertThatThrownBy(() -> ResourceIndicators.narrow(List.of(A), List.of(B))).isInstanceOf(InvalidParametersException.class);
        assertThatThrownBy(() -> ResourceIndicators.narrow(List.of(), List.of(A))).isInstanceOf(InvalidParametersException.class);
    }
}
