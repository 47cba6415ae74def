package io.github.authletetestkit.mock.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminTokenTest {

    private final AdminToken token = new AdminToken("s3cret");

    @Test
    void onlyTheBearerSchemeWithTheExactTokenPasses() {
        assertThat(token.permits("Bearer s3cret")).isTrue();
        assertThat(token.permits("bearer s3cret")).as("the scheme is case-insensitive").isTrue();
        assertThat(token.permits("  Bearer   s3cret ")).isTrue();
        assertThat(token.permits("Bearer S3CRET")).as("the token is not").isFalse();
        assertThat(token.permits("Bearer s3cret2")).isFalse();
        assertThat(token.permits("Bearer s3cre")).isFalse();
        assertThat(token.permits("Basic s3cret")).isFalse();
        assertThat(token.permits("s3cret")).isFalse();
        assertThat(token.permits("Bearer")).isFalse();
        assertThat(token.permits("")).isFalse();
        assertThat(token.permits(null)).isFalse();
    }
}
