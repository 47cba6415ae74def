package io.github.authletetestkit.contract.internal.report;

import io.github.authletetestkit.flows.internal.Flow;

/** Told about each flow of a run as it starts and ends: the progress line. */
public interface ProgressListener {

    default void started(int index, int total, Flow flow) {
    }

    default void finished(int index, int total, FlowResult result) {
    }
}
