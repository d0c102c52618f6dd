package io.trackline.domain.shipment.port;

/** Another writer changed the shipment since it was read; nothing of this update was stored except its scans. */
public final class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String shipmentId) {
        super("shipment " + shipmentId + " changed concurrently");
    }
}
