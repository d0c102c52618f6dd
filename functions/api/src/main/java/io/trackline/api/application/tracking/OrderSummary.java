package io.trackline.api.application.tracking;

import io.trackline.view.shipment.TrackedShipment;
import io.trackline.domain.tracking.Status;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** An order at a glance: "2 of 3 delivered" and the earliest date a not-yet-finished shipment is expected. */
public record OrderSummary(int shipments, int delivered, String text, LocalDate earliestOpenEta) {
    public static OrderSummary of(List<TrackedShipment> shipments) {
        int delivered = (int) shipments.stream().filter(s -> s.status() == Status.DELIVERED).count();
        LocalDate eta = shipments.stream()
                .filter(s -> !s.terminal() && !s.status().isTerminal())
                .map(s -> s.eta().expected().orElse(null))
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        return new OrderSummary(shipments.size(), delivered, delivered + " of " + shipments.size() + " delivered", eta);
    }
}
