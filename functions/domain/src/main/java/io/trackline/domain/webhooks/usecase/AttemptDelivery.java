package io.trackline.domain.webhooks.usecase;

import io.trackline.domain.InvalidValueException;
import io.trackline.domain.webhooks.Attempt;
import io.trackline.domain.webhooks.Delivery;
import io.trackline.domain.webhooks.DestinationPolicy;
import io.trackline.domain.webhooks.StandardWebhooks;
import io.trackline.domain.webhooks.WebhookEndpoint;
import io.trackline.domain.webhooks.port.WebhookSender;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One attempt to deliver an event to an endpoint: the URL is checked again against the SSRF policy after resolving it
 * (the answer may have changed since registration: DNS rebinding), the body signed with the endpoint's active secrets
 * (two during a rotation's overlap), then POSTed to the checked addresses. Shared by the delivery function and the
 * API's test route.
 */
public final class AttemptDelivery {
    private final DestinationPolicy policy;
    private final WebhookSender sender;
    private final Clock clock;

    public AttemptDelivery(DestinationPolicy policy, WebhookSender sender, Clock clock) {
        this.policy = policy;
        this.sender = sender;
        this.clock = clock;
    }

    public Attempt attempt(WebhookEndpoint endpoint, Delivery delivery, int attempt) {
        Instant now = clock.instant();
        List<InetAddress> addresses;
        try {
            addresses = policy.addresses(endpoint.url());
        } catch (InvalidValueException e) {
            return new Attempt(endpoint.id(), delivery.eventId(), delivery.type(), attempt, now, null, 0,
                    "refused: " + e.getMessage(), null, null);
        }
        byte[] body = delivery.bodyBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put(StandardWebhooks.ID, delivery.webhookId());
        headers.put(StandardWebhooks.TIMESTAMP, Long.toString(now.getEpochSecond()));
        headers.put(StandardWebhooks.SIGNATURE, StandardWebhooks.signatures(endpoint.secrets().active(now),
                delivery.webhookId(), now.getEpochSecond(), body));
        WebhookSender.Response response = sender.send(endpoint.url(), addresses, headers, body);
        return new Attempt(endpoint.id(), delivery.eventId(), delivery.type(), attempt, now, response.statusCode(),
                response.durationMs(), response.error(), response.excerpt(), null);
    }
}
