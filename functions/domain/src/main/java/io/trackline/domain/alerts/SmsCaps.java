package io.trackline.domain.alerts;

/** Cost-abuse guard: at most this many SMS per shipment, and per customer, per local day. */
public record SmsCaps(int perShipmentPerDay, int perCustomerPerDay) {
    public SmsCaps {
        if (perShipmentPerDay < 1 || perCustomerPerDay < 1) throw new IllegalArgumentException("SMS caps must be positive");
    }
}
