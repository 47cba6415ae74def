package io.github.authletetestkit.mock.internal.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.X509CertUtils;
import io.github.authletetestkit.mock.model.ClientConfig;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * Mutual-TLS client authentication (RFC 8705 section 2): {@code tls_client_auth} matches the certificate's subject DN
 * or one subject alternative name against what the client registered; {@code self_signed_tls_client_auth} finds the
 * certificate's key in the client's JWK Set. Pure; a mismatch is an {@link InvalidClientCredentialsException}.
 */
public final class ClientCertificates {

    /** The SAN members a client may register, with the {@code GeneralName} type (RFC 5280) each matches. */
    private static final Map<String, Integer> SAN_TYPES = Map.of("SanDns", 2, "SanUri", 6, "SanIp", 7, "SanEmail", 1);

    private ClientCertificates() {}

    /** The certificate of a PEM text (with or without the BEGIN/END lines). */
    public static X509Certificate parse(String pem) {
        String text = pem.contains("-----BEGIN") ? pem
                : "-----BEGIN CERTIFICATE-----\n" + pem.strip() + "\n-----END CERTIFICATE-----\n";
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new InvalidClientCredentialsException("The client certificate cannot be parsed: " + e.getMessage());
        }
    }

    /** RFC 8705 {@code x5t#S256}: the base64url SHA-256 hash of the certificate's DER encoding. */
    public static String thumbprintS256(X509Certificate certificate) {
        Base64URL thumbprint = X509CertUtils.computeSHA256Thumbprint(certificate);
        if (thumbprint == null) {
            throw new InvalidClientCredentialsException("The client certificate cannot be encoded.");
        }
        return thumbprint.toString();
    }

    /** {@code tls_client_auth}: the registered subject DN, else the registered SAN, is the certificate's. */
    public static void checkTlsClientAuth(X509Certificate certificate, ClientConfig client) {
        String dn = client.tlsClientAuth("SubjectDn");
        if (dn != null && !dn.isBlank()) {
            if (!sameDn(dn, certificate.getSubjectX500Principal())) {
                throw new InvalidClientCredentialsException("The subject DN of the client certificate ("
                        + certificate.getSubjectX500Principal().getName() + ") is not the client's tlsClientAuthSubjectDn.");
            }
            return;
        }
        for (Map.Entry<String, Integer> san : SAN_TYPES.entrySet()) {
            String registered = client.tlsClientAuth(san.getKey());
            if (registered != null && !registered.isBlank()) {
                if (!hasSan(certificate, san.getValue(), registered)) {
                    throw new InvalidClientCredentialsException("The client certificate carries no subject alternative name '"
                            + registered + "' (the client's tlsClientAuth" + san.getKey() + ").");
                }
                return;
            }
        }
        throw new InvalidClientCredentialsException(
                "The client uses tls_client_auth but registered neither tlsClientAuthSubjectDn nor a tlsClientAuthSan* value.");
    }

    /** {@code self_signed_tls_client_auth}: the certificate's public key is one of the client's registered keys. */
    public static void checkSelfSigned(X509Certificate certificate, List<JWK> clientKeys) {
        Base64URL thumbprint = thumbprint(certificate);
        if (clientKeys.stream().noneMatch(key -> thumbprint.equals(thumbprintOf(key)))) {
            throw new InvalidClientCredentialsException("The key of the client certificate is not in the client's JWK Set.");
        }
    }

    /** The certificate's public key as a JWK (RSA or EC; read on the JDK, without nimbus' Bouncy Castle path). */
    public static JWK publicJwk(X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec && Curve.forECParameterSpec(ec.getParams()) != null) {
            return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
        }
        throw new InvalidClientCredentialsException("The key of the client certificate (" + key.getAlgorithm() + ") is not an RSA or EC key.");
    }

    private static Base64URL thumbprint(X509Certificate certificate) {
        try {
            return publicJwk(certificate).computeThumbprint();
        } catch (JOSEException e) {
            throw new InvalidClientCredentialsException("The key of the client certificate cannot be read: " + e.getMessage());
        }
    }

    private static Base64URL thumbprintOf(JWK key) {
        try {
            return key.toPublicJWK().computeThumbprint();
        } catch (JOSEException e) {
            return null;
        }
    }

    private static boolean sameDn(String registered, X500Principal subject) {
        try {
            return new X500Principal(registered).equals(subject);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasSan(X509Certificate certificate, int type, String registered) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (names == null) {
            return false;
        }
        return names.stream().filter(name -> Objects.equals(name.get(0), type))
                .map(name -> String.valueOf(name.get(1)))
                .anyMatch(value -> type == 7 ? sameAddress(value, registered) : value.equalsIgnoreCase(registered));
    }

    /** IP addresses compared as addresses ({@code ::1} is {@code 0:0:0:0:0:0:0:1}); only literals, never a lookup. */
    private static boolean sameAddress(String a, String b) {
        if (!isLiteral(a) || !isLiteral(b)) {
            return a.equalsIgnoreCase(b);
        }
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLiteral(String address) {
        return address.matches("[0-9.]+") || address.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    }
}
