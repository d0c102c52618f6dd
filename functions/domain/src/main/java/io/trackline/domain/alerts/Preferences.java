package io.trackline.domain.alerts;

import io.trackline.domain.Language;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one customer wants to hear about, and how. No stored preferences means {@link #defaults()}: SMS on, email off,
 * the default alerts, no quiet hours, no language (README, "Data model"). Without a language, alerts are in English and
 * their links name none, so the page follows the browser.
 */
public record Preferences(Set<Channel> channels, Set<Trigger> alerts, Optional<QuietHours> quietHours, ZoneId timeZone,
                          Optional<Language> language) {
    /** PRODUCT.md §5: what a customer is told when they have said nothing. */
    public static final Set<Trigger> DEFAULT_ALERTS = Set.copyOf(EnumSet.of(
            Trigger.OUT_FOR_DELIVERY, Trigger.DELIVERED, Trigger.DELIVERY_ATTEMPTED, Trigger.AVAILABLE_FOR_PICKUP,
            Trigger.EXCEPTION, Trigger.DELAYED, Trigger.LOST, Trigger.RETURN_TO_SENDER, Trigger.RETURNED));

    private static final Preferences DEFAULTS =
            new Preferences(Set.of(Channel.SMS), DEFAULT_ALERTS, Optional.empty(), ZoneOffset.UTC, Optional.empty());

    public Preferences {
        channels = Set.copyOf(channels);
        alerts = Set.copyOf(alerts);
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(language, "language");
    }

    public static Preferences defaults() {
        return DEFAULTS;
    }

    public boolean wants(Channel channel) {
        return channels.contains(channel);
    }

    public boolean wants(Trigger trigger) {
        return alerts.contains(trigger);
    }
}
