package io.github.authletetestkit.mock.internal.store;

import java.util.Optional;

/** Device authorization requests (RFC 8628), by device code and, while the end-user's decision is awaited, by user code. */
public interface DeviceFlowStore {

    /** Stores a new device authorization; false, storing nothing, when its user code is already in use (the caller draws another). */
    boolean putDeviceAuthorization(DeviceAuthorization authorization);

    Optional<DeviceAuthorization> deviceAuthorization(String deviceCode);

    /** The device authorization a user code still stands for: empty once the end-user's decision was reported. */
    Optional<DeviceAuthorization> deviceAuthorizationByUserCode(String userCode);

    /**
     * Records the end-user's decision under a user code, which is good for one decision: empty when the
     * user code is unknown or a concurrent caller reported a decision first.
     */
    Optional<DeviceAuthorization> decideDeviceAuthorization(String userCode, EndUserDecision decision);

    /** Replaces exactly this record (a poll's timestamp); false when it changed or went meanwhile. */
    boolean replaceDeviceAuthorization(DeviceAuthorization current, DeviceAuthorization updated);

    /** Takes exactly this record out (its tokens are being issued); false when a concurrent caller took or changed it. */
    boolean consumeDeviceAuthorization(DeviceAuthorization authorization);
}
