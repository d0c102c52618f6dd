package io.trackline.local.bench.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Carrier traffic for the cost run, as native webhooks ({@code events/native-webhook.schema.json}): each shipment a
 * journey (label created, picked up, in transit, out for delivery, delivered) of scans ten minutes apart, ending a minute
 * ago, registered through the API first, with an email and a phone (so the alerts go out as they would).
 */
public enum CarrierTraffic {
    /** Every scan its own webhook, as a carrier's scan push sends them: 9 scans, 9 POSTs. */
    ONE_SCAN_PER_WEBHOOK("(a) one scan per webhook: a 9-scan journey, each scan its own native POST", 9, 9),
    /**
     * An aggregator's: 12 scans in 5 POSTs, each carrying the history so far (2, 5, 7, 10, 12 scans), as EasyPost and
     * AfterShip send a tracker's whole history whenever it changes; the processor drops the scans it has.
     */
    AGGREGATOR("(b) aggregator: a 12-scan journey in 5 native POSTs, each with the history so far", 12, 5);

    static final String CARRIER = "ups";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SCAN_INTERVAL = Duration.ofMinutes(10);
    private static final List<String> HUBS = List.of("Chicago", "Joliet", "Bloomington", "Peoria", "Springfield");

    private final String title;
    private final int scans;
    private final int webhooks;

    CarrierTraffic(String title, int scans, int webhooks) {
        this.title = title;
        this.scans = scans;
        this.webhooks = webhooks;
    }

    String title() {
        return title;
    }

    /** Carrier scans per shipment. */
    int scans() {
        return scans;
    }

    /** Webhooks per shipment. */
    int webhooks() {
        return webhooks;
    }

    /** The registration of a shipment (POST /v1/shipments). */
    static String registration(String trackingNumber, int n, OffsetDateTime now) {
        ObjectNode body = JSON.createObjectNode().put("orderId", "COST-" + trackingNumber).put("customerId", "cost-" + n)
                .put("carrier", CARRIER).put("trackingNumber", trackingNumber).put("service", "Ground")
                .put("promisedDeliveryDate", now.toLocalDate().plusDays(3).toString());
        body.putObject("deliveryAddress").put("name", "Jane Doe").put("line1", n + " Main St").put("city", "Springfield")
                .put("region", "IL").put("postalCode", "62701").put("country", "US");
        body.putObject("contact").put("email", "jane" + n + "@example.com").put("phone", String.format("+1415555%04d", n % 10_000));
        return body.toString();
    }

    /**
     * The {@code webhook}-th body (0-based) of a shipment's journey: its new scan, or the history so far. Webhooks end
     * with the journey's last scan, a minute before {@code now}.
     */
    byte[] webhook(String trackingNumber, int webhook, OffsetDateTime now) {
        int known = Math.round(scans * (webhook + 1) / (float) webhooks);
        int first = this == ONE_SCAN_PER_WEBHOOK ? known - 1 : 0;
        OffsetDateTime start = now.truncatedTo(ChronoUnit.SECONDS).minusMinutes(1).minus(SCAN_INTERVAL.multipliedBy(scans - 1));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode events = body.putArray("events");
        for (int i = first; i < known; i++) events.add(scan(trackingNumber, i, start.plus(SCAN_INTERVAL.multipliedBy(i))));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ObjectNode scan(String trackingNumber, int i, OffsetDateTime at) {
        String status = i == 0 ? "LABEL_CREATED" : i == 1 ? "PICKED_UP" : i == scans - 2 ? "OUT_FOR_DELIVERY"
                : i == scans - 1 ? "DELIVERED" : "IN_TRANSIT";
        ObjectNode event = JSON.createObjectNode().put("carrier", CARRIER).put("trackingNumber", trackingNumber)
                .put("status", status).put("occurredAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.withOffsetSameInstant(ZoneOffset.ofHours(-5))))
                .put("description", status.charAt(0) + status.substring(1).toLowerCase().replace('_', ' ') + ", scan " + (i + 1));
        event.putObject("location").put("city", HUBS.get(i % HUBS.size())).put("region", "IL").put("country", "US");
        if (i < scans - 1) event.put("estimatedDelivery", LocalDate.from(at).plusDays(i < scans / 2 ? 2 : 1).toString());
        return event;
    }
}
