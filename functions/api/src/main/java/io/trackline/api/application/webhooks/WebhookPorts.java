package io.trackline.api.application.webhooks;

import io.trackline.domain.webhooks.DestinationPolicy;
import io.trackline.domain.webhooks.port.DeliveryLog;
import io.trackline.domain.webhooks.port.DeliveryQueue;
import io.trackline.domain.webhooks.port.WebhookEndpoints;
import io.trackline.domain.webhooks.port.WebhookSender;

/** What the webhook-endpoint routes talk to: the endpoint store, the delivery log and queue, the SSRF policy, the sender. */
public record WebhookPorts(WebhookEndpoints endpoints, DeliveryLog log, DeliveryQueue queue, DestinationPolicy policy,
                           WebhookSender sender) {
}
