package io.trackline.api.adapter.dynamodb;

import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.api.application.auth.ApiKeyRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.trackline.api.adapter.dynamodb.Items.s;
import static io.trackline.api.adapter.dynamodb.Items.str;

/** API keys as {@code PK=APIKEY#<sha256 hex>, SK=APIKEY} with {@code tenantId, name, createdAt, revoked}. */
public final class DynamoDbApiKeys implements ApiKeyRegistry {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbApiKeys(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Registered> find(String keyHash) {
        var response = dynamo.getItem(GetItemRequest.builder().tableName(table).key(TrackingTable.apiKeyKey(keyHash)).build());
        if (!response.hasItem()) return Optional.empty();
        var item = response.item();
        return Optional.of(new Registered(str(item, "tenantId"), str(item, "name"), Items.bool(item, "revoked")));
    }

    @Override
    public void add(String keyHash, String tenantId, String name, Instant createdAt) {
        var item = new HashMap<>(TrackingTable.apiKeyKey(keyHash));
        item.put("tenantId", s(tenantId));
        item.put("name", s(name));
        item.put("createdAt", s(TrackingTable.sortable(createdAt)));
        item.put("revoked", Items.bool(false));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(PK)").build());
    }

    @Override
    public boolean revoke(String keyHash) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(TrackingTable.apiKeyKey(keyHash))
                    .updateExpression("SET revoked = :yes").conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":yes", Items.bool(true))).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
