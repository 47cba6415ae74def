package io.github.authletetestkit.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RateCategoryTest {

    @Test
    void operationsFallInAuthletesFourBuckets() {
        assertThat(RateCategory.of("service_get_api")).isEqualTo(RateCategory.SERVICE_MANAGEMENT);
        assertThat(RateCategory.of("client_create_api")).isEqualTo(RateCategory.CLIENT_MANAGEMENT);
        assertThat(RateCategory.of("auth_authorization_issue_api")).isEqualTo(RateCategory.AUTHORIZATION);
        assertThat(RateCategory.of("pushed_auth_req_api")).isEqualTo(RateCategory.AUTHORIZATION);
        assertThat(RateCategory.of("device_authorization_api")).isEqualTo(RateCategory.AUTHORIZATION);
        assertThat(RateCategory.of("backchannel_authentication_api")).isEqualTo(RateCategory.AUTHORIZATION);
        assertThat(RateCategory.of("auth_token_api")).isEqualTo(RateCategory.TOKEN);
        assertThat(RateCategory.of("auth_introspection_api")).isEqualTo(RateCategory.TOKEN);
        assertThat(RateCategory.of("client_registration_api")).as("dynamic registration is a token-side call").isEqualTo(RateCategory.TOKEN);
        assertThat(RateCategory.of(null)).isEqualTo(RateCategory.TOKEN);
    }

    @Test
    void everyOperationOfTheBundledSpecHasACategory() {
        assertThat(AuthleteSpec.bundled().operations())
                .extracting(op -> RateCategory.of(op.operationId()))
                .containsOnly(RateCategory.values());
    }

    @Test
    void theTableHoldsAuthletesPublishedHourlyLimits() {
        RateLimits limits = RateLimits.authlete();
        assertThat(limits.published(RateCategory.SERVICE_MANAGEMENT)).isEqualTo(1_000);
        assertThat(limits.published(RateCategory.CLIENT_MANAGEMENT)).isEqualTo(5_000);
        assertThat(limits.published(RateCategory.AUTHORIZATION)).isEqualTo(10_000);
        assertThat(limits.published(RateCategory.TOKEN)).isEqualTo(10_000);
        assertThat(limits.asMap()).hasSize(4);
    }

    @Test
    void anAbsentCategoryIsUnlimitedAndALimitBelowOneIsRefused() {
        assertThat(RateLimits.unlimited().published(RateCategory.TOKEN)).isEqualTo(-1);
        assertThat(RateLimits.of(Map.of(RateCategory.TOKEN, 3)).published(RateCategory.AUTHORIZATION)).isEqualTo(-1);
        assertThatThrownBy(() -> RateLimits.of(Map.of(RateCategory.TOKEN, 0))).isInstanceOf(IllegalArgumentException.class);
    }
}
