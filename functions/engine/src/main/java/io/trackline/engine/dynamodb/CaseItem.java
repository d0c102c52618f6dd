package io.trackline.engine.dynamodb;

import io.trackline.domain.shipment.SuspectedLoss;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A support case {@code CASE#<caseId>} under its shipment, with the tracking evidence support needs: opened by the
 * API's problem reports (with the guard {@code CASEOPEN#<type>} that keeps one open case per type) and by the sweeper
 * for a suspected loss. Values a case does not have are left out.
 */
public final class CaseItem {
    public static final String OPEN = "OPEN";
    private static final String CASE_ID = "caseId";

    private CaseItem() {
    }

    /** A case; {@code orderId} and {@code description} may be null. */
    public record Case(String id, String shipmentId, String tenantId, String orderId, String customerId, String type,
                       String status, String description, Instant createdAt, Evidence evidence) {
    }

    /**
     * The tracking state when the case was opened; every value may be null: a problem report keeps what the customer
     * saw (status to last scans), a suspected loss the silence ({@code lastScanAt}) and why it was opened.
     */
    public record Evidence(String status, String milestone, String exceptionReason, Boolean delayed, String promised,
                           String latestEstimate, String statusOccurredAt, String lastScanAt, String reason,
                           List<Scan> lastScans) {
    }

    public record Scan(String status, String occurredAt, String description, String city, String country) {
    }

    public static Map<String, AttributeValue> of(Case c) {
        return Attributes.item()
                .putAll(TrackingTable.caseKey(c.shipmentId(), c.id()))
                .s("id", c.id())
                .s("shipmentId", c.shipmentId())
                .s("tenantId", c.tenantId())
                .s("orderId", c.orderId())
                .s("customerId", c.customerId())
                .s("type", c.type())
                .s("status", c.status())
                .s("description", c.description())
                .s("createdAt", TrackingTable.sortable(c.createdAt()))
                .map("evidence", evidence(c.evidence()))
                .build();
    }

    static Map<String, AttributeValue> of(SuspectedLoss loss) {
        return of(new Case(loss.caseId(), loss.shipmentId(), loss.tenantId(), null, loss.customerId(), SuspectedLoss.TYPE,
                OPEN, null, loss.createdAt(), new Evidence(loss.status().name(),
                loss.milestone() == null ? null : loss.milestone().name(), null, null, null, null, null,
                loss.lastScanAt() == null ? null : loss.lastScanAt().toString(), "no scan since the last activity", null)));
    }

    /** The guard {@code CASEOPEN#<type>} naming the open case of its type. */
    public static Map<String, AttributeValue> openGuard(Case c) {
        return Attributes.item().putAll(TrackingTable.openCaseKey(c.shipmentId(), c.type())).s(CASE_ID, c.id()).build();
    }

    /** The case an open-case guard names, or null. */
    public static String openCaseId(Map<String, AttributeValue> guard) {
        return Attributes.stringOrNull(guard, CASE_ID);
    }

    private static Attributes evidence(Evidence e) {
        Attributes evidence = Attributes.item()
                .s("status", e.status())
                .s("milestone", e.milestone())
                .s("exceptionReason", e.exceptionReason());
        if (e.delayed() != null) evidence.bool("delayed", e.delayed());
        evidence.s("promised", e.promised())
                .s("latestEstimate", e.latestEstimate())
                .s("statusOccurredAt", e.statusOccurredAt())
                .s("lastScanAt", e.lastScanAt())
                .s("reason", e.reason());
        if (e.lastScans() != null) {
            evidence.put("lastScans", AttributeValue.fromL(e.lastScans().stream().map(s -> AttributeValue.fromM(Attributes.item()
                    .s("status", s.status()).s("occurredAt", s.occurredAt()).s("description", s.description())
                    .s("city", s.city()).s("country", s.country()).build())).toList()));
        }
        return evidence;
    }
}
