package io.trackline.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.local.testing.Eventually;
import io.trackline.local.testing.Http;
import io.trackline.local.testing.Moto;
import io.trackline.local.testing.PackageStates;
import io.trackline.local.testing.RunningCloud;
import io.trackline.local.testing.Walkthrough;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.trackline.local.testing.Eventually.PIPELINE;
import static io.trackline.local.testing.Walkthrough.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's link proof on the local cloud: the SMS moto recorded for a shipment links to the page of that shipment,
 * served by the same local API (TrackingPageUrl's default, the stack's API URL + /t, is the gateway locally), in the
 * language the customer's preferences name (the SMS too), and no page shows what the seller registered about the customer.
 */
class TrackingPageEndToEndIT {
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    @RegisterExtension
    static final RunningCloud CLOUD = RunningCloud.shared();

    private final LocalCloud cloud = CLOUD.cloud();

    @Test
    void shouldOpenThatShipmentsPage_whenFollowingTheLinkInTheSmsMotoRecorded() {
        // given a customer who wants an SMS when the package is out for delivery, when it goes out for delivery
        Texted texted = outForDeliveryTexted("{\"channels\":[\"SMS\"],\"alerts\":[\"OUT_FOR_DELIVERY\"]}");

        // then the SMS moto recorded links to this shipment's page on the local API, and the page opens
        assertThat(texted.link()).isEqualTo(cloud.apiUrl() + "/t/" + texted.shipmentId());
        var page = Http.get(URI.create(texted.link()), "accept-language", "en-US,en;q=0.9");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("referrer-policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("x-robots-tag")).contains("noindex");
        assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'none'"));
        assertThat(page.body()).contains("<h1>Out for delivery</h1>")
                .contains("USPS package, tracking number ending " + texted.trackingNumberEnd());
    }

    @Test
    void shouldTextInSpanishAndOpenTheSpanishPage_whenTheCustomersPreferencesNameSpanish() {
        // given a customer whose preferences name Spanish, when the package goes out for delivery
        Texted texted = outForDeliveryTexted("{\"channels\":[\"SMS\"],\"alerts\":[\"OUT_FOR_DELIVERY\"],\"language\":\"es\"}");

        // then the SMS moto recorded is in Spanish, and its link names Spanish before the browser's English
        assertThat(texted.sms()).startsWith("Paquete USPS terminado en " + texted.trackingNumberEnd() + " en reparto hoy. Seguimiento: ");
        assertThat(texted.link()).isEqualTo(cloud.apiUrl() + "/t/" + texted.shipmentId() + "?lang=es");
        var page = Http.get(URI.create(texted.link()), "accept-language", "en-US,en;q=0.9");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-language")).contains("es");
        assertThat(page.body()).contains("<html lang=\"es\">").contains("<h1>En reparto</h1>")
                .contains("Paquete de USPS, número de seguimiento terminado en " + texted.trackingNumberEnd());
    }

    @Test
    void shouldShowNoneOfTheCustomersDetails_inAnyStatesPage() {
        PackageStates states = new PackageStates(cloud);
        for (PackageStates.State state : PackageStates.State.values()) {
            Walkthrough walk = new Walkthrough(cloud);
            String body = states.page(states.shipmentIn(state, walk)).body().toLowerCase(Locale.ROOT);
            // what Walkthrough registers: name, street, postal code, email, phone, order and customer; the carrier's wording
            for (String registered : List.of("Ada Lovelace", "Lovelace", "1 Main St", "62701", "ada@example.com",
                    walk.phone, walk.phone.substring(1), "order-" + walk.trackingNumber, walk.trackingNumber,
                    cloud.demo().customers().getFirst().id(), cloud.demo().tenants().getFirst().id(), "Priority Mail",
                    "signed by", "carrier says")) {
                assertThat(body).as(state + ": " + registered).doesNotContain(registered.toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void shouldAnswerAFriendlyPage_whenTheLinkNamesNoShipment() {
        var page = Http.get(URI.create(cloud.apiUrl() + "/t/shp_000000000000000000000A"), "accept-language", "es-ES,es;q=0.9");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<html lang=\"es\">").contains("Enlace de seguimiento no encontrado");
    }

    /** An SMS moto recorded for a shipment, the link in it, and the end of the tracking number the SMS names. */
    private record Texted(String shipmentId, String sms, String link, String trackingNumberEnd) {
    }

    /** A new customer's preferences saved as {@code preferences}, then a package of theirs out for delivery, texted. */
    private Texted outForDeliveryTexted(String preferences) {
        var customer = Walkthrough.newCustomer(cloud);
        Walkthrough walk = new Walkthrough(cloud, customer.id());
        var saved = walk.put("/v1/me/notification-preferences", preferences, bearer(customer.token()));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        String shipmentId = new PackageStates(cloud).shipmentIn(PackageStates.State.OUT_FOR_DELIVERY, walk);

        List<JsonNode> texts = Eventually.await("the SMS", PIPELINE, () -> Moto.smsTo(cloud, walk.phone), sms -> !sms.isEmpty());
        String sms = texts.getFirst().path("message").asText();
        Matcher link = LINK.matcher(sms);
        assertThat(link.find()).as(sms).isTrue();
        return new Texted(shipmentId, sms, link.group(), walk.trackingNumber.substring(walk.trackingNumber.length() - 4));
    }
}
