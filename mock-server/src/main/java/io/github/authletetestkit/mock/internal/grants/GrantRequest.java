package io.github.authletetestkit.mock.internal.grants;

/**
 * An accepted {@code grant_management_action} and the {@code grant_id} it applies to (null for create):
 * carried from the authorization request to the token exchange, where it takes effect.
 */
public record GrantRequest(GrantAction action, String grantId) {}
