package io.github.authletetestkit.mock.internal.hsk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import io.github.authletetestkit.mock.model.Json;
import java.util.Base64;

/**
 * A key "held in an HSM" ({@code /hsk/*}): really made, its private half kept by the mock as an HSM keeps it, its public
 * half handed out. {@code handle} is how callers name it.
 */
public record HardwareKey(String handle, String kty, String use, String alg, String kid, String hsmName, JWK key) {

    /** The public key as PEM ({@code SubjectPublicKeyInfo}), as an HSM exports it. */
    public String publicKeyPem() {
        try {
            byte[] der = ((AsymmetricJWK) key).toPublicKey().getEncoded();
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException("A generated key has no public half: " + e.getMessage(), e);
        }
    }

    /** The {@code hsk} object of the API's answers: public members only. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("kty", kty).put("use", use).put("kid", kid).put("hsmName", hsmName).put("handle", handle)
                .put("publicKey", publicKeyPem()).put("alg", alg);
        return json;
    }
}
