package io.trackline.domain.alerts;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Everything the policy needs to decide one alert on one channel.
 *
 * @param reachable        the channel has a usable address (E.164 phone, or an email subscription)
 * @param shipmentTerminal the shipment has ended, as stored now
 * @param alreadyAlerted   once-keys already sent on this channel for this shipment
 * @param optedOut         asked only when an SMS would otherwise go out now (it may cost a call to the SMS service)
 * @param heldSince        when the alert was first held for quiet hours, or null: staleness is judged at that moment
 */
public record AlertSituation(ShipmentEvent event, Channel channel, Preferences preferences, boolean reachable,
                             boolean shipmentTerminal, Set<String> alreadyAlerted, BooleanSupplier optedOut,
                             Instant now, Instant heldSince) {
    public AlertSituation {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(alreadyAlerted, "alreadyAlerted");
        Objects.requireNonNull(optedOut, "optedOut");
        Objects.requireNonNull(now, "now");
    }
}
