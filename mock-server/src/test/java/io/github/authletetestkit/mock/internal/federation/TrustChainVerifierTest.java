package io.github.authletetestkit.mock.internal.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import io.github.authletetestkit.mock.testing.FederationFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustChainVerifierTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private final FederationFixture federation = new FederationFixture(NOW);
    private final Map<String, JWKSet> anchors = Map.of(federation.anchor, new JWKSet(federation.anchorKey.toPublicJWK()));

    private void refused(List<String> chain, Map<String, JWKSet> trusted, String error, String message) {
        assertThatThrownBy(() -> TrustChainVerifier.verify(chain, trusted, NOW))
                .isInstanceOfSatisfying(TrustChainVerifier.InvalidTrustChainException.class, e -> {
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void aSoundChainThroughAnIntermediateNamesLeafAnchorMetadataAndExpiry() {
        TrustChainVerifier.TrustChain chain = TrustChainVerifier.verify(federation.chainThroughIntermediate(), anchors, NOW);

        assertThat(chain.leafEntityId()).isEqualTo(FederationFixture.LEAF);
        assertThat(chain.trustAnchorId()).isEqualTo(federation.anchor);
        assertThat(chain.leafMetadata()).containsKey("openid_relying_party");
        assertThat(chain.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(chain.leafKeys().getKeyByKeyId("leaf")).isNotNull();
    }

    @Test
    void aDirectChainIsSoundToo() {
        assertThat(TrustChainVerifier.verify(federation.directChain(), anchors, NOW).trustAnchorId()).isEqualTo(federation.anchor);
    }

    @Test
    void anAnchorTheServiceDoesNotTrustIsRefused() {
        refused(federation.directChain(), Map.of("https://other.example.com", new JWKSet(federation.anchorKey.toPublicJWK())),
                "invalid_trust_anchor", "is not a trust anchor of the service");
    }

    @Test
    void anAnchorSignedWithAnotherKeyThanTheServiceHoldsIsRefused() {
        refused(federation.directChain(), Map.of(federation.anchor, new JWKSet(federation.leafKey.toPublicJWK())),
                "invalid_trust_chain", "statement 2");
    }

    @Test
    void aLeafSignedWithAKeyNobodyVouchesForIsRefused() {
        List<String> chain = new ArrayList<>(federation.directChain());
        // the anchor vouches for the intermediate's key, not the leaf's
        chain.set(1, federation.statement(federation.anchor, FederationFixture.LEAF, federation.intermediateKey, federation.anchorKey, Map.of(), 3600));

        refused(chain, anchors, "invalid_trust_chain", "The signature of statement 0");
    }

    @Test
    void aStatementAboutAnotherEntityBreaksTheChain() {
        List<String> chain = new ArrayList<>(federation.chainThroughIntermediate());
        chain.set(2, federation.statement(federation.anchor, "https://else.example.com", federation.intermediateKey,
                federation.anchorKey, Map.of(), 3600));

        refused(chain, anchors, "invalid_trust_chain", "Statement 2 is about 'https://else.example.com'");
    }

    @Test
    void anExpiredStatementBreaksTheChain() {
        List<String> chain = new ArrayList<>(federation.directChain());
        chain.set(1, federation.statement(federation.anchor, FederationFixture.LEAF, federation.leafKey, federation.anchorKey, Map.of(), -1));

        refused(chain, anchors, "invalid_trust_chain", "has expired");
    }

    @Test
    void garbageAndShortChainsAreRefused() {
        refused(List.of("x", "y", "z"), anchors, "invalid_trust_chain", "Statement 0 is not a signed JWT");
        refused(federation.directChain().subList(0, 2), anchors, "invalid_trust_chain", "needs the leaf's entity configuration");
        List<String> leafNotFirst = new ArrayList<>(federation.directChain());
        leafNotFirst.set(0, leafNotFirst.get(1));
        refused(leafNotFirst, anchors, "invalid_trust_chain", "The first statement is not an entity configuration");
    }
}
