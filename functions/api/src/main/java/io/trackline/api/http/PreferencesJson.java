package io.trackline.api.http;

import io.trackline.api.application.preferences.NotificationPreferences;

import java.util.List;

/**
 * Preferences as the customer sees them; the subscription id stays internal, {@code emailSubscribed} says whether one
 * exists (pending or confirmed); {@code language} is a tag or {@code null} for none.
 */
public record PreferencesJson(List<String> channels, List<String> alerts, NotificationPreferences.QuietHours quietHours,
                              String timeZone, String language, boolean emailSubscribed, String updatedAt) {
    public static PreferencesJson of(NotificationPreferences p) {
        return new PreferencesJson(p.channels(), p.alerts(), p.quietHours(), p.timeZone(),
                p.language() == null ? null : p.language().tag(), p.emailSubscriptionArn() != null,
                p.updatedAt() == null ? null : p.updatedAt().toString());
    }
}
