package io.github.authletetestkit.contract.internal.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetSelectionTest {

    @Test
    void mockIsTheDefault() {
        assertThat(TargetSelection.parse(null, null).kind()).isEqualTo(TargetSelection.Kind.MOCK);
        assertThat(TargetSelection.parse("mock", "").kind()).isEqualTo(TargetSelection.Kind.MOCK);
    }

    @Test
    void urlsAndRegions() {
        assertThat(TargetSelection.parse("http://localhost:8080", null)).isEqualTo(new TargetSelection(TargetSelection.Kind.URL, "http://localhost:8080"));
        assertThat(TargetSelection.parse(null, "JP")).isEqualTo(new TargetSelection(TargetSelection.Kind.REGION, "jp"));
        // the JUnit entry takes -Dcontract.target=eu
        assertThat(TargetSelection.parse("eu", null)).isEqualTo(new TargetSelection(TargetSelection.Kind.REGION, "eu"));
        assertThat(Region.BR.baseUrl()).isEqualTo("https://br.authlete.com");
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> TargetSelection.parse("moon", null)).hasMessageContaining("unknown target 'moon'");
        assertThatThrownBy(() -> TargetSelection.parse(null, "au")).hasMessageContaining("use us, jp, eu or br");
        assertThatThrownBy(() -> TargetSelection.parse("https://x.example", "us")).hasMessageContaining("not both");
        assertThatThrownBy(() -> TargetSelection.parse("https://user:pw@x.example", null)).hasMessageContaining("user info");
    }

    @Test
    void liveTargetsNeedCredentialsFromTheEnvironmentAndNameWhatIsMissing() {
        assertThatThrownBy(() -> TargetSelection.parse(null, "us").open(Map.of(Credentials.ENV_SERVICE_ID, "123")))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageContaining(Credentials.ENV_SERVICE_TOKEN)
                .hasMessageNotContaining(Credentials.ENV_SERVICE_ID + ",");
        Target target = TargetSelection.parse(null, "us").open(Map.of(Credentials.ENV_SERVICE_ID, "123",
                Credentials.ENV_SERVICE_TOKEN, "very-secret-token"));
        assertThat(target.baseUrl()).isEqualTo("https://us.authlete.com");
        assertThat(target.live()).isTrue();
        assertThat(target.credentials().toString()).doesNotContain("very-secret-token", "123");
        assertThat(target.credentials().managementToken()).isEqualTo("very-secret-token");
    }
}
