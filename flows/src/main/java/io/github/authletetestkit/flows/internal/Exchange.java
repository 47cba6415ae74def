package io.github.authletetestkit.flows.internal;

import java.time.Duration;

/**
 * A request and the final answer to it (after any 429 retries).
 *
 * @param retries how many times a 429 made the call repeat
 * @param waited  time spent pacing and backing off before the answer
 */
public record Exchange(ApiRequest request, ApiResponse response, Duration elapsed, int retries, Duration waited) {
}
