package io.trackline.api.support;

import io.trackline.api.application.auth.ApiKey;
import io.trackline.testkit.api.ApiSeed;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/** The test kit's {@link ApiSeed} plus API keys, stored as the API reads them ({@code APIKEY#<ApiKey.hash>}). */
public final class Seed extends ApiSeed {
    public Seed(DynamoDbClient dynamo, String table) {
        super(dynamo, table);
    }

    public void apiKey(String key, String tenantId) {
        put(Map.of("PK", AttributeValue.fromS("APIKEY#" + ApiKey.hash(key)), "SK", AttributeValue.fromS("APIKEY"),
                "tenantId", AttributeValue.fromS(tenantId), "name", AttributeValue.fromS("test"),
                "createdAt", AttributeValue.fromS(Instant.now().toString()), "revoked", AttributeValue.fromBool(false)));
    }
}
