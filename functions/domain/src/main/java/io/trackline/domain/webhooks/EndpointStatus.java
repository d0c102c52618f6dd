package io.trackline.domain.webhooks;

/** Whether an endpoint receives deliveries. Trackline disables one after 72 hours of failed deliveries. */
public enum EndpointStatus {
    ENABLED, DISABLED
}
