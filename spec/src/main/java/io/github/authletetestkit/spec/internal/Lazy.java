package io.github.authletetestkit.spec.internal;

import java.util.Objects;
import java.util.function.Supplier;

/** A value computed on first {@link #get()} and kept; concurrent first callers wait for the one computation. */
final class Lazy<T> implements Supplier<T> {

    private Supplier<? extends T> compute;
    private volatile T value;

    Lazy(Supplier<? extends T> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = Objects.requireNonNull(compute.get(), "lazy value");
                    value = result;
                    compute = null;
                }
            }
        }
        return result;
    }
}
