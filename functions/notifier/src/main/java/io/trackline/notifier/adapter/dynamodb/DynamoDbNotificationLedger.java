package io.trackline.notifier.adapter.dynamodb;

import io.trackline.engine.dynamodb.CounterItem;
import io.trackline.engine.dynamodb.NotificationClaimItem;
import io.trackline.engine.dynamodb.NotificationItem;
import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.domain.alerts.Suppression;
import io.trackline.notifier.application.Notification;
import io.trackline.notifier.application.NotificationKey;
import io.trackline.notifier.application.NotificationLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.trackline.engine.dynamodb.NotificationClaimItem.LEASE_UNTIL;
import static io.trackline.engine.dynamodb.NotificationClaimItem.MESSAGE_ID;
import static io.trackline.engine.dynamodb.NotificationClaimItem.STATE;
import static io.trackline.engine.dynamodb.NotificationClaimItem.TOKEN;

/**
 * The ledger in the tracking table, in the engine's items:
 * <ul>
 *   <li>the claim ({@link NotificationClaimItem}); every write is conditional on the token it last saw (or on its
 *       absence);</li>
 *   <li>the once-key guard ({@link NotificationClaimItem#onceGuard}), taken with the first send;</li>
 *   <li>SMS counters ({@link CounterItem}) under the shipment and the customer for the customer's local day, and
 *       under the phone number for the UTC day;</li>
 *   <li>the {@link NotificationItem}, written in the same transaction as the claim's state, and overwritten in place
 *       when a held notification is decided.</li>
 * </ul>
 * A claim's lease must outlast the function's timeout, so a live sender never loses its claim.
 */
public final class DynamoDbNotificationLedger implements NotificationLedger {
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    private static final Duration CLAIM_RETENTION = Duration.ofDays(30);
    private static final Duration NOTIFICATION_RETENTION = Duration.ofDays(400);
    private static final int ATTEMPTS = 4;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration lease;

