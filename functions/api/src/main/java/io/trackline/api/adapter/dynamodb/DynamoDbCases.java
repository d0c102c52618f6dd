package io.trackline.api.adapter.dynamodb;

import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.api.application.issues.Cases;
import io.trackline.api.application.issues.ProblemCase;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.trackline.api.adapter.dynamodb.Items.s;
import static io.trackline.api.adapter.dynamodb.Items.str;

/**
 * Cases as {@code PK=SHIP#<shipmentId>, SK=CASE#<caseId>}, written in one transaction with the guard
 * {@code SK=CASEOPEN#<type>} that keeps one open case per type; support deletes the guard when it closes the case.
 */
public final class DynamoDbCases implements Cases {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbCases(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<String> open(ProblemCase c) {
        var guard = new HashMap<>(TrackingTable.openCaseKey(c.shipmentId(), c.type().name()));
        guard.put("caseId", s(c.id()));
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(put(guard), put(item(c))).build());
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().isEmpty() || !"ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) throw e;
            var existing = dynamo.getItem(GetItemRequest.builder().tableName(table)
                    .key(TrackingTable.openCaseKey(c.shipmentId(), c.type().name())).consistentRead(true).build());
            return Optional.of(existing.hasItem() ? str(existing.item(), "caseId") : "unknown");
        }
    }

    @Override
    public void withdraw(ProblemCase c) {
        dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                delete(TrackingTable.openCaseKey(c.shipmentId(), c.type().name())), delete(TrackingTable.caseKey(c.shipmentId(), c.id()))).build());
    }

    private static Map<String, AttributeValue> item(ProblemCase c) {
        var item = new HashMap<>(TrackingTable.caseKey(c.shipmentId(), c.id()));
        item.put("id", s(c.id()));
        item.put("shipmentId", s(c.shipmentId()));
        item.put("tenantId", s(c.tenantId()));
        if (c.orderId() != null) item.put("orderId", s(c.orderId()));
        item.put("customerId", s(c.customerId()));
        item.put("type", s(c.type().name()));
        item.put("status", s(c.status()));
        if (c.description() != null) item.put("description", s(c.description()));
        item.put("createdAt", s(TrackingTable.sortable(c.createdAt())));
        item.put("evidence", Items.of(c.evidence()));
        return item;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)").build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }
}
