package io.trackline.engine.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GSI3 sort key each shipment had when this instance last read it, by version: a save then knows that the due key
 * must move sooner without first trying to keep it, since a failed conditional write is billed like one that succeeds.
 * A hint only: the save's own conditions (on {@code version}, and on the key when it keeps it) still decide. Bounded:
 * a save takes its entry, and the oldest go when many shipments are read and not saved.
 */
final class DueKeys {
    private static final int CAPACITY = 1_000;

    private record Stored(long version, String dueSk) {
    }

    private final Map<String, Stored> byShipment = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
            return size() > CAPACITY;
        }
    });

    void read(String shipmentId, Map<String, AttributeValue> item) {
        byShipment.put(shipmentId, new Stored(Attributes.number(item, "version"), Attributes.stringOrNull(item, "GSI3SK")));
    }

    /**
     * Whether the key stored at {@code version} is known to be missing or later than {@code dueSk} (null when the
     * shipment is no longer due: the key goes). False when unknown: the save then tries to keep the key.
     */
    boolean mustMove(String shipmentId, long version, String dueSk) {
        Stored stored = byShipment.remove(shipmentId);
        if (stored == null || stored.version() != version) return false;
        return dueSk == null || stored.dueSk() == null || stored.dueSk().compareTo(dueSk) > 0;
    }
}
