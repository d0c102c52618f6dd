package io.trackline.hooks.application;

import io.trackline.domain.webhooks.Delivery;

import java.time.Instant;

/**
 * A delivery as the queue handed it over.
 *
 * @param messageId     what the handler reports as failed for a retry
 * @param receiptHandle what a retry is deferred with
 * @param queuedAt      when it was first queued: its retries count their 72 hours from here
 * @param attempt       this attempt's number, from 1 (the queue's receive count)
 */
public record DeliveryRequest(String messageId, String receiptHandle, Delivery delivery, Instant queuedAt, int attempt) {
}
