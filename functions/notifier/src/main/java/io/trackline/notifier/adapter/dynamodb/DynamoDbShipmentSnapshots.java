package io.trackline.notifier.adapter.dynamodb;

import io.trackline.domain.shipment.Eta;
import io.trackline.engine.dynamodb.NotificationItem;
import io.trackline.engine.dynamodb.ScanItem;
import io.trackline.engine.dynamodb.ShipmentItem;
import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.domain.alerts.Channel;
import io.trackline.domain.alerts.EmailAddress;
import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.domain.tracking.Status;
import io.trackline.notifier.application.NotificationState;
import io.trackline.notifier.application.ShipmentSnapshot;
import io.trackline.notifier.application.ShipmentSnapshot.PastAlert;
import io.trackline.notifier.application.ShipmentSnapshot.ScanLine;
import io.trackline.notifier.application.ShipmentSnapshots;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;


/**
 * One query on {@code PK=SHIP#<id>} from {@code SK >= "EVENT#"}, newest key first: SMS counters, the shipment item
 * (contact, state), its notification items (what was already sent), then its scans, of which the email needs the newest
 * five; the query stops there, so a long history is not read. Cases sort before {@code EVENT#} and are not read.
 */
public final class DynamoDbShipmentSnapshots implements ShipmentSnapshots {
    private static final int RECENT_SCANS = 5;
    private static final int PAGE_SIZE = 25;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbShipmentSnapshots(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<ShipmentSnapshot> find(String shipmentId) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND SK >= :from")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TrackingTable.shipmentPk(shipmentId)),
                        ":from", AttributeValue.fromS(TrackingTable.EVENT_PREFIX)))
                .scanIndexForward(false)
                .limit(PAGE_SIZE)
                .consistentRead(true)
                .build();
        Map<String, AttributeValue> found = null;
        List<ScanLine> scans = new ArrayList<>();
        List<PastAlert> alerts = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(query).items()) {
            String sk = item.get(TrackingTable.SK).s();
            if (sk.equals(TrackingTable.SHIPMENT_SK)) found = item;
            else if (sk.startsWith(TrackingTable.NOTIFICATION_PREFIX)) pastAlert(item).ifPresent(alerts::add);
            else if (sk.startsWith(TrackingTable.EVENT_PREFIX)) {
                scans.add(scan(item));
                if (scans.size() == RECENT_SCANS) break;
            }
        }
        if (found == null) return Optional.empty();
        ShipmentItem.View shipment = ShipmentItem.view(found);
        return Optional.of(new ShipmentSnapshot(shipmentId,
                present(shipment.customerId()),
                present(shipment.phone()).flatMap(valid(PhoneNumber::parse)),
                present(shipment.email()).flatMap(valid(EmailAddress::new)),
                shipment.terminal() || present(shipment.status()).flatMap(valid(Status::valueOf)).map(Status::isTerminal).orElse(false),
                Optional.of(shipment).flatMap(valid(ShipmentItem.View::eta)).flatMap(Eta::due),
                List.copyOf(scans), List.copyOf(alerts)));
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static ScanLine scan(Map<String, AttributeValue> item) {
        ScanItem.View scan = ScanItem.view(item);
        return new ScanLine(present(scan.occurredAt()).orElse(""), present(scan.status()).orElse(""),
                present(scan.description()).orElse(null), present(scan.location().city()).orElse(null));
    }

    private static Optional<PastAlert> pastAlert(Map<String, AttributeValue> item) {
        NotificationItem.View notification = NotificationItem.view(item);
        Optional<Channel> channel = present(notification.channel()).flatMap(valid(Channel::valueOf));
        Optional<NotificationState> state = present(notification.state()).flatMap(valid(NotificationState::valueOf));
        if (channel.isEmpty() || state.isEmpty()) return Optional.empty();
        return Optional.of(new PastAlert(channel.get(), present(notification.onceKey()).orElse(null), state.get()));
    }

    /** Contact data and states written by others may be malformed; such a value counts as absent, never as an error. */
    private static <S, T> Function<S, Optional<T>> valid(Function<S, T> parser) {
        return raw -> {
            try {
                return Optional.of(parser.apply(raw));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        };
    }
}
