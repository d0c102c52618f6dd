package io.trackline.local.bench;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The plain-SDK anchor of LambdaBench: what a user writes without Trackline, a DynamoDB client built once with the SDK's
 * defaults (credentials, region and endpoint from the environment) and one GetItem per invocation; packaged with the
 * SDK's jars in {@code lib/}.
 */
public class GetItemHandler {
    private static final DynamoDbClient DYNAMO = DynamoDbClient.create();

    public String handleRequest(Map<String, Object> event) {
        var item = DYNAMO.getItem(b -> b.tableName(System.getenv("TABLE_NAME"))
                .key(Map.of("PK", AttributeValue.fromS("BENCH"), "SK", AttributeValue.fromS("BENCH")))).item();
        return item.isEmpty() ? "absent" : "present";
    }
}
