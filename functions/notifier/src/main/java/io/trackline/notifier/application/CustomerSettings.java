package io.trackline.notifier.application;

import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.domain.alerts.Preferences;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Port: preferences of the customers and recorded STOPs of the numbers in one batch, read together once. */
public interface CustomerSettings {
    Loaded load(Set<String> customerIds, Set<PhoneNumber> phones);

    /** Customers without stored preferences are absent: they get the defaults. */
    record Loaded(Map<String, Preferences> preferences, Set<PhoneNumber> stopped) {
        public Loaded {
            preferences = Map.copyOf(preferences);
            stopped = Set.copyOf(stopped);
        }

        public Preferences preferencesOf(Optional<String> customerId) {
            return customerId.map(preferences::get).orElseGet(Preferences::defaults);
        }
    }
}
