package io.trackline.notifier.application;

import io.trackline.domain.alerts.ShipmentEvent;

/**
 * Port: the words of an alert (the templates). The use case depends on this, not on the templates, so the templates
 * package uses the application's types without a package cycle.
 */
public interface AlertTexts {
    String sms(ShipmentEvent event, ShipmentSnapshot shipment);

    EmailSender.EmailMessage email(ShipmentEvent event, ShipmentSnapshot shipment);
}
