package io.trackline.api.adapter.dynamodb;

import io.trackline.engine.dynamodb.CounterItem;
import io.trackline.engine.dynamodb.PreferencesItem;
import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.api.application.preferences.NotificationPreferences;
import io.trackline.api.application.preferences.PreferencesStore;
import io.trackline.domain.Language;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Preferences as the engine's {@link PreferencesItem} (the item the notifier reads), and the daily email subscription count. */
public final class DynamoDbPreferences implements PreferencesStore {
    public static final int DEFAULT_EMAIL_SUBSCRIPTIONS_PER_DAY = 3;

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
                    .updateExpression(CounterItem.INCREMENT)
                    .conditionExpression(CounterItem.BELOW_CAP)
                    .expressionAttributeNames(CounterItem.NAMES)
                    .expressionAttributeValues(CounterItem.values(emailSubscriptionsPerDay, now)));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException used) {
            return false;
        }
    }

    @Override
    public Optional<NotificationPreferences> find(String customerId) {
        var response = dynamo.getItem(GetItemRequest.builder().tableName(table).key(TrackingTable.preferencesKey(customerId)).build());
        if (!response.hasItem()) return Optional.empty();
        PreferencesItem.Values stored = PreferencesItem.view(response.item());
        var quiet = stored.quietHours();
        return Optional.of(new NotificationPreferences(Optional.ofNullable(stored.channels()).orElse(List.of()),
                Optional.ofNullable(stored.alerts()).orElse(List.of()),
                quiet == null ? null : new NotificationPreferences.QuietHours(quiet.start(), quiet.end()),
                Optional.ofNullable(stored.timeZone()).orElse(NotificationPreferences.DEFAULTS.timeZone()),
                Language.ofTag(stored.language()).orElse(null), stored.emailSubscriptionArn(), stored.updatedAt()));
    }

    @Override
    public void save(String customerId, NotificationPreferences p) {
        var quiet = p.quietHours();
        var item = PreferencesItem.of(customerId, new PreferencesItem.Values(p.channels(), p.alerts(),
                quiet == null ? null : new PreferencesItem.QuietHours(quiet.start(), quiet.end()), p.timeZone(),
                p.language() == null ? null : p.language().tag(), p.emailSubscriptionArn(), p.updatedAt()));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }
}
