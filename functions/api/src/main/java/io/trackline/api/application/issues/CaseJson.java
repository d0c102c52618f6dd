package io.trackline.api.application.issues;

import java.util.Map;

/** A case as PRODUCT.md §4 shapes it: {@code {id, shipmentId, type, status, createdAt, evidence}}. */
public record CaseJson(String id, String shipmentId, String type, String status, String description, String createdAt,
                       Evidence evidence) {
    public static CaseJson of(ProblemCase c) {
        return new CaseJson(c.id(), c.shipmentId(), c.type().name(), c.status(), c.description(), c.createdAt().toString(),
                c.evidence());
    }

    /** What support receives on the support topic: the case and whose it is. */
    public static Map<String, Object> supportMessage(ProblemCase c) {
        return Map.of("kind", "CASE_OPENED", "tenantId", c.tenantId(), "orderId", c.orderId() == null ? "" : c.orderId(),
                "customerId", c.customerId(), "case", of(c));
    }
}
