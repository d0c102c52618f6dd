package io.trackline.hooks.application;

import io.trackline.aws.log.Log;
import io.trackline.domain.webhooks.Attempt;
import io.trackline.domain.webhooks.RetrySchedule;
import io.trackline.domain.webhooks.WebhookEndpoint;
import io.trackline.domain.webhooks.port.DeliveryLog;
import io.trackline.domain.webhooks.port.WebhookEndpoints;
import io.trackline.domain.webhooks.usecase.AttemptDelivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Attempts a batch of deliveries at once, each on a virtual thread of its own, so one slow receiver (up to the 10 s
 * timeout) delays no other. Every attempt is logged. A failed one comes back after the {@link RetrySchedule}'s delay;
 * one still failing 72 hours after it was queued is given up, and its endpoint disabled with the reason and the
 * operators told. Deliveries to a deleted or disabled endpoint are dropped: they stay in the delivery log, so a replay
 * after re-enabling sends them.
 */
public final class DeliverWebhooks {
    private static final Log LOG = Log.of(DeliverWebhooks.class);

    private final WebhookEndpoints endpoints;
    private final DeliveryLog log;
    private final AttemptDelivery attempts;
    private final RetrySchedule schedule;
    private final Retries retries;
    private final Operations operations;
    private final Clock clock;

    public DeliverWebhooks(WebhookEndpoints endpoints, DeliveryLog log, AttemptDelivery attempts, RetrySchedule schedule,
                           Retries retries, Operations operations, Clock clock) {
        this.endpoints = endpoints;
        this.log = log;
        this.attempts = attempts;
        this.schedule = schedule;
        this.retries = retries;
        this.operations = operations;
        this.clock = clock;
    }

    /** @return the message ids to hand back to the queue for a later attempt */
    public List<String> handle(List<DeliveryRequest> requests) {
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            for (DeliveryRequest request : requests) outcomes.add(each.submit(() -> done(request)));
        }
        List<String> retry = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (!Boolean.TRUE.equals(result(outcomes.get(i), requests.get(i)))) retry.add(requests.get(i).messageId());
        }
        return retry;
    }

    /** Whether the request is finished with (delivered, given up or dropped), rather than to be retried. */
    private boolean done(DeliveryRequest request) {
        var delivery = request.delivery();
        Optional<WebhookEndpoint> found = endpoints.find(delivery.tenantId(), delivery.endpointId());
        if (found.isEmpty() || !found.get().receives(delivery.type())) {
            LOG.info("delivery dropped: the endpoint is deleted, disabled or no longer subscribed", "endpointId",
                    delivery.endpointId(), "eventId", delivery.eventId());
            return true;
        }
        WebhookEndpoint endpoint = found.get();
        Attempt attempt = attempts.attempt(endpoint, delivery, request.attempt());
        if (attempt.succeeded()) {
            log.record(attempt);
            return true;
        }
        Optional<Instant> next = schedule.nextAttempt(request.attempt(), request.queuedAt(), attempt.at());
        log.record(next.map(attempt::retriedAt).orElse(attempt));
        LOG.warn("delivery failed", "endpointId", endpoint.id(), "url", endpoint.loggableUrl(), "eventId", delivery.eventId(),
                "attempt", request.attempt(), "statusCode", attempt.statusCode(), "error", attempt.error(),
                "nextAttemptAt", next.map(Instant::toString).orElse("given up"));
        if (next.isPresent()) {
            retries.notBefore(request, next.get());
            return false;
        }
        disable(endpoint, request);
        return true;
    }

    private void disable(WebhookEndpoint endpoint, DeliveryRequest request) {
        String reason = "deliveries failed for " + schedule.giveUpAfter().toHours() + " hours (event "
                + request.delivery().eventId() + ", queued " + request.queuedAt() + ")";
        try {
            WebhookEndpoint disabled = endpoints.save(endpoint.disabledBecause(reason, clock.instant()));
            operations.endpointDisabled(disabled);
        } catch (WebhookEndpoints.EndpointChangedException changedMeanwhile) {
            // the client changed it (or another delivery disabled it) since it was read: their version stands
        }
    }

    private static Boolean result(Future<Boolean> outcome, DeliveryRequest request) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            LOG.error("delivery not handled", "messageId", request.messageId(), "error",
                    e.getCause().getClass().getSimpleName(), "detail", e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
