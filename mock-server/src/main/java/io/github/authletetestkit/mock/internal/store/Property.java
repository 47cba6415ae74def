package io.github.authletetestkit.mock.internal.store;

/** An extra property attached to a grant; hidden ones never reach the client, only the resource server. */
public record Property(String key, String value, boolean hidden) {}
