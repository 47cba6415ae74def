package io.github.authletetestkit.mock.internal.api;

/** Answers one Authlete operation. */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(ApiCall call);
}
