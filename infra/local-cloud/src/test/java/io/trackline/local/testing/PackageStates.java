package io.trackline.local.testing;

import io.trackline.local.LocalCloud;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.trackline.local.testing.Walkthrough.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shipments in each state a customer may find on the tracking page, made the way a seller and a carrier make them on
 * the local cloud: registered through the API (promised in 3 days), then native webhooks with the carrier's scans.
 */
public final class PackageStates {

    /** A state, the scans that lead to it, and what its headline starts with. */
    public enum State {
        LABEL_CREATED("Arriving", scan("LABEL_CREATED", 3, "")),
        IN_TRANSIT("Arriving", scan("LABEL_CREATED", 30, ""), scan("PICKED_UP", 26, ""),
                scan("IN_TRANSIT", 2, estimate(3))),
        OUT_FOR_DELIVERY("Out for delivery", scan("LABEL_CREATED", 30, ""), scan("IN_TRANSIT", 10, estimate(3)),
                scan("OUT_FOR_DELIVERY", 1, "")),
        DELAYED("Delayed \u2013 now expected", scan("LABEL_CREATED", 30, ""), scan("PICKED_UP", 26, ""),
                scan("IN_TRANSIT", 2, estimate(6))),
        EXCEPTION("There is a problem with the delivery", scan("LABEL_CREATED", 30, ""), scan("IN_TRANSIT", 10, ""),
                scan("EXCEPTION", 1, ",\"exceptionReason\":\"ADDRESS_ISSUE\",\"actionRequired\":true")),
        DELIVERED("Delivered", scan("LABEL_CREATED", 30, ""), scan("OUT_FOR_DELIVERY", 5, ""), scan("DELIVERED", 1, "")),
        RETURNED("Returned to the seller", scan("LABEL_CREATED", 50, ""), scan("PICKED_UP", 46, ""),
                scan("RETURN_TO_SENDER", 20, ""), scan("RETURNED", 1, ""));

        public final String headline;
        private final List<Scan> scans;

        State(String headline, Scan... scans) {
            this.headline = headline;
            this.scans = List.of(scans);
        }
    }

    private record Scan(String status, int hoursAgo, String extra) {
    }

    private static Scan scan(String status, int hoursAgo, String extra) {
        return new Scan(status, hoursAgo, extra);
    }

    private static String estimate(int days) {
        return ",\"estimatedDelivery\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(days) + "\"";
    }

    private final LocalCloud cloud;

    public PackageStates(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /** A shipment registered with {@code walk}'s phone and tracking number, brought to {@code state}; its id. */
    public String shipmentIn(State state, Walkthrough walk) {
        String apiKey = cloud.demo().tenants().getFirst().apiKey();
        var registered = walk.registerShipment(apiKey);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = json(registered.body()).get("id").asText();
        List<String> events = new ArrayList<>();
        for (Scan scan : state.scans) {
            String at = OffsetDateTime.now(ZoneOffset.ofHours(-5)).minusHours(scan.hoursAgo())
                    .truncatedTo(ChronoUnit.SECONDS).toString();
            events.add("""
                    {"carrier":"usps","trackingNumber":"%s","status":"%s","occurredAt":"%s","description":"Carrier says %s, signed by ADA",
                     "location":{"city":"Springfield","region":"IL","postalCode":"62701","country":"US"}%s}"""
                    .formatted(walk.trackingNumber, scan.status(), at, scan.status(), scan.extra()));
        }
        var posted = walk.postNativeWebhook("{\"events\":[" + String.join(",", events) + "]}", walk.nativeSecret());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        int scans = state.scans.size();
        Eventually.await(state + " on the page", Eventually.PIPELINE, () -> page(id),
                page -> page.statusCode() == 200 && page.body().contains("<h1>" + state.headline)
                        && page.body().split("<p class=\"what\">").length - 1 == scans);
        return id;
    }

    /** The tracking page of {@code shipmentId} on the local cloud, in English. */
    public HttpResponse<String> page(String shipmentId) {
        return Http.get(URI.create(cloud.apiUrl() + "/t/" + shipmentId + "?lang=en"));
    }
}
