package io.github.authletetestkit.mock.model;

/** A scope a service supports: {@code supportedScopes[]} of the service. */
public record ScopeDefinition(String name, boolean defaultEntry) {}
