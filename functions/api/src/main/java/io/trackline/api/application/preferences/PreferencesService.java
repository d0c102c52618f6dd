package io.trackline.api.application.preferences;

import io.trackline.api.application.Refusal;
import io.trackline.aws.log.Log;

import java.time.Clock;
import java.util.Optional;

/**
 * Reads and replaces a customer's notification preferences; turning email on or off (un)subscribes their address. Each
 * subscription mails a confirmation request, so at most {@code EMAIL_SUBSCRIPTIONS_DAILY_CAP_PER_CUSTOMER} a UTC day;
 * turning email off is never refused.
 */
public final class PreferencesService {
    private static final Log LOG = Log.of(PreferencesService.class);
    private final PreferencesStore store;
    private final EmailSubscriptions subscriptions;
    private final Clock clock;

    public PreferencesService(PreferencesStore store, EmailSubscriptions subscriptions, Clock clock) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    public NotificationPreferences of(String customerId) {
        return store.find(customerId).orElse(NotificationPreferences.DEFAULTS);
    }

    /** @param email the address for email alerts: from the body, else the token's email claim */
    public NotificationPreferences replace(String customerId, NotificationPreferences wanted, Optional<String> email) {
        String arn = of(customerId).emailSubscriptionArn();
        String newArn = arn;
        if (wanted.emailOn() && arn == null) {
            String address = email.orElseThrow(() -> Refusal.invalid("email",
                    "Give an email address (or sign in with one) to turn email alerts on."));
            // Each subscription mails a confirmation request: churn on and off must not become a mail cannon.
            if (!store.countEmailSubscription(customerId, clock.instant())) {
                throw Refusal.dailyLimitReached("Email alerts were turned on too often today; try again tomorrow (UTC).",
                        untilNextUtcDay());
            }
            newArn = subscriptions.subscribe(customerId, address);
        }
        NotificationPreferences saved = wanted.withSubscription(wanted.emailOn() ? newArn : null, clock.instant());
        try {
            store.save(customerId, saved);
        } catch (RuntimeException e) {
            if (newArn != null && !newArn.equals(arn)) subscriptions.unsubscribe(newArn);
            throw e;
        }
        if (!wanted.emailOn() && arn != null) {
            // After the save: if this failed, the preferences already say "off" and the notifier publishes nothing.
            try {
                subscriptions.unsubscribe(arn);
            } catch (RuntimeException e) {
                LOG.warn("email subscription left behind", "customerId", customerId, "error", e.getClass().getSimpleName());
            }
        }
        return saved;
    }

    private int untilNextUtcDay() {
        java.time.Instant now = clock.instant();
        java.time.Instant midnight = now.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        return (int) Math.max(1, java.time.Duration.between(now, midnight).toSeconds());
    }
}
