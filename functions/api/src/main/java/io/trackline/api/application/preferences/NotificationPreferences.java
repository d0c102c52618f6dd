package io.trackline.api.application.preferences;

import io.trackline.domain.Language;
import io.trackline.domain.alerts.Trigger;

import java.time.Instant;
import java.util.List;

/**
 * A customer's alert choices, item {@code PK=CUSTOMER#<customerId>, SK=PREFERENCES} shared with the notifier.
 * {@code quietHours} is null for none; {@code language} is null for none (English alerts, links without {@code lang});
 * {@code emailSubscriptionArn} is set while email is on.
 */
public record NotificationPreferences(List<String> channels, List<String> alerts, QuietHours quietHours, String timeZone,
                                      Language language, String emailSubscriptionArn, Instant updatedAt) {
    public static final String SMS = "SMS";
    public static final String EMAIL = "EMAIL";

    /** PRODUCT.md §5 defaults, and what a customer without a preferences item gets. */
    public static final NotificationPreferences DEFAULTS = new NotificationPreferences(List.of(SMS),
            List.of(Trigger.OUT_FOR_DELIVERY.name(), Trigger.DELIVERED.name(), Trigger.DELIVERY_ATTEMPTED.name(),
                    Trigger.AVAILABLE_FOR_PICKUP.name(), Trigger.EXCEPTION.name(), Trigger.DELAYED.name(),
                    Trigger.LOST.name(), Trigger.RETURN_TO_SENDER.name(), Trigger.RETURNED.name()),
            null, "UTC", null, null, null);

    public NotificationPreferences {
        channels = List.copyOf(channels);
        alerts = List.copyOf(alerts);
    }

    public boolean emailOn() {
        return channels.contains(EMAIL);
    }

    public NotificationPreferences withSubscription(String arn, Instant now) {
        return new NotificationPreferences(channels, alerts, quietHours, timeZone, language, arn, now);
    }

    /** {@code start} and {@code end} as "HH:mm" in {@code timeZone}; may wrap midnight (21:00 to 07:00). */
    public record QuietHours(String start, String end) {
    }
}
