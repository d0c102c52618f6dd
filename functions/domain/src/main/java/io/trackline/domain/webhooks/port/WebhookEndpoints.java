package io.trackline.domain.webhooks.port;

import io.trackline.domain.webhooks.WebhookEndpoint;

import java.util.List;
import java.util.Optional;

/** Port: a tenant's webhook endpoints. Another tenant's endpoint is never found. */
public interface WebhookEndpoints {
    /** @throws TooManyEndpointsException when the tenant has {@code limit} endpoints already */
    void create(WebhookEndpoint endpoint, int limit);

    Optional<WebhookEndpoint> find(String tenantId, String endpointId);

    /** A page of the tenant's endpoints in id order, after {@code afterId} when given. */
    Page list(String tenantId, int limit, Optional<String> afterId);

    /** Every endpoint of the tenant (at most the per-tenant limit): what an event fans out to. */
    List<WebhookEndpoint> all(String tenantId);

    /**
     * Stores a changed endpoint read at {@code endpoint.version()}.
     *
     * @throws EndpointChangedException when it was changed or deleted since it was read
     */
    WebhookEndpoint save(WebhookEndpoint endpoint);

    /** @return whether it existed */
    boolean delete(String tenantId, String endpointId);

    record Page(List<WebhookEndpoint> endpoints, Optional<String> nextAfterId) {
    }

    final class TooManyEndpointsException extends RuntimeException {
        public TooManyEndpointsException(int limit) {
            super("a tenant may register at most " + limit + " webhook endpoints");
        }
    }

    final class EndpointChangedException extends RuntimeException {
        public EndpointChangedException(String endpointId) {
            super("webhook endpoint " + endpointId + " changed concurrently");
        }
    }
}
