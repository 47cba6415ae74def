package io.github.authletetestkit.mock.internal.store;

import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Read, change, compare-and-replace — the one way a store applies a caller's change to a record atomically. */
final class AtomicChange {

    private AtomicChange() {}

    /**
     * Reads, changes and compare-and-replaces until no concurrent change intervenes; empty when there is
     * nothing to change (read gives null), so that a change racing a removal never brings the record back.
     */
    static <T> Optional<T> apply(Supplier<T> read, UnaryOperator<T> change, BiPredicate<T, T> replace) {
        while (true) {
            T current = read.get();
            if (current == null) {
                return Optional.empty();
            }
            T updated = change.apply(current);
            if (replace.test(current, updated)) {
                return Optional.of(updated);
            }
        }
    }
}
