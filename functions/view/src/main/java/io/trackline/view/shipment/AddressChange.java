package io.trackline.view.shipment;

import java.time.Instant;

/** A customer's change of the delivery address, kept on the shipment with the address it replaced. */
public record AddressChange(Instant changedAt, Address previous) {
}
