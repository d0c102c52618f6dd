package io.trackline.engine.dynamodb;

import io.trackline.domain.shipment.SuspectedLoss;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** A case item {@code CASE#<caseId>} under its shipment, as the API's problem reports are stored. */
final class CaseItem {
    private CaseItem() {
    }

    static Map<String, AttributeValue> of(SuspectedLoss loss) {
        return Attributes.item()
                .s(TrackingTable.PK, TrackingTable.shipmentPk(loss.shipmentId()))
                .s(TrackingTable.SK, TrackingTable.caseSk(loss.caseId()))
                .s("id", loss.caseId())
                .s("shipmentId", loss.shipmentId())
                .s("tenantId", loss.tenantId())
                .s("customerId", loss.customerId())
                .s("type", SuspectedLoss.TYPE)
                .s("status", "OPEN")
                .s("createdAt", loss.createdAt())
                .map("evidence", Attributes.item().s("status", loss.status()).s("milestone", loss.milestone())
                        .s("lastScanAt", loss.lastScanAt()).s("reason", "no scan since the last activity"))
                .build();
    }
}
