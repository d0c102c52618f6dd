package io.trackline.api.adapter.dynamodb;

import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.api.application.preferences.NotificationPreferences;
import io.trackline.api.application.preferences.PreferencesStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import static io.trackline.api.adapter.dynamodb.Items.s;
import static io.trackline.api.adapter.dynamodb.Items.str;

/** Preferences as {@code PK=CUSTOMER#<customerId>, SK=PREFERENCES} in the layout the notifier reads (README). */
public final class DynamoDbPreferences implements PreferencesStore {
    public static final int DEFAULT_EMAIL_SUBSCRIPTIONS_PER_DAY = 3;
    private static final java.time.Duration COUNTER_RETENTION = java.time.Duration.ofDays(3);

    private final DynamoDbClient dynamo;
    private final String table;
    private final int emailSubscriptionsPerDay;

    public DynamoDbPreferences(DynamoDbClient dynamo, String table) {
        this(dynamo, table, DEFAULT_EMAIL_SUBSCRIPTIONS_PER_DAY);
    }

    public DynamoDbPreferences(DynamoDbClient dynamo, String table, int emailSubscriptionsPerDay) {
        if (emailSubscriptionsPerDay < 1) throw new IllegalArgumentException("the email subscription cap must be positive");
        this.dynamo = dynamo;
        this.table = table;
        this.emailSubscriptionsPerDay = emailSubscriptionsPerDay;
    }

    /** {@code CUSTOMER#<id>} / {@code EMAILSUBSCOUNT#<UTC day>}: {@code ADD count} only while {@code count < cap}. */
    @Override
    public boolean countEmailSubscription(String customerId, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(TrackingTable.emailSubscribeCountKey(customerId, now.atZone(java.time.ZoneOffset.UTC).toLocalDate()))
                    .updateExpression("ADD #count :one SET expiresAt = :expiresAt")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :cap")
                    .expressionAttributeNames(java.util.Map.of("#count", "count"))
                    .expressionAttributeValues(java.util.Map.of(":one", AttributeValue.fromN("1"),
                            ":cap", AttributeValue.fromN(Integer.toString(emailSubscriptionsPerDay)),
                            ":expiresAt", AttributeValue.fromN(Long.toString(now.plus(COUNTER_RETENTION).getEpochSecond())))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException used) {
            return false;
        }
    }

    @Override
    public Optional<NotificationPreferences> find(String customerId) {
        var response = dynamo.getItem(GetItemRequest.builder().tableName(table).key(TrackingTable.preferencesKey(customerId)).build());
        if (!response.hasItem()) return Optional.empty();
        var item = response.item();
        String updatedAt = str(item, "updatedAt");
        return Optional.of(new NotificationPreferences(Items.strings(item, "channels"), Items.strings(item, "alerts"),
                Items.read(item, "quietHours", NotificationPreferences.QuietHours.class).orElse(null),
                Optional.ofNullable(str(item, "timeZone")).orElse(NotificationPreferences.DEFAULTS.timeZone()),
                str(item, "emailSubscriptionArn"),
                updatedAt == null ? null : Instant.parse(updatedAt)));
    }

    @Override
    public void save(String customerId, NotificationPreferences p) {
        var item = new HashMap<>(TrackingTable.preferencesKey(customerId));
        item.put("customerId", s(customerId));
        item.put("channels", list(p.channels()));
        item.put("alerts", list(p.alerts()));
        if (p.quietHours() != null) item.put("quietHours", Items.of(p.quietHours()));
        item.put("timeZone", s(p.timeZone()));
        if (p.emailSubscriptionArn() != null) item.put("emailSubscriptionArn", s(p.emailSubscriptionArn()));
        item.put("updatedAt", s(TrackingTable.sortable(p.updatedAt())));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Items::s).toList());
    }
}
