package io.github.authletetestkit.mock.internal.store.redis;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * One mock deployment's connection to Redis: a pooled client, the key prefix every key of the deployment starts
 * with ({@code atk:<deployment>:}), and the scripts, run by their SHA-1 once Redis has them.
 */
public final class RedisConnection implements AutoCloseable {

    private final JedisPooled redis;
    private final String prefix;
    private final Map<String, String> shaByScript = new ConcurrentHashMap<>();

    private RedisConnection(JedisPooled redis, String deployment) {
        this.redis = redis;
        this.prefix = "atk:" + deployment + ":";
    }

    /**
     * Connects to {@code redis://[user:password@]host:port[/db][?deployment=name]}. Replicas that share a deployment
     * name (default {@code default}) share their state; other names on the same Redis stay apart.
     */
    public static RedisConnection open(URI uri) {
        if (uri == null || !"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("a Redis store is given as redis://host:port[/db][?deployment=name], not " + uri);
        }
        String deployment = deployment(uri.getQuery());
        URI connectionUri = URI.create(uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                + uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath()));
        // enough connections for a mock under load (the default pool of 8 would queue its request threads)
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(64);
        pool.setMaxIdle(64);
        RedisConnection connection = new RedisConnection(new JedisPooled(pool, connectionUri), deployment);
        try {
            connection.redis.ping();
        } catch (RuntimeException unreachable) {
            connection.close();
            throw new IllegalStateException("cannot reach Redis at " + uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort())
                    + ": " + unreachable.getMessage(), unreachable);
        }
        return connection;
    }

    private static String deployment(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("deployment=") && pair.length() > "deployment=".length()) {
                    String name = pair.substring("deployment=".length());
                    if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                        throw new IllegalArgumentException("a deployment name is 1 to 64 letters, digits, '.', '_' or '-': " + name);
                    }
                    return name;
                }
            }
        }
        return "default";
    }

    JedisPooled redis() {
        return redis;
    }

    /** A key of this deployment. */
    String key(String suffix) {
        return prefix + suffix;
    }

    /** The prefix of every key of this deployment. */
    String prefix() {
        return prefix;
    }

    /** Runs a script of {@link Scripts}, loading it into Redis the first time (and again after a Redis restart). */
    Object run(String script, List<String> keys, List<String> args) {
        String sha = shaByScript.computeIfAbsent(script, RedisConnection::sha1);
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException notLoaded) {
            return redis.eval(script, keys, args);
        }
    }

    long runForNumber(String script, List<String> keys, List<String> args) {
        return (Long) run(script, keys, args);
    }

    /** Whether Redis answers. */
    public boolean ping() {
        return "PONG".equals(redis.ping());
    }

    /** Deletes every key of this deployment. */
    void deleteAll() {
        deleteMatching(prefix);
    }

    /** Deletes every key that starts with {@code keyPrefix}. */
    void deleteMatching(String keyPrefix) {
        ScanParams match = new ScanParams().match(keyPrefix.replaceAll("([\\[\\]*?{}\\\\])", "\\\\$1") + "*").count(500);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, match);
            if (!page.getResult().isEmpty()) {
                redis.unlink(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
