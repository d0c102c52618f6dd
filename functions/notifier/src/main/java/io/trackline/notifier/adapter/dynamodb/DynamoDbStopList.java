package io.trackline.notifier.adapter.dynamodb;

import io.trackline.engine.dynamodb.OptOutItem;
import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.notifier.application.StopList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;


/** STOPs as the engine's {@link OptOutItem}s; START deletes the item. */
public final class DynamoDbStopList implements StopList {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbStopList(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    static Map<String, AttributeValue> key(PhoneNumber phone) {
        return TrackingTable.optOutKey(phone.e164());
    }

    @Override
    public void stop(PhoneNumber phone, Instant at) {
        dynamoDb.putItem(b -> b.tableName(table).item(OptOutItem.of(phone.e164(), at)));
    }

    @Override
    public void start(PhoneNumber phone) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(key(phone)));
    }
}
