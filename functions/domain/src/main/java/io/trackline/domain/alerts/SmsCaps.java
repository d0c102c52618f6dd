package io.trackline.domain.alerts;

/**
 * Cost-abuse guard: at most this many SMS per shipment, per customer, and per phone number, per day. Tenants choose
 * customer ids, so only the per-phone cap bounds what one number receives however many ids and shipments name it.
 */
public record SmsCaps(int perShipmentPerDay, int perCustomerPerDay, int perPhonePerDay) {
    public static final int DEFAULT_PER_PHONE_PER_DAY = 10;

    public SmsCaps {
        if (perShipmentPerDay < 1 || perCustomerPerDay < 1 || perPhonePerDay < 1) {
            throw new IllegalArgumentException("SMS caps must be positive");
        }
    }

    public SmsCaps(int perShipmentPerDay, int perCustomerPerDay) {
        this(perShipmentPerDay, perCustomerPerDay, DEFAULT_PER_PHONE_PER_DAY);
    }
}
