package io.trackline.webhook.http;

import io.trackline.domain.tracking.Status;

import java.util.Map;

/**
 * A source's mapping of raw status and sub-status onto PRODUCT.md §2: a row per documented status, refined by a row per
 * documented sub-status. Codes a vendor adds later map to their status row, or to {@code UNKNOWN}, and keep their raw
 * values on the scan, so nothing is rejected for being new.
 */
public final class StatusTable {
    private static final StatusMapping UNKNOWN = StatusMapping.of(Status.UNKNOWN);

    private final Map<String, StatusMapping> statuses;
    private final Map<String, StatusMapping> subStatuses;

    public StatusTable(Map<String, StatusMapping> statuses, Map<String, StatusMapping> subStatuses) {
        this.statuses = Map.copyOf(statuses);
        this.subStatuses = Map.copyOf(subStatuses);
    }

    public StatusMapping map(String rawStatus, String rawSubStatus) {
        StatusMapping base = rawStatus == null ? UNKNOWN : statuses.getOrDefault(rawStatus, UNKNOWN);
        return base.refinedBy(rawSubStatus == null ? null : subStatuses.get(rawSubStatus));
    }
}
