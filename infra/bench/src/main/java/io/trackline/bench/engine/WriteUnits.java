package io.trackline.bench.engine;

import io.trackline.testkit.engine.ItemSize;
import io.trackline.testkit.engine.WriteRequestUnits;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Estimates the write request units DynamoDB on-demand would bill (moto bills nothing), from the items as they are
 * before and after each write (read with an uncounted client around the call), by {@link WriteRequestUnits}' rules.
 * Writes must not run concurrently with other writers of the same items (the bench's processor is single-threaded).
 */
final class WriteUnits implements ExecutionInterceptor {
    private static final ExecutionAttribute<List<Map<String, AttributeValue>>> BEFORE = new ExecutionAttribute<>("itemsBefore");

    private record Write(Map<String, AttributeValue> key, int factor) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final WriteRequestUnits rules;
    private final DoubleAdder units = new DoubleAdder();
    private final Map<String, DoubleAdder> byKind = new java.util.concurrent.ConcurrentHashMap<>();

    WriteUnits(DynamoDbClient uncounted, String table) {
        this.dynamo = uncounted;
        this.table = table;
        this.rules = new WriteRequestUnits(uncounted, table);
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
            rules.units(w.key(), was, now, attempted, w.factor(), succeeded).forEach((kind, cost) -> {
                units.add(cost);
                byKind.computeIfAbsent(kind, k -> new DoubleAdder()).add(cost);
            });
        }
    }

    private List<Write> writes(SdkRequest request) {
        if (request instanceof PutItemRequest put && table.equals(put.tableName())) return List.of(new Write(rules.key(put.item()), 1));
        if (request instanceof UpdateItemRequest update && table.equals(update.tableName())) return List.of(new Write(update.key(), 1));
        if (request instanceof DeleteItemRequest delete && table.equals(delete.tableName())) return List.of(new Write(delete.key(), 1));
        if (request instanceof TransactWriteItemsRequest transaction) {
            List<Write> writes = new ArrayList<>();
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) writes.add(new Write(rules.key(item.put().item()), 2));
                if (item.update() != null) writes.add(new Write(item.update().key(), 2));
                if (item.delete() != null) writes.add(new Write(item.delete().key(), 2));
                if (item.conditionCheck() != null) writes.add(new Write(item.conditionCheck().key(), 2));
            }
            return writes;
        }
        return List.of();
    }

    private Map<String, AttributeValue> read(Map<String, AttributeValue> key) {
        var item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    /** DynamoDB's item size (attribute names plus values), as {@link ItemSize} counts it. */
    static int size(Map<String, AttributeValue> item) {
        return ItemSize.of(item);
    }
}
