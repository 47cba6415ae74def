package io.github.authletetestkit.benchmarks;

/** Something that answers a code flow: started once, then each caller thread gets a {@link Caller} of its own. */
interface FlowTarget extends AutoCloseable {

    String name();

    void start() throws Exception;

    /** A caller's state (its client, say); set up before the clock starts. */
    Caller caller(int index) throws Exception;

    @Override
    void close();

    /** Runs one whole flow; throws when an answer is not the expected one. */
    interface Caller {
        void flow();
    }
}
