package io.github.authletetestkit.contract.internal.target;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/** Whether a target's host answers at all, checked once before a run so that a wrong URL is one clear line. */
public final class Reachability {

    static final int TIMEOUT_MILLIS = 5_000;

    private Reachability() {}

    /** Why {@code baseUrl} cannot be reached (a TCP connection to its host and port fails); empty when it can. */
    public static Optional<String> problem(String baseUrl) {
        URI uri = URI.create(baseUrl);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), TIMEOUT_MILLIS);
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("Cannot reach " + baseUrl + ": unknown host " + uri.getHost());
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of("Cannot reach " + baseUrl + ": " + reason.toLowerCase(java.util.Locale.ROOT)
                    + " (is the mock or the service running there?)");
        }
    }
}
