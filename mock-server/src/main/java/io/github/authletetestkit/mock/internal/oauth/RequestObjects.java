package io.github.authletetestkit.mock.internal.oauth;

import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.authletetestkit.mock.internal.jose.JoseVerifier;
import io.github.authletetestkit.mock.internal.jose.JweDecryption;
import io.github.authletetestkit.mock.model.ClientConfig;
import io.github.authletetestkit.mock.model.Json;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request objects (RFC 9101, OpenID Connect Core 6.1): the {@code request} parameter decrypted with the service's keys
 * when it is a JWE, its signature checked with the client's keys (its secret for {@code HS*}) in the client's
 * {@code requestSignAlg}, its time and audience claims checked, and its claims handed back as authorization request
 * parameters. Pure; a refusal is an {@link InvalidRequestObjectException}.
 */
public final class RequestObjects {

    /** Claims of the JWT itself, not parameters of the authorization request. */
    private static final Set<String> JWT_CLAIMS = Set.of("iss", "aud", "exp", "nbf", "iat", "jti", "sub");
    /** FAPI 1.0 Advanced 5.2.2: {@code nbf} no older than an hour, and at most an hour between {@code nbf} and {@code exp}. */
    static final Duration FAPI_MAX_LIFETIME = Duration.ofMinutes(60);

    /**
     * What the service asks of request objects.
     *
     * @param audienceChecked {@code aud} must name the issuer ({@code requestObjectAudienceChecked})
     * @param fapi            the FAPI rules apply: signed, {@code exp}, {@code nbf}, {@code aud}
     */
    public record Rules(String issuer, boolean audienceChecked, boolean fapi, long skewSeconds) {}

    private RequestObjects() {}

    public static Map<String, String> open(String request, ClientConfig client, JWKSet serviceKeys, Rules rules, Instant now) {
        JOSEObject object = parse(request);
        if (object instanceof JWEObject jwe) {
            object = decrypt(jwe, serviceKeys);
        }
        if (object instanceof JWSObject jws) {
            checkSignature(jws, client);
        } else if (client.requestSignAlg() != null || rules.fapi()) {
            throw invalid("The request object is not signed, but the client's requestSignAlg or the FAPI profile asks for a signature.");
        }
        Map<String, Object> claims = claims(object);
        checkClaims(claims, client, rules, now);
        Map<String, String> params = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (!JWT_CLAIMS.contains(name) && value != null) {
                params.put(name, value instanceof String text ? text : Json.write(value));
            }
        });
        return params;
    }

    private static JOSEObject parse(String request) {
        try {
            return JOSEObject.parse(request.trim());
        } catch (ParseException e) {
            throw invalid("The request object cannot be parsed: " + e.getMessage());
        }
    }

    private static JOSEObject decrypt(JWEObject jwe, JWKSet serviceKeys) {
        Payload payload = JweDecryption.decrypt(jwe, serviceKeys.getKeys())
                .orElseThrow(() -> invalid("The encrypted request object cannot be decrypted with any key of the service."));
        try {
            return JOSEObject.parse(payload.toString());
        } catch (ParseException notNested) {
            return new PlainObject(payload);
        }
    }

    private static void checkSignature(JWSObject jws, ClientConfig client) {
        JWSAlgorithm alg = jws.getHeader().getAlgorithm();
        if (client.requestSignAlg() != null && !client.requestSignAlg().equals(alg.getName())) {
            throw invalid("The request object is signed with " + alg + ", but the client's requestSignAlg is " + client.requestSignAlg() + ".");
        }
        List<JWK> keys;
        try {
            keys = JWSAlgorithm.Family.HMAC_SHA.contains(alg) ? ClientKeys.verificationKeys(client) : ClientKeys.publicKeys(client);
        } catch (ClientKeys.KeyProblem e) {
            throw invalid(e.getMessage());
        }
        JoseVerifier.Verdict verdict = new JoseVerifier(keys, List.of()).verify(jws.serialize(), List.of(), 0, Instant.EPOCH);
        if (!verdict.signatureValid()) {
            throw invalid("The signature of the request object is not valid: " + String.join(" ", verdict.errorDescriptions()));
        }
    }

    private static Map<String, Object> claims(JOSEObject object) {
        try {
            return JSONObjectUtils.parse(new String(object.getPayload().toBytes(), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw invalid("The payload of the request object is not a JSON object: " + e.getMessage());
        }
    }

    private static void checkClaims(Map<String, Object> claims, ClientConfig client, Rules rules, Instant now) {
        if (claims.get("client_id") instanceof String id && !client.isIdentifiedBy(id)) {
            throw invalid("The 'client_id' of the request object is not the client's.");
        }
        if (claims.get("iss") instanceof String iss && !client.isIdentifiedBy(iss)) {
            throw invalid("The 'iss' of the request object is not the client's ID.");
        }
        Instant exp = time(claims, "exp");
        Instant nbf = time(claims, "nbf");
        long skew = rules.skewSeconds();
        if (exp != null && !now.minusSeconds(skew).isBefore(exp)) {
            throw invalid("The request object expired at " + exp + ".");
        }
        if (nbf != null && now.plusSeconds(skew).isBefore(nbf)) {
            throw invalid("The request object is not valid before " + nbf + ".");
        }
        if (rules.fapi()) {
            if (exp == null || nbf == null) {
                throw invalid("Under FAPI the request object must have 'exp' and 'nbf'.");
            }
            if (nbf.isBefore(now.minus(FAPI_MAX_LIFETIME).minusSeconds(skew))) {
                throw invalid("Under FAPI the request object's 'nbf' must be no older than 60 minutes.");
            }
            if (Duration.between(nbf, exp).compareTo(FAPI_MAX_LIFETIME) > 0) {
                throw invalid("Under FAPI the request object's lifetime ('exp' - 'nbf') must be at most 60 minutes.");
            }
        }
        if ((rules.audienceChecked() || rules.fapi()) && !audience(claims).contains(rules.issuer())) {
            throw invalid("The 'aud' of the request object does not name the issuer '" + rules.issuer() + "'.");
        }
    }

    private static Instant time(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number)) {
            throw invalid("The '" + name + "' of the request object is not a number.");
        }
        return Instant.ofEpochSecond(number.longValue());
    }

    private static List<String> audience(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        if (aud instanceof String one) {
            return List.of(one);
        }
        if (aud instanceof List<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static InvalidRequestObjectException invalid(String message) {
        return new InvalidRequestObjectException(message);
    }
}
