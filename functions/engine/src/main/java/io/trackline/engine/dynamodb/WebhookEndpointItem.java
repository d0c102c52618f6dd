package io.trackline.engine.dynamodb;

import io.trackline.domain.webhooks.EndpointStatus;
import io.trackline.domain.webhooks.EventType;
import io.trackline.domain.webhooks.SigningSecrets;
import io.trackline.domain.webhooks.WebhookEndpoint;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A webhook endpoint item {@code TENANT#<tenantId>} / {@code ENDPOINT#<id>}. Its signing secrets are stored on it (the
 * table is encrypted at rest) and never logged.
 */
final class WebhookEndpointItem {
    private WebhookEndpointItem() {
    }

    static Map<String, AttributeValue> of(WebhookEndpoint e) {
        Map<String, AttributeValue> item = new HashMap<>(TrackingTable.webhookEndpointKey(e.tenantId(), e.id()));
        item.putAll(Attributes.item()
                .s("id", e.id())
                .s("tenantId", e.tenantId())
                .s("url", e.url())
                .put("events", AttributeValue.fromSs(e.events().stream().map(EventType::wireName).sorted().toList()))
                .s("description", e.description())
                .s("status", e.status().name())
                .s("disabledReason", e.disabledReason())
                .s("secret", e.secrets().current())
                .s("previousSecret", e.secrets().previous())
                .epoch("previousSecretUntil", e.secrets().previousUntil())
                .epoch("createdAt", e.createdAt())
                .epoch("updatedAt", e.updatedAt())
                .n("version", e.version())
                .build());
        return item;
    }

    static WebhookEndpoint endpoint(Map<String, AttributeValue> item) {
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        AttributeValue stored = item.get("events");
        if (stored != null && stored.hasSs()) stored.ss().forEach(name -> events.add(EventType.of(name)));
        return new WebhookEndpoint(Attributes.stringOrNull(item, "id"), Attributes.stringOrNull(item, "tenantId"),
                URI.create(Attributes.stringOrNull(item, "url")), events, Attributes.stringOrNull(item, "description"),
                EndpointStatus.valueOf(Attributes.stringOrNull(item, "status")), Attributes.stringOrNull(item, "disabledReason"),
                new SigningSecrets(Attributes.stringOrNull(item, "secret"), Attributes.stringOrNull(item, "previousSecret"),
                        Attributes.instant(item, "previousSecretUntil")),
                Attributes.instant(item, "createdAt"), Attributes.instant(item, "updatedAt"), Attributes.number(item, "version"));
    }
}
