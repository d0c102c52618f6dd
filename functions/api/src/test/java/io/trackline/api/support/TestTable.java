package io.trackline.api.support;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;

/** The TrackingTable of template.yaml: PK/SK and the overloaded GSI1..GSI3. */
public final class TestTable {
    private TestTable() {
    }

    public static void create(DynamoDbClient dynamo, String name) {
        var attributes = new ArrayList<AttributeDefinition>();
        for (String a : List.of("PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "GSI3PK", "GSI3SK")) {
            attributes.add(AttributeDefinition.builder().attributeName(a).attributeType(ScalarAttributeType.S).build());
        }
        dynamo.createTable(CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(key("PK", "SK"))
                .globalSecondaryIndexes(index("GSI1", Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()),
                        index("GSI2", Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("tenantId", "orderId", "customerId", "createdAt", "shipmentIds").build()),
                        index("GSI3", Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()))
                .build());
    }

    private static GlobalSecondaryIndex index(String name, Projection projection) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key(name + "PK", name + "SK"))
                .projection(projection).build();
    }

    private static List<KeySchemaElement> key(String hash, String range) {
        return List.of(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
    }
}
