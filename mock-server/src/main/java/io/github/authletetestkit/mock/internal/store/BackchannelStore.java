package io.github.authletetestkit.mock.internal.store;

import java.util.Optional;

/** CIBA backchannel authentication requests, by ticket and, once issued, by {@code auth_req_id}. */
public interface BackchannelStore {

    void putBackchannelRequest(BackchannelRequest request);

    Optional<BackchannelRequest> backchannelRequest(String ticket);

    Optional<BackchannelRequest> backchannelRequestByAuthReqId(String authReqId);

    /**
     * Replaces exactly this record (issue, decision, a poll's timestamp); false when it changed or went
     * meanwhile. A newly issued {@code auth_req_id} becomes findable.
     */
    boolean replaceBackchannelRequest(BackchannelRequest current, BackchannelRequest updated);

    /** Takes exactly this record out (tokens issued or delivered); false when a concurrent caller took or changed it. */
    boolean consumeBackchannelRequest(BackchannelRequest request);

    /** Takes the request of a ticket out, whatever its state (the service reported a failure). */
    Optional<BackchannelRequest> removeBackchannelRequest(String ticket);
}
