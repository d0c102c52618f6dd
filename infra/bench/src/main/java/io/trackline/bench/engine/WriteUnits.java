package io.trackline.bench.engine;

import io.trackline.testkit.engine.ItemSize;
import io.trackline.engine.dynamodb.TrackingTable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Estimates the write request units DynamoDB on-demand would bill (moto bills nothing), from the items as they are
 * before and after each write (read with an uncounted client around the call):
 * <ul>
 *   <li>base table: 1 unit per started KB of the larger of the item before and after (a delete: the item deleted; a
 *       failed conditional write still costs its item); twice that inside a transaction, condition checks included;</li>
 *   <li>each GSI, with the projections the table really has (DescribeTable): nothing if the item's index entry did not
 *       change; its size if the entry appeared, disappeared or changed in place; both sizes if its index key moved (a
 *       delete and a put).</li>
 * </ul>
 * Writes must not run concurrently with other writers of the same items (the bench's processor is single-threaded).
 */
final class WriteUnits implements ExecutionInterceptor {
    private static final ExecutionAttribute<List<Map<String, AttributeValue>>> BEFORE = new ExecutionAttribute<>("itemsBefore");

    private record Index(String name, String pk, String sk, ProjectionType projection, List<String> included) {
    }

    private record Write(Map<String, AttributeValue> key, int factor) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final List<String> tableKeys;
    private final List<Index> indexes = new ArrayList<>();
    private final DoubleAdder units = new DoubleAdder();
    private final Map<String, DoubleAdder> byKind = new java.util.concurrent.ConcurrentHashMap<>();

    WriteUnits(DynamoDbClient uncounted, String table) {
        this.dynamo = uncounted;
        this.table = table;
        var description = uncounted.describeTable(b -> b.tableName(table)).table();
        this.tableKeys = description.keySchema().stream().map(k -> k.attributeName()).toList();
        for (GlobalSecondaryIndexDescription i : description.globalSecondaryIndexes()) {
            String pk = i.keySchema().stream().filter(k -> k.keyType() == KeyType.HASH).findFirst().orElseThrow().attributeName();
            String sk = i.keySchema().stream().filter(k -> k.keyType() == KeyType.RANGE).findFirst().orElseThrow().attributeName();
            indexes.add(new Index(i.indexName(), pk, sk, i.projection().projectionType(),
                    i.projection().hasNonKeyAttributes() ? i.projection().nonKeyAttributes() : List.of()));
        }
    }

    double total() {
        return units.sum();
    }

    /** Units by the kind of item written (the sort key's prefix) and index: where the cost goes. */
    Map<String, Double> breakdown() {
        Map<String, Double> sorted = new java.util.TreeMap<>();
        byKind.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        List<Write> writes = writes(context.request());
        if (!writes.isEmpty()) attributes.putAttribute(BEFORE, writes.stream().map(w -> read(w.key())).toList());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        count(context.request(), attributes, true);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        count(context.request(), attributes, false);
    }

    private void count(SdkRequest request, ExecutionAttributes attributes, boolean succeeded) {
        List<Write> writes = writes(request);
        List<Map<String, AttributeValue>> before = attributes.getAttribute(BEFORE);
        if (writes.isEmpty() || before == null) return;
        for (int i = 0; i < writes.size(); i++) {
            Write w = writes.get(i);
            Map<String, AttributeValue> was = before.get(i);
            Map<String, AttributeValue> now = succeeded ? read(w.key()) : was;
            Map<String, AttributeValue> attempted = request instanceof PutItemRequest put ? put.item() : Map.of();
            String kind = kind(w.key());
            add(kind, w.factor() * kb(Math.max(Math.max(size(was), size(now)), size(attempted))));
            if (!succeeded) continue;
            for (Index index : indexes) {
                Map<String, AttributeValue> from = entry(index, was);
                Map<String, AttributeValue> to = entry(index, now);
                if (Objects.equals(from, to)) continue;
                double cost;
                if (from == null) cost = kb(size(to));
                else if (to == null) cost = kb(size(from));
                else if (!from.get(index.pk()).equals(to.get(index.pk())) || !from.get(index.sk()).equals(to.get(index.sk()))) {
                    cost = kb(size(from)) + kb(size(to));
                } else cost = kb(Math.max(size(from), size(to)));
                add(kind + " " + index.name(), cost);
            }
        }
    }

    private void add(String kind, double cost) {
        units.add(cost);
        byKind.computeIfAbsent(kind, k -> new DoubleAdder()).add(cost);
    }

    private static String kind(Map<String, AttributeValue> key) {
        String sk = key.get(TrackingTable.SK).s();
        int hash = sk.indexOf('#');
        return hash < 0 ? sk : sk.substring(0, hash);
    }

    /** The item's entry in an index: null if it lacks a key attribute of the index. */
    private Map<String, AttributeValue> entry(Index index, Map<String, AttributeValue> item) {
        if (item == null || !item.containsKey(index.pk()) || !item.containsKey(index.sk())) return null;
        if (index.projection() == ProjectionType.ALL) return item;
        Map<String, AttributeValue> entry = new HashMap<>();
        List<String> names = new ArrayList<>(tableKeys);
        names.add(index.pk());
        names.add(index.sk());
        if (index.projection() == ProjectionType.INCLUDE) names.addAll(index.included());
        for (String name : names) if (item.containsKey(name)) entry.put(name, item.get(name));
        return entry;
    }

    private List<Write> writes(SdkRequest request) {
        if (request instanceof PutItemRequest put && table.equals(put.tableName())) return List.of(new Write(key(put.item()), 1));
        if (request instanceof UpdateItemRequest update && table.equals(update.tableName())) return List.of(new Write(update.key(), 1));
        if (request instanceof DeleteItemRequest delete && table.equals(delete.tableName())) return List.of(new Write(delete.key(), 1));
        if (request instanceof TransactWriteItemsRequest transaction) {
            List<Write> writes = new ArrayList<>();
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) writes.add(new Write(key(item.put().item()), 2));
                if (item.update() != null) writes.add(new Write(item.update().key(), 2));
                if (item.delete() != null) writes.add(new Write(item.delete().key(), 2));
                if (item.conditionCheck() != null) writes.add(new Write(item.conditionCheck().key(), 2));
            }
            return writes;
        }
        return List.of();
    }

    private Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>();
        for (String name : tableKeys) key.put(name, item.get(name));
        return key;
    }

    private Map<String, AttributeValue> read(Map<String, AttributeValue> key) {
        var item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static int kb(int bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    /** DynamoDB's item size (attribute names plus values), as {@link ItemSize} counts it. */
    static int size(Map<String, AttributeValue> item) {
        return ItemSize.of(item);
    }
}
