package io.trackline.webhook.application;

import io.trackline.webhook.application.WebhookRequest;

import java.time.Instant;
import java.util.List;

/**
 * One sender of webhooks (a carrier aggregator, or our own native format). Each source owns its signature scheme, its
 * parser and its status mapping table.
 */
public interface WebhookSource {
    /** The path segment of {@code POST /v1/webhooks/{source}}. */
    String name();

    /**
     * Checks the signature over the raw body bytes against any of the active secrets.
     *
     * @throws io.trackline.webhook.application.WebhookRejected 401 when no secret verifies it
     */
    void verify(WebhookRequest request, List<String> secrets, Instant now);

    /**
     * Reads a verified body into canonical scans.
     *
     * @throws io.trackline.webhook.application.WebhookRejected 400 naming the offending field
     */
    SourceDelivery parse(WebhookRequest request);
}
