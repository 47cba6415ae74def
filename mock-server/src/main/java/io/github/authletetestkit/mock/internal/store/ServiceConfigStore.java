package io.github.authletetestkit.mock.internal.store;

import io.github.authletetestkit.mock.model.ServiceConfig;
import java.util.function.UnaryOperator;

/** A service's own configuration. */
public interface ServiceConfigStore {

    long serviceId();

    ServiceConfig config();

    /** Compare-and-replace: sets {@code updated} only while the configuration is still {@code current}. */
    boolean replaceConfig(ServiceConfig current, ServiceConfig updated);

    /** Sets the configuration, whatever it was (seeding and baselines); see {@link #changeConfig} for an update. */
    void updateConfig(ServiceConfig newConfig);

    /** Applies {@code change} to the configuration atomically (retried when a concurrent change won); the new configuration. */
    default ServiceConfig changeConfig(UnaryOperator<ServiceConfig> change) {
        return AtomicChange.apply(this::config, change, this::replaceConfig).orElseThrow();
    }
}
