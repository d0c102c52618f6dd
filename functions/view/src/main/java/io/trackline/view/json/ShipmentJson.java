package io.trackline.view.json;

import io.trackline.view.shipment.Audience;
import io.trackline.view.shipment.CustomerTexts;
import io.trackline.view.shipment.Eta;
import io.trackline.view.shipment.PublicPackage;
import io.trackline.view.shipment.TrackedShipment;
import io.trackline.view.shipment.TrackingEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.aws.Json;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;

import java.time.LocalDate;

/**
 * The JSON of a shipment (PRODUCT.md §4 "Shapes"), cut to what the {@link Audience} may see: the one renderer of
 * {@code GET /v1/shipments/{id}} and of the {@code shipment} in a webhook to an API client (README "Webhooks to API
 * clients"). Written by hand rather than by reflection so that a field reaches a client only where this class says so.
 */
public final class ShipmentJson {
    private ShipmentJson() {
    }

    public static ObjectNode shipment(TrackedShipment s, Audience audience, boolean withEvents) {
        if (audience == Audience.PUBLIC) return publicPackage(PublicPackage.of(s));
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("id", s.id()).put("orderId", s.orderId()).put("customerId", s.customerId());
        json.put("carrier", s.carrier()).put("trackingNumber", s.trackingNumber()).put("service", s.service());
        progress(json, s.status(), s.milestone(), s.exceptionReason(), s.actionRequired(), s.delayed(),
                s.terminal() || s.status().isTerminal());
        json.set("eta", eta(s.eta()));
        json.set("deliveryAddress", Json.mapper().valueToTree(s.deliveryAddress()));
        ArrayNode changes = json.putArray("addressChanges");
        s.addressChanges().forEach(c -> changes.addObject().put("changedAt", c.changedAt().toString()));
        json.put("createdAt", s.createdAt() == null ? null : s.createdAt().toString());
        if (audience == Audience.TENANT) {
            json.set("contact", Json.mapper().valueToTree(s.contact()));
        }
        if (withEvents) {
            ArrayNode events = json.putArray("events");
            for (TrackingEvent e : s.events()) events.add(event(e, audience));
        }
        return json;
    }

    /**
     * Public tracking (PRODUCT.md §9): only the carrier's facts, from a type that has no tenant field; scans at city
     * level in our wording.
     */
    public static ObjectNode publicPackage(PublicPackage p) {
        ObjectNode json = Json.mapper().createObjectNode()
                .put("carrier", p.carrier()).put("trackingNumber", p.trackingNumber());
        progress(json, p.status(), p.milestone(), p.exceptionReason(), p.actionRequired(), p.delayed(), p.terminal());
        ObjectNode eta = json.putObject("eta")
                .put("first", date(p.eta().first()))
                .put("latest", date(p.eta().latest()));
        ArrayNode history = eta.putArray("history");
        p.eta().history().forEach(h -> history.addObject().put("date", date(h.date()))
                .put("reportedAt", h.reportedAt() == null ? null : h.reportedAt().toString()));
        ArrayNode events = json.putArray("events");
        for (PublicPackage.PublicScan e : p.events()) {
            ObjectNode event = events.addObject()
                    .put("status", e.status().name())
                    .put("occurredAt", e.occurredAt().toString())
                    .put("description", CustomerTexts.status(e.status()));
            event.putObject("location").put("city", e.location().city()).put("region", e.location().region())
                    .put("country", e.location().country());
            event.put("source", e.source()).put("rawStatus", e.rawStatus()).put("postTerminal", e.postTerminal());
        }
        return json;
    }

    /** Where the package is, with the texts for a person: the same fields for every audience. */
    private static void progress(ObjectNode json, Status status, Milestone milestone, ExceptionReason reason,
                                 boolean actionRequired, boolean delayed, boolean terminal) {
        json.put("status", status.name())
                .put("statusText", CustomerTexts.status(status))
                .put("milestone", milestone == null ? null : milestone.name())
                .put("exceptionReason", reason == null ? null : reason.name())
                .put("exceptionText", CustomerTexts.exception(reason))
                .put("actionRequired", actionRequired)
                .put("actionText", actionRequired ? CustomerTexts.action(reason) : null)
                .put("delayed", delayed)
                .put("terminal", terminal);
    }

    private static ObjectNode eta(Eta eta) {
        ObjectNode json = Json.mapper().createObjectNode()
                .put("promised", date(eta.promised()))
                .put("first", date(eta.first()))
                .put("latest", date(eta.latest()))
                .put("expected", date(eta.expected().orElse(null)));
        ArrayNode history = json.putArray("history");
        eta.history().forEach(h -> history.addObject().put("date", date(h.date()))
                .put("reportedAt", h.reportedAt() == null ? null : h.reportedAt().toString()));
        return json;
    }

    private static ObjectNode event(TrackingEvent e, Audience audience) {
        Location where = e.location() == null ? Location.UNKNOWN : e.location();
        ObjectNode json = Json.mapper().createObjectNode()
                .put("status", e.status().name())
                .put("occurredAt", e.occurredAt().toString())
                .put("description", e.description());
        json.putObject("location").put("city", where.city()).put("region", where.region())
                .put("postalCode", where.postalCode()).put("country", where.country());
        return json.put("source", e.source()).put("rawStatus", e.rawStatus()).put("postTerminal", e.postTerminal())
                .put("implausibleTime", e.implausibleTime());
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
