package io.trackline.api.adapter.dynamodb;

import io.trackline.engine.dynamodb.ApiKeyItem;
import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.api.application.auth.ApiKeyRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;


/** API keys, stored as the engine's {@link ApiKeyItem} (by the SHA-256 of the key). */
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
        ApiKeyItem.Values key = ApiKeyItem.view(response.item());
        return Optional.of(new Registered(key.tenantId(), key.name(), key.revoked()));
    }

    @Override
    public void add(String keyHash, String tenantId, String name, Instant createdAt) {
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(ApiKeyItem.of(keyHash, tenantId, name, createdAt))
                .conditionExpression("attribute_not_exists(PK)").build());
    }

    @Override
    public boolean revoke(String keyHash) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(TrackingTable.apiKeyKey(keyHash))
                    .updateExpression("SET #revoked = :yes")
                    .expressionAttributeNames(Map.of("#revoked", ApiKeyItem.REVOKED)).conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
