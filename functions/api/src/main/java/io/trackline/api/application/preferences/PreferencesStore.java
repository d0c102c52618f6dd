package io.trackline.api.application.preferences;

import java.util.Optional;

/** Where each customer's notification preferences live. */
public interface PreferencesStore {
    Optional<NotificationPreferences> find(String customerId);

    void save(String customerId, NotificationPreferences preferences);

    /**
     * Counts one email subscription for the customer on the UTC day of {@code now}, if the day's cap allows another.
     *
     * @return false, counting nothing, when the customer already used the day's subscriptions
     */
    boolean countEmailSubscription(String customerId, java.time.Instant now);
}
