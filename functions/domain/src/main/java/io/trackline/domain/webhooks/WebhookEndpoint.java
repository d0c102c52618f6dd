package io.trackline.domain.webhooks;

import io.trackline.domain.RandomIds;
import io.trackline.domain.Text;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's webhook endpoint: where its API client wants shipment events pushed.
 *
 * @param disabledReason why Trackline disabled it (absent when enabled, or disabled by the client)
 * @param version        optimistic-locking version of the stored item
 */
public record WebhookEndpoint(String id, String tenantId, URI url, Set<EventType> events, String description,
                              EndpointStatus status, String disabledReason, SigningSecrets secrets, Instant createdAt,
                              Instant updatedAt, long version) {
    public static final String ID_PREFIX = "we_";
    public static final int MAX_DESCRIPTION = 256;

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(secrets, "secrets");
        events = Set.copyOf(events);
        description = Text.optional(description, "description", MAX_DESCRIPTION);
    }

    public static WebhookEndpoint create(String tenantId, URI url, Set<EventType> events, String description, Instant now) {
        return new WebhookEndpoint(RandomIds.next(ID_PREFIX), tenantId, url, events.isEmpty() ? EventType.DEFAULT : events,
                description, EndpointStatus.ENABLED, null, SigningSecrets.generate(), now, now, 0);
    }

    /** The URL as logs may show it: without its query string, which may hold a receiver's token. */
    public String loggableUrl() {
        return url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    public boolean receives(EventType type) {
        return status == EndpointStatus.ENABLED && events.contains(type);
    }

    public WebhookEndpoint withUrl(URI newUrl, Instant now) {
        return new WebhookEndpoint(id, tenantId, newUrl, events, description, status, disabledReason, secrets, createdAt, now, version);
    }

    public WebhookEndpoint withEvents(Set<EventType> newEvents, Instant now) {
        return new WebhookEndpoint(id, tenantId, url, newEvents.isEmpty() ? EventType.DEFAULT : newEvents, description, status,
                disabledReason, secrets, createdAt, now, version);
    }

    public WebhookEndpoint withDescription(String newDescription, Instant now) {
        return new WebhookEndpoint(id, tenantId, url, events, newDescription, status, disabledReason, secrets, createdAt, now, version);
    }

    /** The client's own choice: a re-enabled endpoint forgets why it was disabled. */
    public WebhookEndpoint withStatus(EndpointStatus newStatus, Instant now) {
        return new WebhookEndpoint(id, tenantId, url, events, description, newStatus,
                newStatus == EndpointStatus.ENABLED ? null : disabledReason, secrets, createdAt, now, version);
    }

    public WebhookEndpoint disabledBecause(String reason, Instant now) {
        return new WebhookEndpoint(id, tenantId, url, events, description, EndpointStatus.DISABLED, reason, secrets, createdAt, now, version);
    }

    public WebhookEndpoint rotated(Instant now) {
        return new WebhookEndpoint(id, tenantId, url, events, description, status, disabledReason, secrets.rotate(now), createdAt, now, version);
    }
}
