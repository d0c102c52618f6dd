package io.trackline.api.support;

import io.trackline.api.application.auth.ApiKey;
import io.trackline.engine.dynamodb.ApiKeyItem;
import io.trackline.testkit.api.ApiSeed;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;

/** The test kit's {@link ApiSeed} plus API keys, stored as the API reads them (the engine's {@link ApiKeyItem}). */
public final class Seed extends ApiSeed {
    public Seed(DynamoDbClient dynamo, String table) {
        super(dynamo, table);
    }

    public void apiKey(String key, String tenantId) {
        put(ApiKeyItem.of(ApiKey.hash(key), tenantId, "test", Instant.now()));
    }
}
