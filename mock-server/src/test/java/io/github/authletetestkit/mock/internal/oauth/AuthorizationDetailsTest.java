package io.github.authletetestkit.mock.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authletetestkit.mock.model.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationDetailsTest {

    private static final List<String> SUPPORTED = List.of("payment_initiation");
    private static final String PAYMENT = "[{\"type\":\"payment_initiation\",\"datatypes\":[\"x\"],\"amount\":{\"value\":\"1\"}}]";

    @Test
    void anArrayOfSupportedTypedObjectsIsKeptCompactAndAbsentIsNull() {
        assertThat(AuthorizationDetails.check(" " + PAYMENT + " ", SUPPORTED)).isEqualTo(PAYMENT);
        assertThat(AuthorizationDetails.check(null, SUPPORTED)).isNull();
        assertThat(AuthorizationDetails.check("[]", SUPPORTED)).isEqualTo("[]");
    }

    @Test
    void malformedOrUnsupportedDetailsAreRefused() {
        for (String bad : List.of("x", "{}", "[1]", "[{}]", "[{\"type\":\"\"}]", "[{\"type\":[\"payment_initiation\"]}]",
                "[{\"type\":\"other\"}]")) {
            assertThatThrownBy(() -> AuthorizationDetails.check(bad, SUPPORTED)).as(bad)
                    .isInstanceOfSatisfying(InvalidParametersException.class,
                            e -> assertThat(e.parameterName()).isEqualTo("authorization_details"));
        }
        assertThatThrownBy(() -> AuthorizationDetails.check(PAYMENT, List.of())).isInstanceOf(InvalidParametersException.class);
    }

    @Test
    void authletesElementsFormCarriesTheOtherMembersAsAJsonStringAndComesBack() {
        var authlete = AuthorizationDetails.toAuthlete(PAYMENT);
        assertThat(authlete).isEqualTo(Json.parse("{\"elements\":[{\"type\":\"payment_initiation\",\"dataTypes\":[\"x\"],"
                + "\"otherFields\":\"{\\\"amount\\\":{\\\"value\\\":\\\"1\\\"}}\"}]}"));
        assertThat(AuthorizationDetails.fromApi(authlete, SUPPORTED)).isEqualTo(
                "[{\"type\":\"payment_initiation\",\"datatypes\":[\"x\"],\"amount\":{\"value\":\"1\"}}]");
        assertThat(AuthorizationDetails.fromApi(null, SUPPORTED)).isNull();
    }

    @Test
    void aStateDocumentMayHoldAnyTypeButNotAMalformedElement() {
        assertThat(AuthorizationDetails.fromState(Json.parse("[{\"type\":\"retired\"}]"))).isEqualTo("[{\"type\":\"retired\"}]");
        assertThatThrownBy(() -> AuthorizationDetails.fromState(Json.parse("[{\"type\":1}]")))
                .isInstanceOf(InvalidParametersException.class);
    }
}
