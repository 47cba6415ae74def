package io.github.authletetestkit.mock.internal.federation;

import com.nimbusds.jose.JWSObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a trust chain from a leaf's entity configuration as an OpenID Provider does when the relying party sends no
 * chain: each authority hint's entity configuration is fetched from {@code /.well-known/openid-federation}, and the
 * statement about the entity below from its {@code federation_fetch_endpoint}, up to one of the service's anchors.
 * The chain is then checked by {@link TrustChainVerifier}; this class only collects it.
 */
public final class TrustChainResolver {

    static final int MAX_DEPTH = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private TrustChainResolver() {}

    /** The statements from {@code leafConfiguration} up to one of {@code anchors}; the first path found wins. */
    public static List<String> resolve(String leafConfiguration, Set<String> anchors) {
        List<String> chain = path(leafConfiguration, anchors, 0);
        if (chain == null) {
            throw new TrustChainVerifier.InvalidTrustChainException("invalid_trust_chain",
                    "No trust chain leads from the entity's authority hints to a trust anchor of the service.");
        }
        return chain;
    }

    /** The rest of the chain above {@code configuration}, itself first; null when no hint leads to an anchor. */
    private static List<String> path(String configuration, Set<String> anchors, int depth) {
        Map<String, Object> claims = claims(configuration);
        String subject = (String) claims.get("sub");
        if (depth >= MAX_DEPTH || !(claims.get("authority_hints") instanceof List<?> hints)) {
            return null;
        }
        for (Object hint : hints) {
            String superior = String.valueOf(hint);
            String superiorConfiguration = fetch(superior.replaceAll("/+$", "") + "/.well-known/openid-federation");
            String statement = fetch(fetchEndpoint(superiorConfiguration, superior) + "?sub="
                    + URLEncoder.encode(subject, StandardCharsets.UTF_8));
            List<String> above = anchors.contains(superior) ? List.of(superiorConfiguration)
                    : path(superiorConfiguration, anchors, depth + 1);
            if (above != null) {
                List<String> chain = new ArrayList<>();
                chain.add(configuration);
                chain.add(statement);
                chain.addAll(above);
                return chain;
            }
        }
        return null;
    }

    private static String fetchEndpoint(String configuration, String entity) {
        if (claims(configuration).get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("federation_entity") instanceof Map<?, ?> federationEntity
                && federationEntity.get("federation_fetch_endpoint") instanceof String endpoint) {
            return endpoint;
        }
        throw new TrustChainVerifier.InvalidTrustChainException("invalid_trust_chain",
                "The superior '" + entity + "' publishes no federation_fetch_endpoint.");
    }

    private static Map<String, Object> claims(String jwt) {
        try {
            Map<String, Object> claims = JWSObject.parse(jwt).getPayload().toJSONObject();
            if (claims == null || !(claims.get("sub") instanceof String)) {
                throw new ParseException("no sub", 0);
            }
            return claims;
        } catch (ParseException e) {
            throw new TrustChainVerifier.InvalidTrustChainException("invalid_trust_chain",
                    "An entity statement on the way is not a signed JWT with a 'sub'.");
        }
    }

    private static String fetch(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return response.body().trim();
        } catch (IOException | IllegalArgumentException e) {
            throw new TrustChainVerifier.InvalidTrustChainException("invalid_trust_chain", "Cannot fetch " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrustChainVerifier.InvalidTrustChainException("invalid_trust_chain", "Interrupted while fetching " + url + ".");
        }
    }
}
