package io.trackline.domain.webhooks;

import java.time.Instant;

/**
 * One delivery attempt as the client sees it in {@code GET …/deliveries}.
 *
 * @param statusCode      the receiver's HTTP status; absent when no response came (timeout, refused, unsafe address)
 * @param error           why it failed without a response
 * @param responseExcerpt the start of the response body, at most {@link #EXCERPT_LIMIT} characters
 * @param nextAttemptAt   when it is tried again; absent after a success or when given up
 */
public record Attempt(String endpointId, String eventId, EventType type, int attempt, Instant at, Integer statusCode,
                      long durationMs, String error, String responseExcerpt, Instant nextAttemptAt) {
    public static final int EXCERPT_LIMIT = 1024;

    public Attempt {
        if (responseExcerpt != null && responseExcerpt.length() > EXCERPT_LIMIT) {
            responseExcerpt = responseExcerpt.substring(0, EXCERPT_LIMIT);
        }
    }

    /** 2xx within the timeout. */
    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    public Attempt retriedAt(Instant next) {
        return new Attempt(endpointId, eventId, type, attempt, at, statusCode, durationMs, error, responseExcerpt, next);
    }
}
