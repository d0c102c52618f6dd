package io.trackline.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.aws.Json;
import io.trackline.domain.webhooks.Attempt;
import io.trackline.domain.webhooks.EventType;
import io.trackline.domain.webhooks.WebhookEndpoint;

import java.time.Instant;

/** The JSON of endpoints and attempts. An endpoint's secret appears only where the route asks for it (create, rotate). */
final class WebhookJson {
    private WebhookJson() {
    }

    static ObjectNode endpoint(WebhookEndpoint e) {
        ObjectNode json = Json.mapper().createObjectNode()
                .put("id", e.id()).put("url", e.url().toString());
        ArrayNode events = json.putArray("events");
        e.events().stream().map(EventType::wireName).sorted().forEach(events::add);
        return json.put("description", e.description())
                .put("status", e.status().name())
                .put("disabledReason", e.disabledReason())
                .put("createdAt", text(e.createdAt()))
                .put("updatedAt", text(e.updatedAt()));
    }

    static ObjectNode withSecret(WebhookEndpoint e) {
        return endpoint(e).put("secret", e.secrets().current());
    }

    static ObjectNode secret(WebhookEndpoint e) {
        return Json.mapper().createObjectNode().put("secret", e.secrets().current())
                .put("previousSecretValidUntil", text(e.secrets().previousUntil()));
    }

    static ObjectNode attempt(Attempt a) {
        ObjectNode json = Json.mapper().createObjectNode()
                .put("eventId", a.eventId()).put("type", a.type().wireName()).put("attempt", a.attempt())
                .put("at", text(a.at())).put("statusCode", a.statusCode()).put("durationMs", a.durationMs())
                .put("succeeded", a.succeeded());
        if (a.error() != null) json.put("error", a.error());
        json.put("responseExcerpt", a.responseExcerpt());
        if (a.nextAttemptAt() != null) json.put("nextAttemptAt", text(a.nextAttemptAt()));
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
