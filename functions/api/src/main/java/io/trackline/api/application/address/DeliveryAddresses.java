package io.trackline.api.application.address;

import io.trackline.view.shipment.Address;
import io.trackline.view.shipment.AddressChange;

/** Writes a new delivery address onto a shipment. */
public interface DeliveryAddresses {
    /**
     * Replaces the address and appends {@code change} to the shipment's address history, only if the shipment still has
     * {@code expectedVersion}, still belongs to {@code customerId} and the carrier does not have it yet; bumps the version,
     * so a processor writing on the old version retries rather than overwriting the change.
     *
     * @return false when any of those conditions no longer holds (nothing was written)
     */
    boolean change(String shipmentId, String customerId, long expectedVersion, Address address, AddressChange change);
}
