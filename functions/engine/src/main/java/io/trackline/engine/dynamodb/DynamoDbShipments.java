package io.trackline.engine.dynamodb;

import io.trackline.domain.shipment.Registration;
import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.ShipmentUpdate;
import io.trackline.domain.shipment.TrackedScan;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.shipment.port.AlreadyRegisteredException;
import io.trackline.domain.shipment.port.OrderFullException;
import io.trackline.domain.shipment.port.OrderOfAnotherCustomerException;
import io.trackline.domain.shipment.port.ConcurrentUpdateException;
import io.trackline.domain.shipment.port.Shipments;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanKey;
import io.trackline.domain.tracking.TrackingNumber;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import static io.trackline.engine.dynamodb.TrackingTable.PK;
import static io.trackline.engine.dynamodb.TrackingTable.SK;
import static io.trackline.engine.dynamodb.TrackingTable.key;

/**
 * The {@link Shipments} port on the single-table design of README "Data model". A batch costs one read per shipment
 * (a keys-only GSI1 lookup per package, then one consistent read of each shipment item); saves are conditional on
 * {@code version} and write the state and its announcements ({@link OutboxItem}) in one UpdateItem (a transaction only
 * when a case is opened with them), which the table's stream then carries to the relay; no operation scans the table.
 */
public final class DynamoDbShipments implements Shipments {
    static final java.time.Duration SCAN_OUTLIVES_SHIPMENT = java.time.Duration.ofDays(365);
    private final DynamoDbClient dynamo;
    private final String table;
    private final TrackingPolicy policy;
    private final Clock clock;
    private final DueKeys dueKeys = new DueKeys();