    public DynamoDbNotificationLedger(DynamoDbClient dynamoDb, String table, Duration lease) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.lease = lease;
    }

    @Override
    public Recorded record(Notification notification, Instant now) {
        Optional<Current> current = Optional.empty();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (current.isPresent()) {
                Current claim = current.get();
                if (claim.isFinal()) return Recorded.ALREADY_DECIDED;
                if (claim.state().equals("HELD") && notification.state().name().equals("HELD")) return Recorded.ALREADY_HELD;
                if (claim.state().equals("CLAIMED") && claim.leaseUntil() > now.toEpochMilli()) {
                    return Recorded.inFlight(Instant.ofEpochMilli(claim.leaseUntil()));
                }
            }
            Identity identity = current.map(Current::identity).orElseGet(() -> Identity.fresh(now));
            List<TransactWriteItem> items = List.of(
                    putClaim(notification.key(), notification.state().name(), UUID.randomUUID().toString(), 0, identity, current, now),
                    putNotification(notification, identity, null));
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(items));
                return Recorded.RECORDED;
            } catch (TransactionCanceledException e) {
                if (!failedAt(e, 0)) throw e;
                current = read(notification.key());
                if (current.isEmpty()) throw new IllegalStateException("claim vanished while recording; retry", e);
            }
        }
        throw new IllegalStateException("contention on notification " + notification.key().eventId() + "; retry");
    }

    @Override
    public ClaimResult claim(Notification pending, Optional<String> onceKey, Optional<SmsQuota> quota, Instant now) {
        Optional<Current> current = Optional.empty();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            boolean retake = false;
            if (current.isPresent()) {
                Current claim = current.get();
                if (claim.isFinal()) return new ClaimResult.AlreadyDecided();
                if (claim.state().equals("CLAIMED")) {
                    if (claim.leaseUntil() > now.toEpochMilli()) return new ClaimResult.InFlight(Instant.ofEpochMilli(claim.leaseUntil()));
                    retake = true;  // its sender crashed or gave up: once-key and counters were taken with it
                }
            }
            Identity identity = current.map(Current::identity).orElseGet(() -> Identity.fresh(now));
            String token = UUID.randomUUID().toString();
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(putClaim(pending.key(), "CLAIMED", token, now.plus(lease).toEpochMilli(), identity, current, now));
            List<Suppression> refusals = new ArrayList<>();
            refusals.add(null);
            if (!retake) {
                onceKey.ifPresent(key -> {
                    items.add(guard(pending.key(), key, now));
                    refusals.add(Suppression.ALREADY_ALERTED);
                });
                quota.ifPresent(q -> {
                    items.add(count(TrackingTable.shipmentPk(q.shipmentId()), q.day(), q.caps().perShipmentPerDay(), now));
                    refusals.add(Suppression.SHIPMENT_DAILY_CAP);
                    q.customerId().ifPresent(customerId -> {
                        items.add(count(TrackingTable.customerPk(customerId), q.day(), q.caps().perCustomerPerDay(), now));
                        refusals.add(Suppression.CUSTOMER_DAILY_CAP);
                    });
                    items.add(count(TrackingTable.phonePk(q.phone().e164()), q.phoneDay(), q.caps().perPhonePerDay(), now));
                    refusals.add(Suppression.PHONE_DAILY_CAP);
                });
            }
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(items));
                return new ClaimResult.Claimed(new Claim(pending.key(), token, identity.id(), identity.createdAt()));
            } catch (TransactionCanceledException e) {
                for (int i = 1; i < refusals.size(); i++) {
                    if (failedAt(e, i)) return new ClaimResult.Refused(refusals.get(i));
                }
                if (!failedAt(e, 0)) throw e;
                current = read(pending.key());
                if (current.isEmpty()) throw new IllegalStateException("claim vanished while claiming; retry", e);
            }
        }
        throw new IllegalStateException("contention on notification " + pending.key().eventId() + "; retry");
    }

    @Override
    public void markSent(Claim claim, Notification sent, String messageId) {
        finish(claim, sent, messageId);
    }

    @Override
    public void markFailed(Claim claim, Notification failed) {
        finish(claim, failed, null);
    }

    @Override
    public void release(Claim claim) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(claimKey(claim.key()))
                    .updateExpression("SET #leaseUntil = :zero")
                    .conditionExpression("#token = :token")
                    .expressionAttributeNames(Map.of("#leaseUntil", LEASE_UNTIL, "#token", TOKEN))
                    .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"), ":token", AttributeValue.fromS(claim.token()))));
        } catch (ConditionalCheckFailedException taken) {
            // someone else holds it now: nothing of ours to release
        }
    }

    private void finish(Claim claim, Notification notification, String messageId) {
        Identity identity = new Identity(claim.notificationId(), claim.createdAt());
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":state", AttributeValue.fromS(notification.state().name()),
                ":token", AttributeValue.fromS(claim.token())));
        String set = "SET #state = :state";
        if (messageId != null) {
            values.put(":messageId", AttributeValue.fromS(messageId));
            set += ", #messageId = :messageId";
        }
        Update update = Update.builder().tableName(table).key(claimKey(claim.key()))
                .updateExpression(set)
                .conditionExpression("#token = :token")
                .expressionAttributeNames(messageId == null ? Map.of("#state", STATE, "#token", TOKEN)
                        : Map.of("#state", STATE, "#token", TOKEN, "#messageId", MESSAGE_ID))
                .expressionAttributeValues(values)
                .build();
        dynamoDb.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(update).build(),
                putNotification(notification, identity, messageId)));
    }

    private TransactWriteItem putClaim(NotificationKey key, String state, String token, long leaseUntil, Identity identity,
                                       Optional<Current> expected, Instant now) {
        Map<String, AttributeValue> item = NotificationClaimItem.of(key.eventId(), key.channel().name(), key.shipmentId(),
                new NotificationClaimItem.Claim(state, token, leaseUntil, identity.id(), identity.createdAt()),
                now.plus(CLAIM_RETENTION));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (expected.isEmpty()) {
            put.conditionExpression("attribute_not_exists(PK)");
        } else {
            put.conditionExpression("#token = :seen")
                    .expressionAttributeNames(Map.of("#token", TOKEN))
                    .expressionAttributeValues(Map.of(":seen", AttributeValue.fromS(expected.get().token())));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem putNotification(Notification notification, Identity identity, String messageId) {
        NotificationKey key = notification.key();
        var decision = new NotificationItem.Decision(key.shipmentId(), identity.id(), identity.createdAt(), key.eventId(),
                key.channel().name(), notification.trigger().name(), notification.state().name(), notification.to(),
                notification.reason(), notification.onceKey(), messageId);
        Map<String, AttributeValue> item = NotificationItem.of(decision, identity.createdAt().plus(NOTIFICATION_RETENTION));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    private TransactWriteItem guard(NotificationKey key, String onceKey, Instant now) {
        Map<String, AttributeValue> item = NotificationClaimItem.onceGuard(key.shipmentId(), onceKey, key.channel().name(),
                key.eventId(), now.plus(NOTIFICATION_RETENTION));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK) OR #eventId = :eventId")
                .expressionAttributeNames(Map.of("#eventId", NotificationClaimItem.EVENT_ID))
                .expressionAttributeValues(Map.of(":eventId", AttributeValue.fromS(key.eventId())))
                .build()).build();
    }

    private TransactWriteItem count(String partition, java.time.LocalDate day, int cap, Instant now) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(TrackingTable.key(partition, TrackingTable.smsCountSk(day)))
                .updateExpression(CounterItem.INCREMENT)
                .conditionExpression(CounterItem.BELOW_CAP)
                .expressionAttributeNames(CounterItem.NAMES)
                .expressionAttributeValues(CounterItem.values(cap, now))
                .build()).build();
    }

    private Optional<Current> read(NotificationKey key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(claimKey(key)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        NotificationClaimItem.Claim claim = NotificationClaimItem.view(item);
        return Optional.of(new Current(claim.state(), claim.token(), claim.leaseUntil(),
                new Identity(claim.notificationId(), claim.createdAt())));
    }

    private static Map<String, AttributeValue> claimKey(NotificationKey key) {
        return TrackingTable.notificationClaimKey(key.eventId(), key.channel().name());
    }

    private static boolean failedAt(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** A notification's id and creation time: fixed by its first decision, kept through HELD → SENT. */
    private record Identity(String id, Instant createdAt) {
        static Identity fresh(Instant now) {
            return new Identity(UUID.randomUUID().toString(), now);
        }
    }

    private record Current(String state, String token, long leaseUntil, Identity identity) {
        boolean isFinal() {
            return state.equals("SENT") || state.equals("SUPPRESSED") || state.equals("FAILED");
        }
    }
}
