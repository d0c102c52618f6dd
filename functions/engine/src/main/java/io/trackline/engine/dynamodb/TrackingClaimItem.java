package io.trackline.engine.dynamodb;

import io.trackline.domain.shipment.Registration;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

import static io.trackline.engine.dynamodb.Attributes.stringOrNull;

/**
 * A tenant's claim on a package, {@code TRACK#<carrier>#<trackingNumber>} / {@code TENANT#<tenantId>}: the shipment
 * registered for it, written with the shipment in one transaction ({@link DynamoDbShipments}) and read by the API's
 * package registrations.
 */
public final class TrackingClaimItem {
    /** The attribute a claim's takeover compares. */
    static final String SHIPMENT_ID = "shipmentId";

    private TrackingClaimItem() {
    }

    /** The stored values: the tenant (from the sort key), the shipment, and when it was registered. */
    public record View(String tenantId, String shipmentId, Instant createdAt) {
    }

    static Map<String, AttributeValue> of(Registration r, String createdAt) {
        return Attributes.item()
                .s(TrackingTable.PK, TrackingTable.trackPk(r.carrier(), r.trackingNumber()))
                .s(TrackingTable.SK, TrackingTable.claimSk(r.tenantId()))
                .s(SHIPMENT_ID, r.id())
                .s("createdAt", createdAt)
                .build();
    }

    public static View view(Map<String, AttributeValue> item) {
        String createdAt = stringOrNull(item, "createdAt");
        return new View(TrackingTable.tenantOfClaim(stringOrNull(item, TrackingTable.SK)), stringOrNull(item, SHIPMENT_ID),
                createdAt == null ? null : Instant.parse(createdAt));
    }
}
