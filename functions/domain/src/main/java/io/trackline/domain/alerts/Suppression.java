package io.trackline.domain.alerts;

/** Why an alert was not sent; stored as the notification's {@code reason}. */
public enum Suppression {
    /** The customer turned this alert off. */
    ALERT_OFF,
    /** No usable phone number (E.164) or email subscription for the channel. */
    NO_CONTACT,
    /** A scan after the shipment ended (delivered, returned, lost, cancelled). */
    POST_TERMINAL,
    /** The event happened more than a day before it could be sent. */
    STALE_EVENT,
    /** Already alerted: this exception reason, or this slip of the estimate. */
    ALREADY_ALERTED,
    /** The number replied STOP or is on the carrier opt-out list. */
    OPTED_OUT,
    /** The daily SMS cap for the shipment is used up. */
    SHIPMENT_DAILY_CAP,
    /** The daily SMS cap for the customer is used up. */
    CUSTOMER_DAILY_CAP,
    /** The daily SMS cap for the phone number is used up, whichever customers and shipments it was sent for. */
    PHONE_DAILY_CAP,
    /** The SMS or email service refused the message for good (e.g. an unreachable number). */
    REJECTED
}
