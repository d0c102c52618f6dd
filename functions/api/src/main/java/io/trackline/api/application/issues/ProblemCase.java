package io.trackline.api.application.issues;

import java.time.Instant;

/** A problem report (PRODUCT.md §2 "Case"); stored as {@code PK=SHIP#<shipmentId>, SK=CASE#<id>}. */
public record ProblemCase(String id, String shipmentId, String tenantId, String orderId, String customerId,
                          IssueType type, String status, String description, Instant createdAt, Evidence evidence) {
    public static final String OPEN = "OPEN";
}
