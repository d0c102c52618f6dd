package io.trackline.domain.alerts;

/** How a customer is reached. */
public enum Channel {
    SMS, EMAIL
}
