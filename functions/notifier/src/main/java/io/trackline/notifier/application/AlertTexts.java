package io.trackline.notifier.application;

import io.trackline.domain.Language;
import io.trackline.domain.alerts.ShipmentEvent;

import java.util.Optional;

/**
 * Port: the words of an alert (the templates), in the language the customer's preferences name (none: English, and
 * a tracking link without {@code lang}). The use case depends on this, not on the templates, so the templates
 * package uses the application's types without a package cycle.
 */
public interface AlertTexts {
    String sms(ShipmentEvent event, ShipmentSnapshot shipment, Optional<Language> language);

    EmailSender.EmailMessage email(ShipmentEvent event, ShipmentSnapshot shipment, Optional<Language> language);
}
