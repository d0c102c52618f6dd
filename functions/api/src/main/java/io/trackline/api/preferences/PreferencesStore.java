package io.trackline.api.preferences;

import java.util.Optional;

/** Where each customer's notification preferences live. */
public interface PreferencesStore {
    Optional<NotificationPreferences> find(String customerId);

    void save(String customerId, NotificationPreferences preferences);
}
