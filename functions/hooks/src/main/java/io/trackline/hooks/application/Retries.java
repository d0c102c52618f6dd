package io.trackline.hooks.application;

import java.time.Instant;

/** Port: make a failed delivery come back from the queue at a given time, not before. */
public interface Retries {
    void notBefore(DeliveryRequest request, Instant at);
}
