package io.github.authletetestkit.contract.internal.check;

/** A finding and, when an {@link AllowList} entry covers it, that entry's reason (then it does not fail the run). */
public record CheckedFinding(Finding finding, String allowedBecause) {

    public boolean allowed() {
        return allowedBecause != null;
    }
}
