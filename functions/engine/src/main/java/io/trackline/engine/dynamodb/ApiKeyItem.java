package io.trackline.engine.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * An API key, {@code APIKEY#<sha256 hex>} / {@code APIKEY}: the tenant it acts for, its name, when it was made and
 * whether it is revoked. Written by the API's key registry (and {@code infra/bin/api-keys}), read by the API on every
 * client request.
 */
public final class ApiKeyItem {
    /** The attribute a revocation sets to {@code true}. */
    public static final String REVOKED = "revoked";

    private ApiKeyItem() {
    }

    public record Values(String tenantId, String name, boolean revoked) {
    }

    public static Map<String, AttributeValue> of(String keyHash, String tenantId, String name, Instant createdAt) {
        return Attributes.item()
                .putAll(TrackingTable.apiKeyKey(keyHash))
                .s("tenantId", tenantId)
                .s("name", name)
                .s("createdAt", TrackingTable.sortable(createdAt))
                .bool(REVOKED, false)
                .build();
    }

    public static Values view(Map<String, AttributeValue> item) {
        return new Values(Attributes.stringOrNull(item, "tenantId"), Attributes.stringOrNull(item, "name"),
                Attributes.bool(item, REVOKED));
    }
}
