package io.trackline.domain.shipment.port;

import io.trackline.domain.shipment.Registration;

/** The tenant's order holds {@link Registration#MAX_SHIPMENTS_PER_ORDER} shipments already. */
public final class OrderFullException extends IllegalStateException {
    public OrderFullException(String orderId) {
        super("order " + orderId + " holds " + Registration.MAX_SHIPMENTS_PER_ORDER + " shipments already");
    }
}
