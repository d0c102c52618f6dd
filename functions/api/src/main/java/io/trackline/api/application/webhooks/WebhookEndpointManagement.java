package io.trackline.api.application.webhooks;

import io.trackline.api.application.Refusal;
import io.trackline.domain.RandomIds;
import io.trackline.domain.webhooks.Attempt;
import io.trackline.domain.webhooks.Delivery;
import io.trackline.domain.webhooks.EventType;
import io.trackline.domain.webhooks.WebhookEndpoint;
import io.trackline.domain.webhooks.port.DeliveryLog;
import io.trackline.domain.webhooks.port.WebhookEndpoints;
import io.trackline.domain.webhooks.usecase.AttemptDelivery;
import io.trackline.domain.webhooks.usecase.ReplayDeliveries;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's webhook endpoints (README "Webhooks to API clients"): register, list, read, change, delete, rotate the
 * secret, ping, read the attempts, replay. Every operation reads the endpoint under the caller's tenant first, so
 * another tenant's endpoint is {@link Refusal#notFound()} and nothing of it is read, changed or sent.
 */
public final class WebhookEndpointManagement {
    public static final int MAX_ENDPOINTS_PER_TENANT = 20;

    private final WebhookPorts ports;
    private final Clock clock;

    public WebhookEndpointManagement(WebhookPorts ports, Clock clock) {
        this.ports = ports;
        this.clock = clock;
    }

    public WebhookEndpoint register(String tenantId, String url, Set<EventType> events, String description) {
        WebhookEndpoint endpoint = WebhookEndpoint.create(tenantId, ports.policy().check(url), events,
                description, clock.instant());
        try {
            ports.endpoints().create(endpoint, MAX_ENDPOINTS_PER_TENANT);
        } catch (WebhookEndpoints.TooManyEndpointsException e) {
            throw Refusal.endpointLimitReached(MAX_ENDPOINTS_PER_TENANT);
        }
        return endpoint;
    }

    public WebhookEndpoints.Page list(String tenantId, int limit, Optional<String> afterId) {
        return ports.endpoints().list(tenantId, limit, afterId);
    }

    public WebhookEndpoint find(String tenantId, String endpointId) {
        return ports.endpoints().find(tenantId, endpointId).orElseThrow(Refusal::notFound);
    }

    public WebhookEndpoint change(String tenantId, String endpointId, EndpointChange change) {
        Instant now = clock.instant();
        WebhookEndpoint endpoint = find(tenantId, endpointId);
        if (change.url().isPresent()) endpoint = endpoint.withUrl(ports.policy().check(change.url().get()), now);
        if (change.events().isPresent()) endpoint = endpoint.withEvents(change.events().get(), now);
        if (change.description().isPresent()) endpoint = endpoint.withDescription(change.description().get(), now);
        if (change.status().isPresent()) endpoint = endpoint.withStatus(change.status().get(), now);
        return save(endpoint);
    }

    private WebhookEndpoint save(WebhookEndpoint endpoint) {
        try {
            return ports.endpoints().save(endpoint);
        } catch (WebhookEndpoints.EndpointChangedException e) {
            throw Refusal.concurrentChange("the webhook endpoint changed while it was written");
        }
    }

    public void delete(String tenantId, String endpointId) {
        if (!ports.endpoints().delete(tenantId, endpointId)) throw Refusal.notFound();
    }

    public WebhookEndpoint rotateSecret(String tenantId, String endpointId) {
        return save(find(tenantId, endpointId).rotated(clock.instant()));
    }

    /** Sends a {@code ping} now, whatever the endpoint's status, and logs the attempt. */
    public Attempt ping(String tenantId, String endpointId) {
        WebhookEndpoint endpoint = find(tenantId, endpointId);
        Instant now = clock.instant();
        String eventId = RandomIds.next("ping_");
        String body = "{\"id\":\"" + eventId + "\",\"type\":\"" + EventType.PING.wireName() + "\",\"createdAt\":\"" + now
                + "\",\"data\":{}}";
        Attempt attempt = new AttemptDelivery(ports.policy(), ports.sender(), clock).attempt(endpoint, new Delivery(tenantId, endpointId, eventId, EventType.PING, body, now), 1);
        ports.log().record(attempt);
        return attempt;
    }

    private ReplayDeliveries replays() {
        return new ReplayDeliveries(ports.log(), ports.queue());
    }

    public DeliveryLog.AttemptPage deliveries(String tenantId, String endpointId, int limit, Optional<String> after) {
        return ports.log().attempts(find(tenantId, endpointId).id(), limit, after);
    }

    /** @return how many deliveries were queued again */
    public int replay(String tenantId, String endpointId, Instant since, Instant until) {
        return replays().window(find(tenantId, endpointId), since, until);
    }

    /** @return how many deliveries were queued again */
    public int replay(String tenantId, String endpointId, List<String> eventIds) {
        return replays().events(find(tenantId, endpointId), eventIds);
    }
}
