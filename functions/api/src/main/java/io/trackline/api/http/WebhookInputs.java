package io.trackline.api.http;

import io.trackline.api.application.webhooks.EndpointChange;
import io.trackline.domain.webhooks.EndpointStatus;
import io.trackline.domain.webhooks.EventType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The request bodies of the webhook-endpoint routes, read strictly (an unknown field is a 400). */
final class WebhookInputs {
    private WebhookInputs() {
    }

    /** {@code POST /v1/webhook-endpoints}. */
    record Registration(String url, List<String> events, String description) {
    }

    /** {@code PATCH /v1/webhook-endpoints/{id}}: a field left out (or null) stays as it is. */
    record Change(String url, List<String> events, String description, String status) {
        EndpointChange validated() {
            return new EndpointChange(Optional.ofNullable(url), Optional.ofNullable(events).map(WebhookInputs::types),
                    Optional.ofNullable(description),
                    Optional.ofNullable(status).map(s -> Fields.oneOf(EndpointStatus.class, s, "status")));
        }
    }

    /** {@code POST …/{id}/replay}: a window {@code since}–{@code until} (ISO-8601), or {@code eventIds}. */
    record Replay(String since, String until, List<String> eventIds) {
        boolean byEvents() {
            if ((eventIds == null) == (since == null && until == null)) {
                throw Problems.invalid("eventIds", "Send either since and until, or eventIds.");
            }
            return eventIds != null;
        }

        Instant validSince() {
            return instant(since, "since");
        }

        Instant validUntil() {
            return instant(until, "until");
        }
    }

    static Set<EventType> types(List<String> names) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : names) types.add(EventType.of(name));
        return types;
    }

    private static Instant instant(String value, String field) {
        if (value == null) throw Problems.invalid(field, field + " is required.");
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, field + " must be an ISO-8601 date-time with an offset.");
        }
    }
}
