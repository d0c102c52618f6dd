package io.trackline.processor.adapter.dynamodb;

import io.trackline.engine.dynamodb.FailedMessageItem;
import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.processor.application.FailedMessages;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Why a queue message failed, kept where an operator finds it: SQS moves a message to its DLQ with the same message
 * id but cannot carry a reason, so the reason is stored as the engine's {@link FailedMessageItem} (expiring with the
 * DLQ's 14-day retention) and logged. The redrive command prints it next to each message.
 */
public final class DeadLetterReasons implements FailedMessages {
    static final Duration KEEP = Duration.ofDays(14);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DeadLetterReasons(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void record(String messageId, String reason, int receiveCount) {
        var now = clock.instant();
        dynamo.putItem(b -> b.tableName(table).item(FailedMessageItem.of(messageId, reason, receiveCount, now, now.plus(KEEP))));
    }

    public Optional<String> reason(String messageId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TrackingTable.failedMessageKey(messageId))).item();
        return item == null ? Optional.empty() : FailedMessageItem.reason(item);
    }
}
