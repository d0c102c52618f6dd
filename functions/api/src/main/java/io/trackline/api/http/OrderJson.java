package io.trackline.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.api.application.tracking.OrderSummary;
import io.trackline.aws.Json;
import io.trackline.view.json.ShipmentJson;
import io.trackline.view.shipment.Audience;
import io.trackline.view.shipment.TrackedShipment;

import java.util.List;

/** The JSON of an order (PRODUCT.md §4 "Shapes"): its summary and its shipments, each as {@link ShipmentJson} shows it. */
public final class OrderJson {
    private OrderJson() {
    }

    public static ObjectNode order(String orderId, String customerId, List<TrackedShipment> shipments, Audience audience) {
        ObjectNode json = Json.mapper().createObjectNode().put("orderId", orderId).put("customerId", customerId);
        json.set("summary", summary(OrderSummary.of(shipments)));
        ArrayNode list = json.putArray("shipments");
        shipments.forEach(s -> list.add(ShipmentJson.shipment(s, audience, false)));
        return json;
    }

    private static ObjectNode summary(OrderSummary summary) {
        return Json.mapper().createObjectNode()
                .put("shipments", summary.shipments())
                .put("delivered", summary.delivered())
                .put("text", summary.text())
                .put("earliestOpenEta", summary.earliestOpenEta() == null ? null : summary.earliestOpenEta().toString());
    }
}
