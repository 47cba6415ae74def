package io.github.authletetestkit.mock.internal.store;

import java.util.Optional;

/** Authorization codes, each redeemed once. */
public interface CodeStore {

    void putCode(AuthorizationCode code);

    Optional<AuthorizationCode> code(String code);

    /** Consumes exactly this code record; false when another caller consumed it first. */
    boolean consumeCode(AuthorizationCode code);
}
