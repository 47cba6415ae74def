package io.github.authletetestkit.mock;

import java.util.List;

/** A response the mock wrote (or was about to write) that does not conform to the spec. */
public record SpecViolation(String operationId, String method, String path, int status, List<String> findings) {

    @Override
    public String toString() {
        return method + " " + path + " (" + operationId + ") -> " + status + ": " + String.join("; ", findings);
    }
}
