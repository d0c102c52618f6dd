package io.trackline.api.adapter.dynamodb;

import io.trackline.api.application.issues.Cases;
import io.trackline.api.application.issues.Evidence;
import io.trackline.engine.dynamodb.CaseItem;
import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.api.application.issues.ProblemCase;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.Map;
import java.util.Optional;

/**
 * Cases as the engine's {@link CaseItem}s, written in one transaction with the guard that keeps one open case per type;
 * support deletes the guard when it closes the case.
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
        CaseItem.Case stored = stored(c);
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder()
                    .transactItems(put(CaseItem.openGuard(stored)), put(CaseItem.of(stored))).build());
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().isEmpty() || !"ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) throw e;
            var existing = dynamo.getItem(GetItemRequest.builder().tableName(table)
                    .key(TrackingTable.openCaseKey(c.shipmentId(), c.type().name())).consistentRead(true).build());
            return Optional.of(existing.hasItem() ? CaseItem.openCaseId(existing.item()) : "unknown");
        }
    }

    @Override
    public void withdraw(ProblemCase c) {
        dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                delete(TrackingTable.openCaseKey(c.shipmentId(), c.type().name())), delete(TrackingTable.caseKey(c.shipmentId(), c.id()))).build());
    }

    private static CaseItem.Case stored(ProblemCase c) {
        Evidence e = c.evidence();
        return new CaseItem.Case(c.id(), c.shipmentId(), c.tenantId(), c.orderId(), c.customerId(), c.type().name(),
                c.status(), c.description(), c.createdAt(), new CaseItem.Evidence(e.status(), e.milestone(),
                e.exceptionReason(), e.delayed(), e.promised(), e.latestEstimate(), e.statusOccurredAt(), null, null,
                e.lastScans().stream().map(s -> new CaseItem.Scan(s.status(), s.occurredAt(), s.description(), s.city(),
                        s.country())).toList()));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)").build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }
}
