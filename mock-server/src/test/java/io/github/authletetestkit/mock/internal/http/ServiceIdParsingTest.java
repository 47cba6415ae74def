package io.github.authletetestkit.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A service ID in the path as Authlete writes it: decimal digits, no sign, no leading zero, a 64-bit number. */
class ServiceIdParsingTest {

    @Test
    void readsDecimalServiceIds() {
        assertThat(ApiPipeline.parseServiceId("7135203410987")).contains(7135203410987L);
        assertThat(ApiPipeline.parseServiceId("1")).contains(1L);
        assertThat(ApiPipeline.parseServiceId("9223372036854775807")).contains(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0123", "+12", "-12", "12a", "1 2", "١٢", "１２", "9223372036854775808", "12345678901234567890"})
    void refusesAnythingElse(String value) {
        assertThat(ApiPipeline.parseServiceId(value)).isEqualTo(Optional.empty());
    }
}
