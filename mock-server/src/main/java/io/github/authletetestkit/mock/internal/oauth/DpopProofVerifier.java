package io.github.authletetestkit.mock.internal.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a DPoP proof JWT (RFC 9449 4.3). Stateless: {@code jti} replay and server nonces are the caller's job.
 */
public final class DpopProofVerifier {

    /** The {@code typ} a DPoP proof must declare (RFC 9449 4.2). */
    public static final String PROOF_TYPE = "dpop+jwt";

    /**
     * Asymmetric algorithms we can verify with the JDK. ES256K is left out: the JDK no longer has secp256k1.
     * Symmetric ones are excluded by the RFC: the verifier would need the secret.
     */
    private static final Set<JWSAlgorithm> SUPPORTED = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519, JWSAlgorithm.Ed448);

    private DpopProofVerifier() {}

    /**
     * What a valid proof tells the caller.
     *
     * @param jwkThumbprint RFC 7638 SHA-256 thumbprint of the proof key, base64url: the {@code cnf.jkt} to bind to
     * @param jti           the proof's unique ID, for the caller's replay check
     * @param issuedAt      the proof's {@code iat}
     */
    public record DpopProof(String jwkThumbprint, String jti, Instant issuedAt) {}

    /**
     * Verifies a DPoP proof.
     *
     * @param expectedHtm       the HTTP method of the request; null skips the {@code htm} check
     * @param expectedHtu       the URL of the request; null skips the {@code htu} check. Query and fragment are
     *                          ignored on both sides, and scheme/host case and default ports are normalised
     * @param accessTokenOrNull the access token presented with the proof (resource access): the proof must then
     *                          carry a matching {@code ath}; null at the token endpoint, where {@code ath} is ignored
     * @param allowedSkew       how far {@code iat} may lie before or after {@code now}
     * @throws InvalidDpopProofException naming the first failed check
     */
    public static DpopProof verify(String proofJwt, String expectedHtm, String expectedHtu, String accessTokenOrNull,
                                   Instant now, Duration allowedSkew) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(allowedSkew, "allowedSkew");
        if (proofJwt == null || proofJwt.isBlank()) {
            throw invalid("The DPoP proof is missing.");
        }
        String[] parts = proofJwt.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("The DPoP proof is not a compact JWS (header.payload.signature).");
        }
        Map<String, Object> header = jsonObject(parts[0], "header");
        checkType(header.get("typ"));
        JWSAlgorithm alg = checkAlgorithm(header.get("alg"));
        JWK jwk = publicJwk(header.get("jwk"));
        checkSignature(parts, alg, jwk);

        Map<String, Object> claims = jsonObject(parts[1], "payload");
        String jti = requiredString(claims, "jti");
        String htm = requiredString(claims, "htm");
        String htu = requiredString(claims, "htu");
        Instant issuedAt = issuedAt(claims.get("iat"));
        if (expectedHtm != null && !expectedHtm.equals(htm)) {
            throw invalid("The DPoP proof's htm '" + htm + "' does not match the request method '" + expectedHtm + "'.");
        }
        if (expectedHtu != null && !normalizedHtu(htu).equals(normalizedHtu(expectedHtu))) {
            throw invalid("The DPoP proof's htu '" + htu + "' does not match the request URL '" + expectedHtu + "'.");
        }
        if (issuedAt.isBefore(now.minus(allowedSkew)) || issuedAt.isAfter(now.plus(allowedSkew))) {
            throw invalid("The DPoP proof's iat " + issuedAt + " is outside the acceptable window of "
                    + allowedSkew.toSeconds() + " seconds around " + now + ".");
        }
        if (accessTokenOrNull != null) {
            checkAccessTokenHash(claims.get("ath"), accessTokenOrNull);
        }
        return new DpopProof(thumbprint(jwk), jti, issuedAt);
    }

    private static void checkType(Object typ) {
        // Media type names are case-insensitive (RFC 7515 4.1.9).
        if (!(typ instanceof String type) || !PROOF_TYPE.equalsIgnoreCase(type)) {
            throw invalid("The DPoP proof's typ header must be '" + PROOF_TYPE + "' but is " + describe(typ) + ".");
        }
    }

    private static JWSAlgorithm checkAlgorithm(Object algValue) {
        JWSAlgorithm alg = algValue instanceof String name ? JWSAlgorithm.parse(name) : null;
        if (alg == null || !SUPPORTED.contains(alg)) {
            throw invalid("The DPoP proof's alg header must be a supported asymmetric signature algorithm but is "
                    + describe(algValue) + ".");
        }
        return alg;
    }

    @SuppressWarnings("unchecked")
    private static JWK publicJwk(Object jwkValue) {
        if (!(jwkValue instanceof Map<?, ?> jwkObject)) {
            throw invalid("The DPoP proof has no jwk header holding its public key.");
        }
        JWK jwk;
        try {
            jwk = JWK.parse((Map<String, Object>) jwkObject);
        } catch (ParseException e) {
            throw invalid("The DPoP proof's jwk header is not a valid JWK: " + e.getMessage(), e);
        }
        // A private key in the header would be handed to everybody who sees the request (RFC 9449 4.3 check 7).
        if (jwk.isPrivate()) {
            throw invalid("The DPoP proof's jwk header must be a public key but contains private key material.");
        }
        return jwk;
    }

    private static void checkSignature(String[] parts, JWSAlgorithm alg, JWK jwk) {
        if (!JwsSignatures.fits(alg, jwk)) {
            throw invalid("The DPoP proof's jwk (kty " + jwk.getKeyType() + JwsSignatures.curveOf(jwk) + ") cannot be used with alg "
                    + alg + ".");
        }
        boolean valid;
        try {
            valid = JwsSignatures.verify(jwsHeader(parts[0]), (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                    new Base64URL(parts[2]), jwk);
        } catch (JOSEException e) {
            throw invalid("The DPoP proof's signature cannot be verified: " + e.getMessage(), e);
        }
        if (!valid) {
            throw invalid("The DPoP proof's signature is invalid.");
        }
    }

    /** Nimbus verifiers want the parsed header, e.g. to reject unknown {@code crit} parameters. */
    private static JWSHeader jwsHeader(String encodedHeader) throws JOSEException {
        try {
            return JWSHeader.parse(new Base64URL(encodedHeader));
        } catch (ParseException e) {
            throw new JOSEException("invalid JWS header: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> jsonObject(String encoded, String part) {
        try {
            return JSONObjectUtils.parse(new Base64URL(encoded).decodeToString());
        } catch (ParseException e) {
            throw invalid("The DPoP proof's " + part + " is not a base64url-encoded JSON object.", e);
        }
    }

    private static String requiredString(Map<String, Object> claims, String name) {
        if (!(claims.get(name) instanceof String value) || value.isEmpty()) {
            throw invalid("The DPoP proof has no " + name + " claim (a non-empty string is required).");
        }
        return value;
    }

    private static Instant issuedAt(Object iat) {
        if (!(iat instanceof Number seconds)) {
            throw invalid("The DPoP proof has no iat claim (a number of seconds is required).");
        }
        // NumericDate may carry fractions of a second (RFC 7519 2).
        return Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000));
    }

    private static void checkAccessTokenHash(Object ath, String accessToken) {
        if (!(ath instanceof String hash)) {
            throw invalid("The DPoP proof has no ath claim, which is required when an access token is presented.");
        }
        if (!hash.equals(TokenHashes.sha256Base64Url(accessToken))) {
            throw invalid("The DPoP proof's ath does not match the hash of the access token.");
        }
    }

    /**
     * The URL without query and fragment (RFC 9449 4.3 check 9), with the scheme and host lower-cased, the
     * default port removed and an empty path made "/" (RFC 3986 6.2.2 and 6.2.3 normalisation).
     * Unparseable URLs are compared as they are.
     */
    static String normalizedHtu(String url) {
        int cut = indexOfAny(url, '?', '#');
        String base = cut < 0 ? url : url.substring(0, cut);
        URI uri;
        try {
            uri = new URI(base);
        } catch (URISyntaxException e) {
            return base;
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getHost() == null) {
            return base;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        // A URI with an authority is hierarchical, so its raw path is never null.
        String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** RFC 7638 SHA-256 thumbprint, the value of {@code cnf.jkt}. */
    private static String thumbprint(JWK jwk) {
        try {
            return jwk.computeThumbprint("SHA-256").toString();
        } catch (JOSEException e) {
            // SHA-256 is always available.
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Object value) {
        return value == null ? "absent" : "'" + value + "'";
    }

    private static InvalidDpopProofException invalid(String message) {
        return new InvalidDpopProofException(message);
    }

    private static InvalidDpopProofException invalid(String message, Throwable cause) {
        return new InvalidDpopProofException(message, cause);
    }
}
