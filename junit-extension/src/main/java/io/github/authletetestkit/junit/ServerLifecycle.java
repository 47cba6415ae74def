package io.github.authletetestkit.junit;

/** How long one mock server lives. */
public enum ServerLifecycle {

    /**
     * One server for the test class (and its {@code @Nested} classes), back to its baseline before each
     * test: cheap, and the default. Tests that share the server run one at a time, even when JUnit runs the
     * methods of a class concurrently.
     */
    PER_CLASS,

    /** A fresh server for every test method, stopped after it: for tests that must not share even a port. */
    PER_METHOD
}
