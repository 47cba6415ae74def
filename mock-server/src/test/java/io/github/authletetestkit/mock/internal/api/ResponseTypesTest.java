package io.github.authletetestkit.mock.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseTypesTest {

    @ParameterizedTest
    @CsvSource({"code,CODE", "token,TOKEN", "id_token,ID_TOKEN", "none,NONE", "id_token code,CODE_ID_TOKEN",
            "token code,CODE_TOKEN", "token id_token,ID_TOKEN_TOKEN", "token id_token code,CODE_ID_TOKEN_TOKEN"})
    void namesAnyOrderTheAuthleteWayAndBack(String wire, String name) {
        assertThat(ResponseTypes.authleteName(wire)).contains(name);
        assertThat(ResponseTypes.authleteName(ResponseTypes.wireValue(name))).contains(name);
    }

    @Test
    void wireValueIsCanonical() {
        assertThat(ResponseTypes.wireValue("CODE_ID_TOKEN_TOKEN")).isEqualTo("code id_token token");
        assertThat(ResponseTypes.wireValue("NONE")).isEqualTo("none");
    }

    @Test
    void unknownRepeatedOrEmptyIsNothing() {
        assertThat(ResponseTypes.authleteName("bogus")).isEmpty();
        assertThat(ResponseTypes.authleteName("code code")).isEmpty();
        assertThat(ResponseTypes.authleteName("none code")).isEmpty();
        assertThat(ResponseTypes.authleteName(" ")).isEmpty();
        assertThat(ResponseTypes.authleteName(null)).isEmpty();
    }

    @Test
    void impliedGrantTypes() {
        assertThat(AuthorizationRules.impliedGrantTypes("CODE")).containsExactly("AUTHORIZATION_CODE");
        assertThat(AuthorizationRules.impliedGrantTypes("CODE_ID_TOKEN")).containsExactly("AUTHORIZATION_CODE");
        assertThat(AuthorizationRules.impliedGrantTypes("CODE_TOKEN")).containsExactly("AUTHORIZATION_CODE", "IMPLICIT");
        assertThat(AuthorizationRules.impliedGrantTypes("ID_TOKEN")).containsExactly("IMPLICIT");
        assertThat(AuthorizationRules.impliedGrantTypes("NONE")).isEmpty();
    }
}