    public DynamoDbShipments(DynamoDbClient dynamo, String table, TrackingPolicy policy, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The package's shipments: GSI1 (keys only) names the shipments, then each is read once, strongly consistent
     * ({@link #byId}). The index holds keys only so that a state save
     * never rewrites a copy of the shipment there.
     */
    @Override
    public List<Shipment> forPackage(Carrier carrier, TrackingNumber trackingNumber) {
        List<String> ids = query(QueryRequest.builder().tableName(table).indexName(TrackingTable.GSI1)
                .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :ship)")
                .expressionAttributeValues(Map.of(":pk", s(TrackingTable.trackPk(carrier, trackingNumber)),
                        ":ship", s(TrackingTable.SHIPMENT_ENTRY_PREFIX)))
                .build()).stream().map(item -> TrackingTable.shipmentIdOf(Attributes.stringOrNull(item, PK))).toList();
        if (ids.isEmpty()) return claimed(carrier, trackingNumber);
        return ids.stream().map(this::byId).flatMap(Optional::stream).toList();
    }

    /**
     * GSI1 lags its table: a shipment registered a moment ago may not show there yet. Before a package's scans are
     * kept as unattached, the registration claims (read consistently) have the last word. Costs reads only for
     * packages GSI1 does not know.
     */
    private List<Shipment> claimed(Carrier carrier, TrackingNumber trackingNumber) {
        return query(TrackingTable.claims(table, carrier, trackingNumber).consistentRead(true).build()).stream()
                .map(claim -> byId(Attributes.stringOrNull(claim, "shipmentId")))
                .flatMap(Optional::stream).toList();
    }

    /** One consistent read of the shipment item. */
    @Override
    public Optional<Shipment> byId(String shipmentId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(TrackingTable.shipmentPk(shipmentId), TrackingTable.SHIPMENT_SK))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        dueKeys.read(shipmentId, item);
        return Optional.of(ShipmentItem.shipment(item));
    }

    @Override
    public Optional<Shipment> registered(String tenantId, Carrier carrier, TrackingNumber trackingNumber) {
        var claim = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(TrackingTable.trackPk(carrier, trackingNumber), TrackingTable.claimSk(tenantId)))).item();
        if (claim == null || claim.isEmpty()) return Optional.empty();
        return byId(TrackingClaimItem.view(claim).shipmentId());
    }

    @Override
    public void save(ShipmentUpdate update) {
        String id = update.before().id();
        putScans(TrackingTable.shipmentPk(id), update.newScans());
        update.reflagPostTerminalFrom().ifPresent(from -> reflagPostTerminal(id, from));
        try {
            // State and announcements are one single-item write: atomic without a transaction.
            if (update.suspectedLoss().isPresent()) {
                dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(stateUpdate(update, false))
                        .build(), putIfAbsent(CaseItem.of(update.suspectedLoss().get()))));
            } else if (!saveKeepingDueKey(update)) {
                updateItem(stateUpdate(update, false));
            }
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException(id);
        } catch (TransactionCanceledException e) {
            if (failedCondition(e, 0)) throw new ConcurrentUpdateException(id);
            throw e;
        }
    }

    /**
     * The due key (GSI3) only has to be no later than the shipment's next check. A save whose next check is not sooner
     * than the stored key leaves the key alone, so the index entry is not deleted and put again on every scan; the
     * sweeper re-indexes a shipment it finds early ({@link #reschedule}). When the read of this shipment showed a key
     * that must move ({@link DueKeys}), the attempt to keep it is skipped.
     *
     * @return false when the stored key is later than the next check or missing, or the version moved on: the full save
     * then sets the key (and tells a version conflict apart)
     */
    private boolean saveKeepingDueKey(ShipmentUpdate update) {
        Optional<Instant> next = update.after().nextCheckAt(policy);
        boolean mustMove = dueKeys.mustMove(update.before().id(), update.before().version(),
                next.map(TrackingTable::dueSk).orElse(null));
        if (next.isEmpty() || mustMove) return false;
        try {
            updateItem(stateUpdate(update, true));
            return true;
        } catch (ConditionalCheckFailedException laterKeyOrConflict) {
            return false;
        }
    }

    private void updateItem(Update update) {
        dynamo.updateItem(b -> b.tableName(table).key(update.key()).updateExpression(update.updateExpression())
                .conditionExpression(update.conditionExpression())
                .expressionAttributeNames(update.expressionAttributeNames())
                .expressionAttributeValues(update.expressionAttributeValues()));
    }

    /** Indexes the shipment at its next check, unless another writer saved it meanwhile (the next sweep looks again). */
    @Override
    public void reschedule(Shipment shipment) {
        Optional<Instant> next = shipment.nextCheckAt(policy);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":v", AttributeValue.fromN(Long.toString(shipment.version()))));
        next.ifPresent(at -> {
            values.put(":pk", s(TrackingTable.duePk(shipment.id())));
            values.put(":sk", s(TrackingTable.dueSk(at)));
        });
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(TrackingTable.shipmentPk(shipment.id()), TrackingTable.SHIPMENT_SK))
                    .updateExpression(next.isPresent() ? "SET GSI3PK = :pk, GSI3SK = :sk" : "REMOVE GSI3PK, GSI3SK")
                    .conditionExpression("version = :v")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException savedMeanwhile) {
            // that save indexed it no later than its next check
        }
    }

    @Override
    public void create(ShipmentUpdate registration) {
        Shipment shipment = registration.after();
        Registration r = shipment.registration();
        putScans(TrackingTable.shipmentPk(r.id()), registration.newScans());
        String now = clock.instant().toString();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(claim(r, now));
        Map<String, AttributeValue> item = new HashMap<>(ShipmentItem.full(shipment, policy));
        OutboxItem.of(registration.announcements()).ifPresent(outbox -> item.put(OutboxItem.ATTRIBUTE, outbox));
        writes.add(putIfAbsent(item));
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(TrackingTable.orderPk(r.tenantId(), r.orderId()), TrackingTable.ORDER_SK))
                .updateExpression("SET tenantId = :t, orderId = :o, customerId = :c, updatedAt = :now,"
                        + " createdAt = if_not_exists(createdAt, :now), GSI2PK = :gpk, GSI2SK = if_not_exists(GSI2SK, :gsk)"
                        + " ADD shipmentIds :ids")
                .conditionExpression("attribute_not_exists(PK) OR (customerId = :c AND size(shipmentIds) < :max)")
                .expressionAttributeValues(Map.of(":t", s(r.tenantId()), ":o", s(r.orderId()), ":c", s(r.customerId()),
                        ":now", s(now), ":gpk", s(TrackingTable.customerPk(r.customerId())),
                        ":gsk", s(TrackingTable.orderEntrySk(now, r.tenantId(), r.orderId())),
                        ":ids", AttributeValue.fromSs(List.of(r.id())),
                        ":max", AttributeValue.fromN(Integer.toString(Registration.MAX_SHIPMENTS_PER_ORDER))))
                .build()).build());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (failedCondition(e, 0)) {
                throw new AlreadyRegisteredException(r.tenantId(), r.carrier().code(), r.trackingNumber().value());
            }
            if (failedCondition(e, 2)) {
                throw orderRefused(r);
            }
            throw e;
        }
    }

    @Override
    public void keepUnattached(Carrier carrier, TrackingNumber trackingNumber, Collection<Scan> scans,
                               Set<ScanKey> implausible) {
        long expiresAt = clock.instant().plus(policy.retention()).getEpochSecond();
        for (Scan scan : scans) {
            Map<String, AttributeValue> item = new HashMap<>(ScanItem.of(TrackingTable.trackPk(carrier, trackingNumber),
                    new TrackedScan(scan, false, implausible.contains(scan.key()))));
            // Nobody may ever register the package: the scans go after the retention period, counted from now.
            item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
            putOnce(item);
        }
    }

    @Override
    public List<TrackedScan> unattachedScans(Carrier carrier, TrackingNumber trackingNumber) {
        return query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :event)")
                .expressionAttributeValues(Map.of(":pk", s(TrackingTable.trackPk(carrier, trackingNumber)),
                        ":event", s(TrackingTable.EVENT_PREFIX)))
                .build()).stream().map(ScanItem::tracked).toList();
    }

    @Override
    public List<String> due(Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        String upper = TrackingTable.dueSk(now);
        for (int shard = 0; shard < TrackingTable.DUE_SHARDS && ids.size() < limit; shard++) {
            QueryRequest request = QueryRequest.builder().tableName(table).indexName(TrackingTable.GSI3)
                    .keyConditionExpression("GSI3PK = :pk AND GSI3SK <= :upper")
                    .expressionAttributeValues(Map.of(":pk", s(TrackingTable.duePk(shard)), ":upper", s(upper)))
                    .limit(limit - ids.size()).build();
            for (var item : dynamo.query(request).items()) {
                if (ids.size() < limit) ids.add(TrackingTable.shipmentIdOf(Attributes.stringOrNull(item, PK)));
            }
        }
        return ids;
    }

    /** Every scan item of a shipment, oldest first: the history the API shows (newest first) and tests check. */
    public List<TrackedScan> history(String shipmentId) {
        return query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :event)")
                .expressionAttributeValues(Map.of(":pk", s(TrackingTable.shipmentPk(shipmentId)),
                        ":event", s(TrackingTable.EVENT_PREFIX)))
                .build()).stream().map(ScanItem::tracked).toList();
    }

    /**
     * Scans are written once and never revisited, so each gets its own expiry: a year past the shipment's retention from
     * when we stored it (PRODUCT.md §9: retention counts from storage, never from the carrier's time, which may be
     * implausible), which outlives any shipment that ends within a year of its scans.
     */
    private void putScans(String pk, List<TrackedScan> scans) {
        long expiresAt = clock.instant().plus(policy.retention()).plus(SCAN_OUTLIVES_SHIPMENT).getEpochSecond();
        for (TrackedScan scan : scans) {
            Map<String, AttributeValue> item = new HashMap<>(ScanItem.of(pk, scan));
            item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
            putOnce(item);
        }
    }

    /** A scan is written once: a retry after a crash finds it there, which is fine. */
    private void putOnce(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException alreadyStored) {
            // stored by an earlier attempt of this batch, or by a concurrent one: same scan, same key
        }
    }

    /** A terminal scan arrived after scans that happened later than it: those are post-terminal now. */
    private void reflagPostTerminal(String shipmentId, Instant from) {
        String pk = TrackingTable.shipmentPk(shipmentId);
        var stored = query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND SK > :from")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":from", s(TrackingTable.EVENT_PREFIX + TrackingTable.sortable(from) + "#\uffff")))
                .build());
        for (var item : stored) {
            String sk = Attributes.stringOrNull(item, SK);
            if (!sk.startsWith(TrackingTable.EVENT_PREFIX) || Attributes.bool(item, "postTerminal")) continue;
            if (ScanItem.scan(item).status().isTerminal()) continue;
            dynamo.updateItem(b -> b.tableName(table).key(key(pk, sk)).updateExpression("SET postTerminal = :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
        }
    }

    /** @param keepDueKey leave GSI3's key as stored, on the condition that it is no later than the next check */
    private Update stateUpdate(ShipmentUpdate update, boolean keepDueKey) {
        Map<String, AttributeValue> state = ShipmentItem.state(update.after(), policy);
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < ShipmentItem.STATE.size(); i++) {
            String attribute = ShipmentItem.STATE.get(i);
            if (keepDueKey && attribute.startsWith("GSI3")) continue;
            names.put("#a" + i, attribute);
            AttributeValue value = state.get(attribute);
            if (value != null) {
                sets.add("#a" + i + " = :a" + i);
                values.put(":a" + i, value);
            } else {
                removes.add("#a" + i);
            }
        }
        // This write's announcements replace the previous write's: the stream relay publishes what is new to it.
        names.put("#outbox", OutboxItem.ATTRIBUTE);
        OutboxItem.of(update.announcements()).ifPresentOrElse(outbox -> {
            sets.add("#outbox = :outbox");
            values.put(":outbox", outbox);
        }, () -> removes.add("#outbox"));
        StringBuilder expression = new StringBuilder("SET ").append(String.join(", ", sets));
        if (!removes.isEmpty()) expression.append(" REMOVE ").append(String.join(", ", removes));
        names.put("#expected", "version");
        values.put(":expected", AttributeValue.fromN(Long.toString(update.before().version())));
        if (keepDueKey) values.put(":due", state.get("GSI3SK"));
        return Update.builder().tableName(table)
                .key(key(TrackingTable.shipmentPk(update.before().id()), TrackingTable.SHIPMENT_SK))
                .updateExpression(expression.toString())
                .conditionExpression(keepDueKey ? "#expected = :expected AND GSI3SK <= :due" : "#expected = :expected")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /**
     * The tenant's claim on the package. A claim whose shipment TTL has removed is taken over (conditional on the
     * shipment id it still names), so the package can be registered again; any other existing claim fails the write.
     */
    private TransactWriteItem claim(Registration r, String now) {
        var claimKey = key(TrackingTable.trackPk(r.carrier(), r.trackingNumber()), TrackingTable.claimSk(r.tenantId()));
        var item = TrackingClaimItem.of(r, now);
        var existing = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(claimKey)).item();
        String orphan = existing == null || existing.isEmpty() ? null : TrackingClaimItem.view(existing).shipmentId();
        if (orphan == null || byId(orphan).isPresent()) return putIfAbsent(item);
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("#shipmentId = :orphan")
                .expressionAttributeNames(Map.of("#shipmentId", TrackingClaimItem.SHIPMENT_ID))
                .expressionAttributeValues(Map.of(":orphan", s(orphan))).build()).build();
    }

    /** Which of the order's conditions refused the shipment: its customer, or its size. */
    private RuntimeException orderRefused(Registration r) {
        var order = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(TrackingTable.orderPk(r.tenantId(), r.orderId()), TrackingTable.ORDER_SK))).item();
        return r.customerId().equals(OrderItem.view(order).customerId())
                ? new OrderFullException(r.orderId())
                : new OrderOfAnotherCustomerException(r.orderId());
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)").build()).build();
    }

    private static boolean failedCondition(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private List<Map<String, AttributeValue>> query(QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamo.query(start == null ? request : request.toBuilder().exclusiveStartKey(start).build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
