package io.trackline.api.application.preferences;

/** Email alerts for one customer: a subscription of their address that receives only their messages. */
public interface EmailSubscriptions {
    /** @return the subscription's id (pending until the customer confirms it from the email) */
    String subscribe(String customerId, String email);

    void unsubscribe(String subscriptionId);
}
