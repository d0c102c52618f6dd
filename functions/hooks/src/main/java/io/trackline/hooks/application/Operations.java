package io.trackline.hooks.application;

import io.trackline.domain.webhooks.WebhookEndpoint;

/** Port: tells the operators (OperationsTopic) that Trackline disabled an endpoint. */
public interface Operations {
    void endpointDisabled(WebhookEndpoint endpoint);
}
