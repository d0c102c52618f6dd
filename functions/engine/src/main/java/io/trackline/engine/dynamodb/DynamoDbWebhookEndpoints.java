package io.trackline.engine.dynamodb;

import io.trackline.domain.webhooks.WebhookEndpoint;
import io.trackline.domain.webhooks.port.WebhookEndpoints;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook endpoints in TrackingTable, under their tenant's partition: a tenant only ever reads its own. The per-tenant
 * limit is checked by counting before the write, so two registrations at the same instant may pass it by one.
 */
public final class DynamoDbWebhookEndpoints implements WebhookEndpoints {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbWebhookEndpoints(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void create(WebhookEndpoint endpoint, int limit) {
        int count = dynamoDb.query(TrackingTable.webhookEndpoints(table, endpoint.tenantId()).select(Select.COUNT)
                .consistentRead(true).build()).count();
        if (count >= limit) throw new TooManyEndpointsException(limit);
        dynamoDb.putItem(b -> b.tableName(table).item(WebhookEndpointItem.of(endpoint))
                .conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public Optional<WebhookEndpoint> find(String tenantId, String endpointId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(TrackingTable.webhookEndpointKey(tenantId, endpointId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(WebhookEndpointItem.endpoint(item));
    }

    @Override
    public Page list(String tenantId, int limit, Optional<String> afterId) {
        var query = TrackingTable.webhookEndpoints(table, tenantId).limit(limit);
        afterId.ifPresent(id -> query.exclusiveStartKey(TrackingTable.webhookEndpointKey(tenantId, id)));
        QueryResponse response = dynamoDb.query(query.build());
        List<WebhookEndpoint> endpoints = response.items().stream().map(WebhookEndpointItem::endpoint).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !endpoints.isEmpty();
        return new Page(endpoints, more ? Optional.of(endpoints.getLast().id()) : Optional.empty());
    }

    @Override
    public List<WebhookEndpoint> all(String tenantId) {
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        dynamoDb.queryPaginator(TrackingTable.webhookEndpoints(table, tenantId).build()).items()
                .forEach(item -> endpoints.add(WebhookEndpointItem.endpoint(item)));
        return endpoints;
    }

    @Override
    public WebhookEndpoint save(WebhookEndpoint endpoint) {
        WebhookEndpoint next = new WebhookEndpoint(endpoint.id(), endpoint.tenantId(), endpoint.url(), endpoint.events(),
                endpoint.description(), endpoint.status(), endpoint.disabledReason(), endpoint.secrets(),
                endpoint.createdAt(), endpoint.updatedAt(), endpoint.version() + 1);
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(WebhookEndpointItem.of(next))
                    .conditionExpression("version = :read")
                    .expressionAttributeValues(Map.of(":read", AttributeValue.fromN(Long.toString(endpoint.version())))));
        } catch (ConditionalCheckFailedException e) {
            throw new EndpointChangedException(endpoint.id());
        }
        return next;
    }

    @Override
    public boolean delete(String tenantId, String endpointId) {
        var old = dynamoDb.deleteItem(b -> b.tableName(table).key(TrackingTable.webhookEndpointKey(tenantId, endpointId))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
    }
}
