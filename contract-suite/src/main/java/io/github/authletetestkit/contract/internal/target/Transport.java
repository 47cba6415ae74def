package io.github.authletetestkit.contract.internal.target;

import io.github.authletetestkit.flows.internal.ApiRequest;
import io.github.authletetestkit.flows.internal.ApiResponse;
import java.io.IOException;

/** Sends one request to a base URL and returns the answer: the only place that speaks HTTP. */
public interface Transport {

    /**
     * @param bearerToken the token for the {@code Authorization: Bearer} header, or {@code null} for none
     */
    ApiResponse send(ApiRequest request, String bearerToken) throws IOException, InterruptedException;
}
