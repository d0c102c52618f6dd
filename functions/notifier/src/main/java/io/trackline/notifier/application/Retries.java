package io.trackline.notifier.application;

import java.time.Instant;

/** Port: make a message that must be retried come back no earlier than a given time (the end of a live claim's lease). */
public interface Retries {
    Retries IMMEDIATE = (request, notBefore) -> { };

    void notBefore(AlertRequest request, Instant notBefore);
}
