package io.github.authletetestkit.mock.internal.state;

import io.github.authletetestkit.mock.internal.store.ApiCredential;
import io.github.authletetestkit.mock.internal.store.ServiceState;
import java.util.List;

/**
 * A validated seed, built into new objects that no request has seen yet, ready to replace a store's content.
 *
 * @param services    the seed's services; empty when the seed defines none
 * @param credentials the seed's service and organization tokens
 * @param clock       where the mock clock stands, or null for real time
 */
public record Seed(List<ServiceState> services, List<ApiCredential> credentials, ClockSetting clock) {}
