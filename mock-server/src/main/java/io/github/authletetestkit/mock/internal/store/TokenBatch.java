package io.github.authletetestkit.mock.internal.store;

import java.time.Instant;

/** The outcome of a batch of token creations, kept for {@code /auth/token/create/batch/status}. */
public record TokenBatch(String requestId, boolean succeeded, String errorCode, String errorDescription, int tokenCount,
                         Instant createdAt) {}
