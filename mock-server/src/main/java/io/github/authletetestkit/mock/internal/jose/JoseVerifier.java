package io.github.authletetestkit.mock.internal.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.authletetestkit.mock.internal.oauth.JwsSignatures;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code /jose/verify} decides about a JOSE object: it is parsed (a JWS, or a JWE decrypted with the keys given),
 * its signature checked against the keys given, its mandatory claims looked for and its time claims checked against
 * {@code now} with the allowed skew. Pure: keys, clock and claims come in, a verdict goes out; nothing is thrown for
 * bad input, every problem is one line of {@link Verdict#errorDescriptions()}.
 */
public final class JoseVerifier {

    /** The outcome, member for member as {@code /jose/verify} answers it. */
    public record Verdict(boolean signatureValid, List<String> missingClaims, List<String> invalidClaims,
                          List<String> errorDescriptions) {

        /** Valid when the signature is, no mandatory claim is missing, none is invalid and nothing else went wrong. */
        public boolean valid() {
            return signatureValid && missingClaims.isEmpty() && invalidClaims.isEmpty() && errorDescriptions.isEmpty();
        }
    }

    private final List<JWK> verificationKeys;
    private final List<JWK> decryptionKeys;

    /**
     * @param verificationKeys keys a signature may be made with (public parts suffice; {@code oct} keys for HMAC)
     * @param decryptionKeys   private keys a JWE may be encrypted to
     */
    public JoseVerifier(List<JWK> verificationKeys, List<JWK> decryptionKeys) {
        this.verificationKeys = List.copyOf(verificationKeys);
        this.decryptionKeys = List.copyOf(decryptionKeys);
    }

    public Verdict verify(String jose, List<String> mandatoryClaims, long clockSkewSeconds, Instant now) {
        List<String> errors = new ArrayList<>();
        JOSEObject object = parse(jose, errors);
        if (object instanceof JWEObject jwe) {
            object = decrypt(jwe, errors);
        }
        boolean signatureValid = object instanceof JWSObject jws && signatureValid(jws, errors);
        if (object instanceof PlainObject) {
            errors.add("The JOSE object is not signed (alg none).");
        }
        Map<String, Object> claims = object == null ? Map.of() : claims(object, errors);
        List<String> missing = mandatoryClaims.stream().filter(name -> !claims.containsKey(name)).toList();
        List<String> invalid = new ArrayList<>();
        long skew = Math.max(0, clockSkewSeconds);
        long nowSeconds = now.getEpochSecond();
        checkTime(claims, "exp", value -> nowSeconds - skew >= value, "has expired", invalid, errors);
        checkTime(claims, "nbf", value -> nowSeconds + skew < value, "is not yet valid", invalid, errors);
        checkTime(claims, "iat", value -> nowSeconds + skew < value, "was issued in the future", invalid, errors);
        missing.forEach(name -> errors.add("The mandatory claim '" + name + "' is missing."));
        return new Verdict(signatureValid, missing, List.copyOf(invalid), List.copyOf(errors));
    }

    private static JOSEObject parse(String jose, List<String> errors) {
        if (jose == null || jose.isBlank()) {
            errors.add("The JOSE object is empty.");
            return null;
        }
        try {
            return JOSEObject.parse(jose.trim());
        } catch (ParseException e) {
            errors.add("The JOSE object cannot be parsed: " + e.getMessage());
            return null;
        }
    }

    /** The decrypted payload as a nested JWS when it is one, else as a plain object holding the payload. */
    private JOSEObject decrypt(JWEObject jwe, List<String> errors) {
        Optional<Payload> payload = JweDecryption.decrypt(jwe, decryptionKeys);
        if (payload.isEmpty()) {
            String kid = jwe.getHeader().getKeyID();
            errors.add("The JWE cannot be decrypted with any key of the service" + (kid == null ? "." : " (kid '" + kid + "')."));
            return null;
        }
        try {
            return JWSObject.parse(payload.get().toString());
        } catch (ParseException notNested) {
            errors.add("The JWE carries no signed JWT: its signature cannot be checked.");
            return new PlainObject(payload.get());
        }
    }

    private boolean signatureValid(JWSObject jws, List<String> errors) {
        String kid = jws.getHeader().getKeyID();
        byte[] signingInput = jws.getSigningInput();
        boolean triedAny = false;
        for (JWK key : verificationKeys) {
            if (kid != null && key.getKeyID() != null && !kid.equals(key.getKeyID())
                    || !JwsSignatures.fits(jws.getHeader().getAlgorithm(), key)) {
                continue;
            }
            triedAny = true;
            try {
                if (JwsSignatures.verify(jws.getHeader(), signingInput, jws.getSignature(), key)) {
                    return true;
                }
            } catch (JOSEException e) {
                errors.add("The signature cannot be checked with key '" + key.getKeyID() + "': " + e.getMessage());
                return false;
            }
        }
        errors.add(triedAny ? "The signature is invalid."
                : "No key to verify the signature with (alg " + jws.getHeader().getAlgorithm()
                        + (kid == null ? "" : ", kid '" + kid + "'") + ").");
        return false;
    }

    private static Map<String, Object> claims(JOSEObject object, List<String> errors) {
        String payload = new String(object.getPayload().toBytes(), StandardCharsets.UTF_8);
        try {
            return JSONObjectUtils.parse(payload);
        } catch (ParseException e) {
            errors.add("The payload is not a JSON object: its claims cannot be checked.");
            return Map.of();
        }
    }

    private interface TimeRule {
        boolean broken(long value);
    }

    private static void checkTime(Map<String, Object> claims, String name, TimeRule rule, String problem,
                                  List<String> invalid, List<String> errors) {
        Object value = claims.get(name);
        if (value == null) {
            return;
        }
        if (!(value instanceof Number number)) {
            invalid.add(name);
            errors.add("The claim '" + name + "' is not a number of seconds.");
        } else if (rule.broken(number.longValue())) {
            invalid.add(name);
            errors.add("The JOSE object " + problem + " ('" + name + "' is " + number.longValue() + ").");
        }
    }
}
