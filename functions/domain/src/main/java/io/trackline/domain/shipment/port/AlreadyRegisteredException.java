package io.trackline.domain.shipment.port;

/** The tenant registered this carrier and tracking number already (a concurrent registration won). */
public final class AlreadyRegisteredException extends RuntimeException {
    public AlreadyRegisteredException(String tenantId, String carrier, String trackingNumber) {
        super("tenant " + tenantId + " already registered " + carrier + " " + trackingNumber);
    }
}
