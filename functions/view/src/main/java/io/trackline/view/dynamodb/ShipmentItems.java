package io.trackline.view.dynamodb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.aws.Json;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;
import io.trackline.engine.dynamodb.ScanItem;
import io.trackline.engine.dynamodb.ShipmentItem;
import io.trackline.view.shipment.Address;
import io.trackline.view.shipment.AddressChange;
import io.trackline.view.shipment.Contact;
import io.trackline.view.shipment.Eta;
import io.trackline.view.shipment.TrackedShipment;
import io.trackline.view.shipment.TrackingEvent;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static io.trackline.engine.dynamodb.ShipmentItem.named;

/**
 * Shipment and scan items as API clients and customers see them, each read through its codec in the engine; and the
 * nested records the API writes into the shipment item (address, address changes), as {@link #shipment} reads them.
 */
public final class ShipmentItems {
    private static final ObjectReader LENIENT = Json.mapper().reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ShipmentItems() {
    }

    /**
     * The engine's layout (README "Data model"), read through its codec ({@link ShipmentItem#view}); the nested
     * records (address, contact, the API's own address changes) as stored.
     */
    public static TrackedShipment shipment(Map<String, AttributeValue> item, List<TrackingEvent> events) {
        ShipmentItem.View stored = ShipmentItem.view(item);
        String statusAt = stored.statusOccurredAt();
        return new TrackedShipment(stored.id(), stored.tenantId(), stored.orderId(), stored.customerId(),
                stored.carrier().code(), stored.trackingNumber().value(),
                stored.service(),
                named(Status.class, stored.status(), Status.UNKNOWN),
                named(Milestone.class, stored.milestone(), null),
                named(ExceptionReason.class, stored.exceptionReason(), null),
                stored.actionRequired(), stored.delayed(), stored.terminal(),
                statusAt == null ? null : OffsetDateTime.parse(statusAt),
                eta(stored.eta()),
                read(item, "deliveryAddress", Address.class).orElse(null),
                read(item, "contact", Contact.class).orElse(null),
                stored.createdAt(),
                stored.version(),
                read(item, "addressChanges", AddressChange[].class).map(Arrays::asList).orElse(List.of()),
                events);
    }

    /** The shipment id, from the table key (the item stores it nowhere else). */
    public static String id(Map<String, AttributeValue> shipmentItem) {
        return ShipmentItem.view(shipmentItem).id();
    }

    /** A scan item, read through the engine's codec ({@link ScanItem#view}). */
    public static TrackingEvent event(Map<String, AttributeValue> item) {
        ScanItem.View scan = ScanItem.view(item);
        return new TrackingEvent(scan.scanKey(), named(Status.class, scan.status(), Status.UNKNOWN),
                OffsetDateTime.parse(scan.occurredAt()), scan.description(), scan.location(), scan.source(),
                scan.rawStatus(), named(ExceptionReason.class, scan.exceptionReason(), null),
                scan.postTerminal(), scan.implausibleTime());
    }

    private static Eta eta(io.trackline.domain.shipment.Eta eta) {
        return new Eta(eta.promised(), eta.first() == null ? null : eta.first().date(),
                eta.latest() == null ? null : eta.latest().date(),
                eta.history().stream().map(e -> new Eta.Estimate(e.date(), e.reportedAt())).toList());
    }

    /** A record (an address, an address change) as the nested attribute {@link #shipment} reads; null fields are left out. */
    public static AttributeValue attribute(Object record) {
        return attribute(Json.mapper().valueToTree(record));
    }

    private static AttributeValue attribute(JsonNode node) {
        if (node == null || node.isNull()) return AttributeValue.fromNul(true);
        if (node.isObject()) {
            var map = new LinkedHashMap<String, AttributeValue>();
            node.properties().forEach(e -> {
                if (!e.getValue().isNull()) map.put(e.getKey(), attribute(e.getValue()));
            });
            return AttributeValue.fromM(map);
        }
        if (node.isArray()) {
            return AttributeValue.fromL(StreamSupport.stream(node.spliterator(), false).map(ShipmentItems::attribute).toList());
        }
        if (node.isBoolean()) return AttributeValue.fromBool(node.booleanValue());
        if (node.isNumber()) return AttributeValue.fromN(node.asText());
        return AttributeValue.fromS(node.asText());
    }

    /** A nested attribute read into {@code type}, empty when absent or null; attributes it does not know are ignored. */
    private static <T> Optional<T> read(Map<String, AttributeValue> item, String name, Class<T> type) {
        AttributeValue v = item.get(name);
        if (v == null || Boolean.TRUE.equals(v.nul())) return Optional.empty();
        try {
            return Optional.ofNullable(LENIENT.treeToValue(toJson(v), type));
        } catch (IOException e) {
            throw new IllegalStateException("attribute " + name + " is not a " + type.getSimpleName(), e);
        }
    }

    private static JsonNode toJson(AttributeValue v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v.s() != null) return f.textNode(v.s());
        if (v.n() != null) return f.numberNode(new BigDecimal(v.n()));
        if (v.bool() != null) return f.booleanNode(v.bool());
        if (v.hasM()) {
            ObjectNode o = f.objectNode();
            v.m().forEach((k, x) -> o.set(k, toJson(x)));
            return o;
        }
        if (v.hasL()) {
            ArrayNode a = f.arrayNode();
            v.l().forEach(x -> a.add(toJson(x)));
            return a;
        }
        if (v.hasSs()) {
            ArrayNode a = f.arrayNode();
            v.ss().forEach(a::add);
            return a;
        }
        return f.nullNode();
    }
}
