package io.github.authletetestkit.mock.internal.oauth;

import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Where one mock's random values come from: the JVM's {@link SecureRandom} (the default), or, in deterministic mode,
 * streams derived from a seed, so that the same calls in the same order give the same identifiers, secrets, tickets,
 * codes, tokens, keys and signatures.
 *
 * <p>In deterministic mode call number {@code n} (counted from the start or the last {@link #restart()}) draws from
 * its own stream, derived from the seed and {@code n}. Calls made one after the other are therefore reproducible;
 * calls made concurrently are reproducible only in the order they reached the mock.
 */
public final class RandomSource {

    /** The keys a deterministic seed gives its default service, made once per seed and JVM (RSA takes a while). */
    private static final Map<Long, JWKSet> KEYS_BY_SEED = new ConcurrentHashMap<>();

    private final Long seed;
    private final AtomicLong calls = new AtomicLong();

    private RandomSource(Long seed) {
        this.seed = seed;
    }

    /** Values from the JVM's {@link SecureRandom}: different on every run. */
    public static RandomSource secure() {
        return new RandomSource(null);
    }

    /** Values derived from {@code seed}: the same on every run for the same calls in the same order. */
    public static RandomSource deterministic(long seed) {
        return new RandomSource(seed);
    }

    /** The seed of a deterministic source; empty for a secure one. */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    public boolean isDeterministic() {
        return seed != null;
    }

    /** Runs the handling of one call with this source bound ({@link RandomValues#using}): the next stream, in deterministic mode. */
    public <T> T aroundCall(Supplier<T> work) {
        return seed == null ? RandomValues.using(null, work) : RandomValues.using(stream("call:" + calls.getAndIncrement()), work);
    }

    /** Runs the loading of a seed or state (seeded clients get secrets) with this source bound. */
    public <T> T aroundSetup(Supplier<T> work) {
        return seed == null ? RandomValues.using(null, work) : RandomValues.using(stream("setup"), work);
    }

    /** Starts the sequence of calls again: after a reset, the same calls give the same values once more. */
    public void restart() {
        calls.set(0);
    }

    /**
     * The signing keys of a default service: the JVM's shared random keys (named now, generated on first use), or,
     * in deterministic mode, keys derived from the seed (the same for the same seed), made now.
     */
    public DeferredSigningKeys defaultSigningKeys() {
        if (seed == null) {
            return Jwks.sharedDeferredKeys(); // generated on first use: most of a first start otherwise
        }
        return DeferredSigningKeys.of(KEYS_BY_SEED.computeIfAbsent(seed, s -> RandomValues.using(stream("keys"), Jwks::generateSigningKeys)));
    }

    /**
     * A stream of its own for {@code label}: SHA1PRNG seeded before its first use produces a sequence that depends
     * on the seed bytes only (the same on every JVM with the SUN provider).
     */
    private SecureRandom stream(String label) {
        try {
            byte[] material = MessageDigest.getInstance("SHA-256")
                    .digest(("authlete-testkit:" + seed + ":" + label).getBytes(StandardCharsets.UTF_8));
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG", "SUN");
            random.setSeed(material);
            return random;
        } catch (NoSuchAlgorithmException | java.security.NoSuchProviderException e) {
            throw new IllegalStateException("The JDK lacks SHA-256 or SHA1PRNG, which every Java SE platform provides", e);
        }
    }
}
