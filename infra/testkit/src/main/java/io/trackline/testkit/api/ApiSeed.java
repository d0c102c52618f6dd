package io.trackline.testkit.api;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Items in the README "Data model" layout, written the way the tracking engine and the notifier write them, so the
 * read side is tested against the shared contract rather than against its own writer. The API's tests add API keys
 * ({@code io.trackline.api.support.Seed}, which hashes them with the API's own {@code ApiKey}).
 */
public class ApiSeed {
    private final DynamoDbClient dynamo;
    private final String table;

    public ApiSeed(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A shipment in transit, version 3, with an address, a contact and an ETA history. */
    public Shipment shipment(String tenantId, String orderId, String customerId) {
        return new Shipment(unique("shp_"), tenantId, orderId, customerId);
    }

    public void put(Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    public void order(String tenantId, String orderId, String customerId, Instant createdAt, List<String> shipmentIds) {
        var item = new HashMap<String, AttributeValue>();
        item.put("PK", s("ORDER#" + tenantId + "#" + orderId));
        item.put("SK", s("ORDER"));
        item.put("GSI2PK", s("CUSTOMER#" + customerId));
        item.put("GSI2SK", s("ORDER#" + createdAt + "#" + tenantId + "#" + orderId));
        item.put("tenantId", s(tenantId));
        item.put("orderId", s(orderId));
        item.put("customerId", s(customerId));
        item.put("createdAt", s(createdAt.toString()));
        if (!shipmentIds.isEmpty()) item.put("shipmentIds", AttributeValue.fromSs(shipmentIds));
        put(item);
    }

    /** A scan as the processor stores it: occurredAt with the carrier's offset, sort key in UTC. */
    public void scan(String shipmentId, OffsetDateTime occurredAt, String status, String city, String description) {
        String key = UUID.randomUUID().toString().replace("-", "");
        var item = new HashMap<String, AttributeValue>();
        item.put("PK", s("SHIP#" + shipmentId));
        item.put("SK", s("EVENT#" + occurredAt.toInstant() + "#" + key));
        item.put("scanKey", s(key));
        item.put("status", s(status));
        item.put("occurredAt", s(occurredAt.toString()));
        item.put("description", s(description));
        item.put("location", AttributeValue.fromM(Map.of("city", s(city), "region", s("IL"), "postalCode", s("62701"), "country", s("US"))));
        item.put("source", s("easypost"));
        item.put("rawStatus", s(status.toLowerCase()));
        item.put("rawSubStatus", s("x"));
        item.put("postTerminal", AttributeValue.fromBool(false));
        put(item);
    }

    public void notification(String shipmentId, Instant createdAt, String state, String reason) {
        String id = unique("ntf_");
        put(Map.of("PK", s("SHIP#" + shipmentId), "SK", s("NOTIF#" + createdAt + "#" + id), "id", s(id),
                "eventId", s(unique("evt_")), "channel", s("SMS"), "trigger", s("OUT_FOR_DELIVERY"), "state", s(state),
                "reason", s(reason), "to", s("+*********23"), "createdAt", s(createdAt.toString())));
    }

    public Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        var response = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return response.hasItem() ? response.item() : Map.of();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** A shipment item under construction; {@link #save()} writes it. */
    public final class Shipment {
        public final String id;
        public final String tenantId;
        public final String orderId;
        public final String customerId;
        public final Map<String, AttributeValue> item = new HashMap<>();
        private Instant createdAt = Instant.now().minusSeconds(3600);

        public Shipment(String id, String tenantId, String orderId, String customerId) {
            this.id = id;
            this.tenantId = tenantId;
            this.orderId = orderId;
            this.customerId = customerId;
            String trackingNumber = "1Z" + unique("").toUpperCase();
            item.put("PK", s("SHIP#" + id));
            item.put("SK", s("SHIPMENT"));
            item.put("GSI1PK", s("TRACK#ups#" + trackingNumber));
            item.put("GSI1SK", s("SHIP#" + id));
            item.put("GSI2PK", s("ORDER#" + tenantId + "#" + orderId));
            item.put("GSI2SK", s("SHIP#" + createdAt + "#" + id));
            item.put("id", s(id));
            item.put("tenantId", s(tenantId));
            item.put("orderId", s(orderId));
            item.put("customerId", s(customerId));
            item.put("carrier", s("ups"));
            item.put("trackingNumber", s(trackingNumber));
            item.put("service", s("Ground"));
            item.put("status", s("IN_TRANSIT"));
            item.put("milestone", s("IN_TRANSIT"));
            item.put("actionRequired", AttributeValue.fromBool(false));
            item.put("delayed", AttributeValue.fromBool(false));
            item.put("terminal", AttributeValue.fromBool(false));
            item.put("statusOccurredAt", s(OffsetDateTime.now(ZoneOffset.ofHours(-5)).minusHours(2).withNano(0).toString()));
            item.put("lastScanAt", s(Instant.now().minusSeconds(7200).toString()));
            item.put("eta", AttributeValue.fromM(Map.of("promised", s("2026-12-02"), "first", s("2026-12-01"),
                    "latest", s("2026-12-03"), "history", AttributeValue.fromL(List.of(
                            AttributeValue.fromM(Map.of("date", s("2026-12-01"), "reportedAt", s("2026-11-26T10:00:00Z"))),
                            AttributeValue.fromM(Map.of("date", s("2026-12-03"), "reportedAt", s("2026-11-27T08:00:00Z"))))))));
            item.put("deliveryAddress", AttributeValue.fromM(Map.of("name", s("Alice Example"), "line1", s("1 Main St"),
                    "city", s("Springfield"), "region", s("IL"), "postalCode", s("62701"), "country", s("US"))));
            item.put("contact", AttributeValue.fromM(Map.of("email", s("alice@example.com"), "phone", s("+14155550123"))));
            item.put("createdAt", s(createdAt.toString()));
            item.put("updatedAt", s(createdAt.toString()));
            item.put("version", AttributeValue.fromN("3"));
        }

        public String trackingNumber() {
            return item.get("trackingNumber").s();
        }

        public Shipment with(String attribute, String value) {
            item.put(attribute, s(value));
            return this;
        }

        public Shipment with(String attribute, AttributeValue value) {
            item.put(attribute, value);
            return this;
        }

        public Shipment registeredAt(Instant instant) {
            createdAt = instant;
            item.put("createdAt", s(instant.toString()));
            return this;
        }

        public Shipment without(String attribute) {
            item.remove(attribute);
            return this;
        }

        /** The shipment item and, as registration writes them together, the tenant's tracking claim on its package. */
        public Shipment save() {
            put(item);
            put(Map.of("PK", item.get("GSI1PK"), "SK", s("TENANT#" + tenantId), "shipmentId", s(id),
                    "createdAt", s(createdAt.toString())));
            return this;
        }
    }
}
