package io.github.authletetestkit.mock.internal.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.AESEncrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.authletetestkit.mock.model.Json;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;

/**
 * The JWT response of token introspection (RFC 9701): the RFC 7662 answer in {@code token_introspection}, signed
 * ({@code typ: token-introspection+jwt}) with the service's key — or the shared key for HMAC — and, when asked,
 * encrypted to the resource server. Pure: keys and time come in.
 */
public final class IntrospectionJwt {

    public static final String ACCEPT = "application/token-introspection+jwt";
    static final JOSEObjectType TYPE = new JOSEObjectType("token-introspection+jwt");

    /** Why the JWT cannot be made (an algorithm no key fits, a missing shared or public key). */
    public static final class CannotMakeException extends RuntimeException {
        public CannotMakeException(String message) {
            super(message);
        }
    }

    /** What the resource server asked for; null members take the defaults (RS256, no encryption). */
    public record Request(String signAlg, String encryptionAlg, String encryptionEnc, String sharedKeyForSign,
                          String sharedKeyForEncryption, String publicKeyForEncryption) {}

    private IntrospectionJwt() {}

    /** Whether an {@code Accept} header asks for the JWT response. */
    public static boolean wanted(String httpAcceptHeader) {
        return httpAcceptHeader != null && httpAcceptHeader.toLowerCase(java.util.Locale.ROOT).contains(ACCEPT);
    }

    public static String make(ObjectNode introspection, String issuer, String audience, Instant now, JWKSet serviceKeys,
                              String keyId, Request request) {
        JWSAlgorithm alg = JWSAlgorithm.parse(request.signAlg() == null || request.signAlg().isBlank() ? "RS256" : request.signAlg());
        ObjectNode claims = Json.object().put("iss", issuer);
        if (audience != null) {
            claims.put("aud", audience);
        }
        claims.put("iat", now.getEpochSecond());
        claims.set("token_introspection", introspection);
        Payload payload = new Payload(Json.MAPPER.convertValue(claims, Map.class));
        String jwt = JwsSigning.sign(payload, TYPE, signingKey(alg, serviceKeys, keyId, request.sharedKeyForSign()), alg);
        return request.encryptionAlg() == null || request.encryptionAlg().isBlank() ? jwt : encrypt(jwt, request);
    }

    private static JWK signingKey(JWSAlgorithm alg, JWKSet serviceKeys, String keyId, String sharedKey) {
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            if (sharedKey == null || sharedKey.isEmpty()) {
                throw new CannotMakeException("'" + alg + "' needs 'sharedKeyForSign'.");
            }
            return new OctetSequenceKey.Builder(sharedKey.getBytes(StandardCharsets.UTF_8)).build();
        }
        return Jwks.signingKeyFor(serviceKeys, alg, keyId)
                .orElseThrow(() -> new CannotMakeException("The service has no private key for '" + alg + "'"
                        + (keyId == null ? "" : " with the kid '" + keyId + "'") + "."));
    }

    private static String encrypt(String jwt, Request request) {
        JWEAlgorithm alg = JWEAlgorithm.parse(request.encryptionAlg());
        EncryptionMethod enc = EncryptionMethod.parse(request.encryptionEnc() == null || request.encryptionEnc().isBlank()
                ? "A128CBC-HS256" : request.encryptionEnc());
        JWK key = encryptionKey(alg, request);
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(alg, enc).contentType("JWT").keyID(key.getKeyID()).build(), new Payload(jwt));
        try {
            jwe.encrypt(RandomValues.drawingFromCurrent(encrypter(alg, key)));
        } catch (JOSEException e) {
            throw new CannotMakeException("The response cannot be encrypted with " + alg + "/" + enc + ": " + e.getMessage());
        }
        return jwe.serialize();
    }

    private static JWK encryptionKey(JWEAlgorithm alg, Request request) {
        boolean symmetric = JWEAlgorithm.Family.SYMMETRIC.contains(alg) || JWEAlgorithm.DIR.equals(alg);
        if (symmetric) {
            if (request.sharedKeyForEncryption() == null || request.sharedKeyForEncryption().isEmpty()) {
                throw new CannotMakeException("'" + alg + "' needs 'sharedKeyForEncryption'.");
            }
            return new OctetSequenceKey.Builder(request.sharedKeyForEncryption().getBytes(StandardCharsets.UTF_8)).build();
        }
        if (request.publicKeyForEncryption() == null || request.publicKeyForEncryption().isBlank()) {
            throw new CannotMakeException("'" + alg + "' needs 'publicKeyForEncryption' (a public JWK).");
        }
        try {
            return JWK.parse(request.publicKeyForEncryption());
        } catch (ParseException e) {
            throw new CannotMakeException("'publicKeyForEncryption' is not a JWK: " + e.getMessage());
        }
    }

    private static JWEEncrypter encrypter(JWEAlgorithm alg, JWK key) throws JOSEException {
        return switch (key) {
            case RSAKey rsa -> new RSAEncrypter(rsa);
            case ECKey ec -> new ECDHEncrypter(ec);
            case OctetSequenceKey oct -> JWEAlgorithm.DIR.equals(alg) ? new DirectEncrypter(oct) : new AESEncrypter(oct);
            default -> throw new JOSEException("a key of type " + key.getKeyType() + " cannot encrypt");
        };
    }
}
