package io.github.authletetestkit.mock.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every class the standalone start initialises early is still there: a dependency upgrade that renames one fails here. */
class ClassPreloadTest {

    @Test
    void everyListedClassExistsAndInitialises() throws Exception {
        assertThat(ClassPreload.initialiseAll()).isEqualTo(ClassPreload.CLASSES.size());

        Thread thread = ClassPreload.inBackground();
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(thread.isDaemon()).as("never keeps a JVM up").isTrue();
    }
}
