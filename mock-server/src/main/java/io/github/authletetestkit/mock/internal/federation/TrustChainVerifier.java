package io.github.authletetestkit.mock.internal.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.authletetestkit.mock.internal.oauth.JwsSignatures;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an OpenID Federation trust chain (1.0, section 10.2): the leaf's entity configuration first, then one
 * subordinate statement per superior, then the trust anchor's entity configuration. Each statement is in time, each
 * names the next one's subject as its issuer, each is signed with a key its superior vouches for, and the anchor is
 * one of the service's, with the keys the service holds for it. Pure: statements, anchors and time in, facts out.
 */
public final class TrustChainVerifier {

    /** What a verified chain tells: who the leaf is, under which anchor, its metadata, and until when the chain holds. */
    public record TrustChain(String leafEntityId, String trustAnchorId, Map<String, Object> leafMetadata, JWKSet leafKeys,
                             Instant expiresAt, List<String> statements) {}

    /** Why a chain is refused: {@code error} is the OpenID Federation error code. */
    public static final class InvalidTrustChainException extends RuntimeException {
        private final String error;

        public InvalidTrustChainException(String error, String message) {
            super(message);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }

    private record Statement(JWSObject jws, Map<String, Object> claims, String iss, String sub, JWKSet jwks, Instant exp) {}

    private TrustChainVerifier() {}

    /**
     * @param trustAnchors the service's anchors: entity ID → the JWK Set it holds for that anchor
     */
    public static TrustChain verify(List<String> chain, Map<String, JWKSet> trustAnchors, Instant now) {
        if (chain == null || chain.size() < 3) {
            throw invalid("invalid_trust_chain", "A trust chain needs the leaf's entity configuration, at least one subordinate"
                    + " statement and the trust anchor's entity configuration.");
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            statements.add(parse(chain.get(i), i, now));
        }
        Statement leaf = statements.getFirst();
        Statement anchor = statements.getLast();
        if (!leaf.iss().equals(leaf.sub())) {
            throw invalid("invalid_trust_chain", "The first statement is not an entity configuration (iss differs from sub).");
        }
        if (!anchor.iss().equals(anchor.sub())) {
            throw invalid("invalid_trust_chain", "The last statement is not the trust anchor's entity configuration (iss differs from sub).");
        }
        JWKSet anchorKeys = trustAnchors.get(anchor.iss());
        if (anchorKeys == null) {
            throw invalid("invalid_trust_anchor", "'" + anchor.iss() + "' is not a trust anchor of the service.");
        }
        checkSignature(leaf, leaf.jwks(), 0);
        for (int i = 1; i < statements.size() - 1; i++) {
            Statement subordinate = statements.get(i);
            Statement below = statements.get(i - 1);
            if (!subordinate.sub().equals(below.iss())) {
                throw invalid("invalid_trust_chain", "Statement " + i + " is about '" + subordinate.sub() + "', not about '"
                        + below.iss() + "'.");
            }
            checkSignature(below, subordinate.jwks(), i - 1);
        }
        Statement top = statements.get(statements.size() - 2);
        if (!top.iss().equals(anchor.iss())) {
            throw invalid("invalid_trust_chain", "The last subordinate statement is issued by '" + top.iss()
                    + "', not by the trust anchor '" + anchor.iss() + "'.");
        }
        checkSignature(top, anchor.jwks(), statements.size() - 2);
        checkSignature(anchor, anchorKeys, statements.size() - 1);
        Instant expiresAt = statements.stream().map(Statement::exp).min(Instant::compareTo).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = leaf.claims().get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new TrustChain(leaf.sub(), anchor.iss(), metadata, leaf.jwks(), expiresAt, List.copyOf(chain));
    }

    private static Statement parse(String jwt, int index, Instant now) {
        JWSObject jws;
        Map<String, Object> claims;
        try {
            jws = JWSObject.parse(jwt);
            claims = jws.getPayload().toJSONObject();
        } catch (ParseException | NullPointerException e) {
            throw invalid("invalid_trust_chain", "Statement " + index + " is not a signed JWT.");
        }
        if (claims == null) {
            throw invalid("invalid_trust_chain", "Statement " + index + " has no JSON payload.");
        }
        String iss = text(claims, "iss", index);
        String sub = text(claims, "sub", index);
        if (!(claims.get("exp") instanceof Number exp) || !(claims.get("iat") instanceof Number iat)) {
            throw invalid("invalid_trust_chain", "Statement " + index + " lacks a numeric exp or iat.");
        }
        if (now.getEpochSecond() >= exp.longValue()) {
            throw invalid("invalid_trust_chain", "Statement " + index + " (" + iss + ") has expired.");
        }
        if (iat.longValue() > now.getEpochSecond() + 60) {
            throw invalid("invalid_trust_chain", "Statement " + index + " (" + iss + ") was issued in the future.");
        }
        JWKSet jwks;
        try {
            jwks = JWKSet.parse(JSONObjectUtils.getJSONObject(claims, "jwks"));
        } catch (ParseException | NullPointerException e) {
            throw invalid("invalid_trust_chain", "Statement " + index + " (" + iss + ") carries no valid jwks.");
        }
        return new Statement(jws, claims, iss, sub, jwks, Instant.ofEpochSecond(exp.longValue()));
    }

    private static void checkSignature(Statement statement, JWKSet keys, int index) {
        String kid = statement.jws().getHeader().getKeyID();
        for (JWK key : keys.getKeys()) {
            if (kid != null && key.getKeyID() != null && !kid.equals(key.getKeyID())
                    || !JwsSignatures.fits(statement.jws().getHeader().getAlgorithm(), key)) {
                continue;
            }
            try {
                if (JwsSignatures.verify(statement.jws().getHeader(), statement.jws().getSigningInput(),
                        statement.jws().getSignature(), key.toPublicJWK())) {
                    return;
                }
            } catch (JOSEException e) {
                // an unusable key is no key: try the next
            }
        }
        throw invalid("invalid_trust_chain", "The signature of statement " + index + " (" + statement.iss()
                + ") is not made with a key its superior vouches for.");
    }

    private static String text(Map<String, Object> claims, String name, int index) {
        if (!(claims.get(name) instanceof String value) || value.isBlank()) {
            throw invalid("invalid_trust_chain", "Statement " + index + " has no '" + name + "'.");
        }
        return value;
    }

    private static InvalidTrustChainException invalid(String error, String message) {
        return new InvalidTrustChainException(error, message);
    }
}
