package io.trackline.notifier.adapter.dynamodb;

import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.domain.alerts.Channel;
import io.trackline.domain.alerts.EmailAddress;
import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.domain.tracking.Status;
import io.trackline.notifier.application.NotificationState;
import io.trackline.notifier.application.ShipmentSnapshot;
import io.trackline.notifier.application.ShipmentSnapshot.PastAlert;
import io.trackline.notifier.application.ShipmentSnapshot.ScanLine;
import io.trackline.notifier.application.Shipments;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.trackline.notifier.adapter.dynamodb.Items.map;
import static io.trackline.notifier.adapter.dynamodb.Items.s;
import static io.trackline.notifier.adapter.dynamodb.Items.string;

/**
 * One query on {@code PK=SHIP#<id>} from {@code SK >= "EVENT#"}, newest key first: SMS counters, the shipment item
 * (contact, state), its notification items (what was already sent), then its scans, of which the email needs the newest
 * five; the query stops there, so a long history is not read. Cases sort before {@code EVENT#} and are not read.
 */
public final class DynamoDbShipments implements Shipments {
    private static final int RECENT_SCANS = 5;
    private static final int PAGE_SIZE = 25;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbShipments(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<ShipmentSnapshot> find(String shipmentId) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND SK >= :from")
                .expressionAttributeValues(Map.of(":pk", s(TrackingTable.shipmentPk(shipmentId)), ":from", s(TrackingTable.EVENT_PREFIX)))
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
        Map<String, AttributeValue> shipment = found;
        Map<String, AttributeValue> contact = map(shipment, "contact");
        return Optional.of(new ShipmentSnapshot(shipmentId,
                string(shipment, "customerId"),
                string(contact, "phone").flatMap(valid(PhoneNumber::parse)),
                string(contact, "email").flatMap(valid(EmailAddress::new)),
                Items.bool(shipment, "terminal") || string(shipment, "status").flatMap(valid(Status::valueOf)).map(Status::isTerminal).orElse(false),
                string(map(shipment, "eta"), "latest").or(() -> string(map(shipment, "eta"), "promised")).flatMap(valid(LocalDate::parse)),
                List.copyOf(scans), List.copyOf(alerts)));
    }

    private static ScanLine scan(Map<String, AttributeValue> item) {
        return new ScanLine(string(item, "occurredAt").orElse(""), string(item, "status").orElse(""),
                string(item, "description").orElse(null), string(map(item, "location"), "city").orElse(null));
    }

    private static Optional<PastAlert> pastAlert(Map<String, AttributeValue> item) {
        Optional<Channel> channel = string(item, "channel").flatMap(valid(Channel::valueOf));
        Optional<NotificationState> state = string(item, "state").flatMap(valid(NotificationState::valueOf));
        if (channel.isEmpty() || state.isEmpty()) return Optional.empty();
        return Optional.of(new PastAlert(channel.get(), string(item, "onceKey").orElse(null), state.get()));
    }

    /** Contact data and states written by others may be malformed; such a value counts as absent, never as an error. */
    private static <T> Function<String, Optional<T>> valid(Function<String, T> parser) {
        return raw -> {
            try {
                return Optional.of(parser.apply(raw));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        };
    }
}
