package io.github.authletetestkit.mock.internal.vci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import io.github.authletetestkit.mock.internal.oauth.JwsSigning;
import io.github.authletetestkit.mock.internal.oauth.RandomValues;
import io.github.authletetestkit.mock.model.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs credentials in the formats the mock issues: SD-JWT VC (every claim but the reserved ones selectively
 * disclosable, SHA-256 digests) and W3C VC as a JWT ({@code jwt_vc_json}). Both are bound ({@code cnf.jwk}) to the
 * holder's key from the proof.
 */
public final class Credentials {

    /** Claims an SD-JWT VC keeps in the clear (SD-JWT VC, section 3.2.2). */
    static final Set<String> ALWAYS_DISCLOSED = Set.of("iss", "iat", "nbf", "exp", "cnf", "vct", "status");

    /** What every credential needs, whatever its format. */
    public record Issuance(ObjectNode payload, String issuer, JWK holderKey, JWK signingKey, Instant now, long durationSeconds) {}

    private Credentials() {}

    /** An SD-JWT VC: {@code <issuer-signed JWT>~<disclosure>~...~}; {@code typ} is the format's media type. */
    public static String sdJwtVc(String format, String vct, Issuance issuance) {
        ObjectNode claims = Json.object();
        claims.put("iss", issuance.issuer());
        claims.put("iat", issuance.now().getEpochSecond());
        if (issuance.durationSeconds() > 0) {
            claims.put("exp", issuance.now().getEpochSecond() + issuance.durationSeconds());
        }
        claims.put("vct", vct);
        claims.set("cnf", Json.object().set("jwk", Json.MAPPER.valueToTree(issuance.holderKey().toPublicJWK().toJSONObject())));
        List<String> disclosures = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = issuance.payload().fields(); it.hasNext(); ) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> claim = it.next();
            if (ALWAYS_DISCLOSED.contains(claim.getKey())) {
                if (!claims.has(claim.getKey())) {
                    claims.set(claim.getKey(), claim.getValue());
                }
                continue;
            }
            ArrayNode disclosure = Json.array().add(RandomValues.token()).add(claim.getKey()).add(claim.getValue());
            String encoded = Base64URL.encode(Json.write(disclosure).getBytes(StandardCharsets.UTF_8)).toString();
            disclosures.add(encoded);
            digests.add(digest(encoded));
        }
        digests.sort(String::compareTo);
        digests.forEach(claims.putArray("_sd")::add);
        claims.put("_sd_alg", "sha-256");
        StringBuilder sdJwt = new StringBuilder(sign(claims, new JOSEObjectType(format), issuance.signingKey())).append('~');
        disclosures.forEach(d -> sdJwt.append(d).append('~'));
        return sdJwt.toString();
    }

    /** A W3C verifiable credential as a JWT: the payload is the {@code credentialSubject}. */
    public static String jwtVcJson(List<String> types, Issuance issuance) {
        ObjectNode claims = Json.object();
        claims.put("iss", issuance.issuer());
        claims.put("iat", issuance.now().getEpochSecond());
        claims.put("nbf", issuance.now().getEpochSecond());
        if (issuance.durationSeconds() > 0) {
            claims.put("exp", issuance.now().getEpochSecond() + issuance.durationSeconds());
        }
        claims.put("jti", "urn:uuid:" + RandomValues.uuid());
        ObjectNode vc = claims.putObject("vc");
        vc.putArray("@context").add("https://www.w3.org/2018/credentials/v1");
        ArrayNode type = vc.putArray("type").add("VerifiableCredential");
        types.stream().filter(t -> !t.equals("VerifiableCredential")).forEach(type::add);
        vc.set("credentialSubject", issuance.payload());
        claims.set("cnf", Json.object().set("jwk", Json.MAPPER.valueToTree(issuance.holderKey().toPublicJWK().toJSONObject())));
        return sign(claims, JOSEObjectType.JWT, issuance.signingKey());
    }

    /** The base64url SHA-256 digest of a disclosure, as it stands in {@code _sd}. */
    public static String digest(String disclosure) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(disclosure.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(hash).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static String sign(ObjectNode claims, JOSEObjectType type, JWK key) {
        return JwsSigning.sign(new Payload(Json.write(claims)), type, key);
    }
}
