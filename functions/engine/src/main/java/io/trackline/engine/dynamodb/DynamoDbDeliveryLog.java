package io.trackline.engine.dynamodb;

import io.trackline.domain.webhooks.Attempt;
import io.trackline.domain.webhooks.Delivery;
import io.trackline.domain.webhooks.EventType;
import io.trackline.domain.webhooks.port.DeliveryLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An endpoint's deliveries ({@code ENDPOINT#<id>} / {@code DELIVERY#<createdAt>#<eventId>}) and attempts
 * ({@code ENDPOINT#<id>} / {@code ATTEMPT#<at>#<eventId>#<n>}) in TrackingTable, both removed by TTL after
 * {@link #RETENTION_DAYS} days. Only reached through an endpoint the caller's tenant owns.
 */
public final class DynamoDbDeliveryLog implements DeliveryLog {
    private static final Duration RETENTION = Duration.ofDays(RETENTION_DAYS);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbDeliveryLog(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void keep(Delivery d) {
        Map<String, AttributeValue> item = new HashMap<>(TrackingTable.key(TrackingTable.endpointPk(d.endpointId()),
                TrackingTable.deliverySk(d.createdAt(), d.eventId())));
        item.putAll(Attributes.item().s("tenantId", d.tenantId()).s("endpointId", d.endpointId()).s("eventId", d.eventId())
                .s("type", d.type().wireName()).s("body", d.body()).epoch("createdAt", d.createdAt())
                .n("expiresAt", expiresAt()).build());
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public void record(Attempt a) {
        Map<String, AttributeValue> item = new HashMap<>(TrackingTable.key(TrackingTable.endpointPk(a.endpointId()),
                TrackingTable.attemptSk(a.at(), a.eventId(), a.attempt())));
        item.putAll(Attributes.item().s("endpointId", a.endpointId()).s("eventId", a.eventId()).s("type", a.type().wireName())
                .n("attempt", a.attempt()).epoch("at", a.at()).n("statusCode", a.statusCode()).n("durationMs", a.durationMs())
                .s("error", a.error()).s("responseExcerpt", a.responseExcerpt()).epoch("nextAttemptAt", a.nextAttemptAt())
                .n("expiresAt", expiresAt()).build());
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public AttemptPage attempts(String endpointId, int limit, Optional<String> after) {
        String pk = TrackingTable.endpointPk(endpointId);
        var query = partition(pk, "begins_with(SK, :from)", Map.of(":from", AttributeValue.fromS(TrackingTable.attemptPrefix())))
                .scanIndexForward(false).limit(limit);
        after.ifPresent(sk -> query.exclusiveStartKey(TrackingTable.key(pk, sk)));
        QueryResponse response = dynamoDb.query(query.build());
        List<Attempt> attempts = response.items().stream().map(DynamoDbDeliveryLog::attempt).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !response.items().isEmpty();
        return new AttemptPage(attempts, more ? Optional.of(response.items().getLast().get(TrackingTable.SK).s()) : Optional.empty());
    }

    @Override
    public List<Delivery> createdBetween(String tenantId, String endpointId, Instant since, Instant until) {
        return deliveries(partition(TrackingTable.endpointPk(endpointId), "SK >= :since AND SK < :until",
                Map.of(":since", AttributeValue.fromS(TrackingTable.deliveryBound(since)),
                        ":until", AttributeValue.fromS(TrackingTable.deliveryBound(until)))), tenantId);
    }

    @Override
    public List<Delivery> ofEvents(String tenantId, String endpointId, Collection<String> eventIds) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":from", AttributeValue.fromS(TrackingTable.deliveryPrefix())));
        List<String> names = new ArrayList<>();
        for (String eventId : eventIds) {
            names.add(":e" + names.size());
            values.put(names.getLast(), AttributeValue.fromS(eventId));
        }
        return deliveries(partition(TrackingTable.endpointPk(endpointId), "begins_with(SK, :from)", values)
                .filterExpression("eventId IN (" + String.join(", ", names) + ")"), tenantId);
    }

    private QueryRequest.Builder partition(String pk, String skCondition, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":pk", AttributeValue.fromS(pk));
        return QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk AND " + skCondition)
                .expressionAttributeValues(all);
    }

    private List<Delivery> deliveries(QueryRequest.Builder query, String tenantId) {
        List<Delivery> found = new ArrayList<>();
        dynamoDb.queryPaginator(query.build()).items().forEach(item -> {
            if (tenantId.equals(Attributes.stringOrNull(item, "tenantId"))) found.add(delivery(item));
        });
        return found;
    }

    private long expiresAt() {
        return clock.instant().plus(RETENTION).getEpochSecond();
    }

    private static Delivery delivery(Map<String, AttributeValue> item) {
        return new Delivery(Attributes.stringOrNull(item, "tenantId"), Attributes.stringOrNull(item, "endpointId"),
                Attributes.stringOrNull(item, "eventId"), EventType.of(Attributes.stringOrNull(item, "type")),
                Attributes.stringOrNull(item, "body"), Attributes.instant(item, "createdAt"));
    }

    private static Attempt attempt(Map<String, AttributeValue> item) {
        AttributeValue status = item.get("statusCode");
        return new Attempt(Attributes.stringOrNull(item, "endpointId"), Attributes.stringOrNull(item, "eventId"),
                EventType.of(Attributes.stringOrNull(item, "type")), (int) Attributes.number(item, "attempt"),
                Attributes.instant(item, "at"), status == null ? null : Integer.valueOf(status.n()),
                Attributes.number(item, "durationMs"), Attributes.stringOrNull(item, "error"),
                Attributes.stringOrNull(item, "responseExcerpt"), Attributes.instant(item, "nextAttemptAt"));
    }
}
