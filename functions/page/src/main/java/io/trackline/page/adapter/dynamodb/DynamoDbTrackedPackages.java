package io.trackline.page.adapter.dynamodb;

import io.trackline.domain.shipment.TrackedScan;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.Status;
import io.trackline.engine.dynamodb.ScanItem;
import io.trackline.engine.dynamodb.ShipmentItem;
import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.page.application.TrackedPackage;
import io.trackline.page.application.TrackedPackages;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trackline.engine.dynamodb.ShipmentItem.named;

/**
 * The shipment and its newest scans in one Query on its partition (README "Data model", pattern 2: sort keys
 * {@code EVENT#…} < {@code NOTIF#…} < {@code SHIPMENT}, read backwards, notifications filtered out), read through the
 * engine's codecs. Only what {@link TrackedPackage} has a field for is taken from the items.
 */
public final class DynamoDbTrackedPackages implements TrackedPackages {
    /** The page shows at most this many scans (a long history would outgrow the page's size budget). */
    public static final int MAX_SCANS = 50;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTrackedPackages(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<TrackedPackage> find(String shipmentId) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :first AND :shipment")
                .filterExpression("SK = :shipment OR begins_with(SK, :first)")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(TrackingTable.shipmentPk(shipmentId)),
                        ":first", AttributeValue.fromS(TrackingTable.EVENT_PREFIX),
                        ":shipment", AttributeValue.fromS(TrackingTable.SHIPMENT_SK)))
                .scanIndexForward(false);
        Map<String, AttributeValue> shipment = null;
        List<TrackedScan> scans = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(request.exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (TrackingTable.SHIPMENT_SK.equals(item.get(TrackingTable.SK).s())) shipment = item;
                else if (shipment == null) return Optional.empty();
                else if (scans.size() < MAX_SCANS) scans.add(ScanItem.tracked(item));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && scans.size() < MAX_SCANS);
        return Optional.ofNullable(shipment).map(item -> trackedPackage(item, scans));
    }

    private static TrackedPackage trackedPackage(Map<String, AttributeValue> item, List<TrackedScan> scans) {
        ShipmentItem.View stored = ShipmentItem.view(item);
        var eta = stored.eta();
        String trackingNumber = stored.trackingNumber().value();
        String statusAt = stored.statusOccurredAt();
        return new TrackedPackage(stored.id(), stored.carrier().code(),
                trackingNumber.substring(Math.max(0, trackingNumber.length() - 4)),
                named(Status.class, stored.status(), Status.UNKNOWN),
                named(Milestone.class, stored.milestone(), null),
                named(ExceptionReason.class, stored.exceptionReason(), null),
                stored.actionRequired(), stored.delayed(), stored.terminal(),
                statusAt == null ? null : OffsetDateTime.parse(statusAt),
                eta.promised(), eta.latest() == null ? null : eta.latest().date(),
                scans.stream().filter(s -> !s.implausibleTime())
                        .sorted(Comparator.comparing((TrackedScan s) -> s.scan().occurredAt().toInstant()).reversed())
                        .map(DynamoDbTrackedPackages::scan).toList());
    }

    /** City level: the scan's postal code and the carrier's description are not taken. */
    private static TrackedPackage.PackageScan scan(TrackedScan tracked) {
        Scan scan = tracked.scan();
        Location where = scan.location() == null ? Location.UNKNOWN : scan.location();
        return new TrackedPackage.PackageScan(scan.status(), scan.exceptionReason(), scan.occurredAt(), where.city(),
                where.region(), where.country());
    }
}
