package io.trackline.notifier.application;

import io.trackline.domain.alerts.Channel;
import io.trackline.domain.alerts.EmailAddress;
import io.trackline.domain.alerts.PhoneNumber;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the notifier reads about a shipment in one query: contact, whether it ended, its latest ETA, its newest scans
 * (for the email's history) and the alerts already decided for it.
 */
public record ShipmentSnapshot(String shipmentId, Optional<String> customerId, Optional<PhoneNumber> phone,
                               Optional<EmailAddress> email, boolean terminal, Optional<LocalDate> eta,
                               List<ScanLine> recentScans, List<PastAlert> pastAlerts) {

    public static ShipmentSnapshot unknown(String shipmentId) {
        return new ShipmentSnapshot(shipmentId, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), List.of(), List.of());
    }

    /** Once-keys already sent on a channel. */
    public Set<String> alreadyAlerted(Channel channel) {
        return pastAlerts.stream()
                .filter(alert -> alert.channel() == channel && alert.state() == NotificationState.SENT && alert.onceKey() != null)
                .map(PastAlert::onceKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** One scan as the email shows it. */
    public record ScanLine(String occurredAt, String status, String description, String city) {
    }

    /** One earlier notification decision. */
    public record PastAlert(Channel channel, String onceKey, NotificationState state) {
    }
}
