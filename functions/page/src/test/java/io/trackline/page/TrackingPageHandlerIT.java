package io.trackline.page;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;
import io.trackline.engine.TrackingEngine;
import io.trackline.page.http.TrackingPageHtml;
import io.trackline.testkit.engine.EngineCloud;
import io.trackline.testkit.engine.TypicalShipment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler on moto: shipments the engine registered and tracked, read through the engine's item codecs. */
class TrackingPageHandlerIT {
    @RegisterExtension
    static final EngineCloud.PerTestClass EMULATOR = new EngineCloud.PerTestClass();
    private static final Instant REGISTERED_AT = Instant.parse("2026-03-02T09:00:00Z");

    private final EngineCloud cloud = EMULATOR.cloud();
    private TrackingEngine engine;
    private TrackingPageHandler handler;

    @BeforeEach
    void deploy() {
        EngineCloud.Stack stack = cloud.stack();
        engine = TrackingEngine.from(stack.settings(), cloud.clients(stack, List.of()),
                Clock.fixed(REGISTERED_AT.plusSeconds(36 * 3600), ZoneOffset.UTC));
        handler = new TrackingPageHandler(PageWiring.from(stack.settings()));
    }

    @Test
    void shouldShowNoNameStreetPostalCodePhoneEmailOrCarrierWording_whenTheRegistrationHasThemAll() {
        // given a registration with a known name, street, postal code, phone, email, order and customer, and scans
        // whose carrier descriptions name who signed and whose places have postal codes
        TrackingNumber tn = TrackingNumber.of("1Z999AA10123456784");
        RegisterShipment.Command command = TypicalShipment.command("order-7781", tn, REGISTERED_AT);
        String id = engine.registerShipment().register(command).shipment().id();
        track(tn, scan(tn, Status.IN_TRANSIT, "2026-03-02T18:00:00-06:00", "Arrived at facility, receiver JANE DOE",
                        new Location("Chicago", "IL", "60601", "US"), null),
                scan(tn, Status.OUT_FOR_DELIVERY, "2026-03-03T07:30:00-06:00", "Out for delivery to 1234 Elm Street, Apt 5B",
                        new Location("Madison", "WI", "53703-1234", "US"), null));

        // when the customer opens the link
        APIGatewayV2HTTPResponse page = handler.handleRequest(request(id, null, null), null);

        // then the page shows the package, and nothing of the registration nor the carrier's wording
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("<h1>Out for delivery</h1>").contains("ending 6784").contains("Madison, WI, US")
                .contains("Chicago, IL, US");
        String body = page.getBody().toLowerCase(java.util.Locale.ROOT);
        for (String secret : List.of(command.deliveryAddress().name(), "Jane", "Doe", command.deliveryAddress().line1(),
                "Elm", command.deliveryAddress().line2(), command.deliveryAddress().postalCode(), "53703", "60601",
                command.contact().phone(), command.contact().phone().substring(2), command.contact().email(), "example.com",
                command.customerId(), command.orderId(), command.tenantId(), command.service(), tn.value(), "receiver")) {
            assertThat(body).as(secret).doesNotContain(secret.toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void shouldCarryThePagesSecurityAndCachingHeaders() {
        TrackingNumber tn = TrackingNumber.of("1Z999AA10123450001");
        String id = engine.registerShipment().register(TypicalShipment.command("order-1", tn, REGISTERED_AT)).shipment().id();

        APIGatewayV2HTTPResponse page = handler.handleRequest(request(id, null, null), null);

        assertThat(page.getHeaders())
                .containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("content-security-policy", TrackingPageHtml.CONTENT_SECURITY_POLICY)
                .containsEntry("referrer-policy", "no-referrer")
                .containsEntry("x-robots-tag", "noindex")
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("cache-control", "private, max-age=60")
                .containsEntry("vary", "accept-language");
        assertThat(page.getBody()).contains("No updates from the carrier yet.");
    }

    @Test
    void shouldAnswerAFriendly404Page_whenTheIdIsUnknownOrMalformed() {
        for (String id : List.of("shp_000000000000000000000A", "shp_short", "../../etc/passwd", "<script>")) {
            APIGatewayV2HTTPResponse page = handler.handleRequest(request(id, null, "de-DE,de;q=0.9"), null);

            assertThat(page.getStatusCode()).as(id).isEqualTo(404);
            assertThat(page.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8")
                    .containsEntry("cache-control", "no-store").containsEntry("content-language", "de");
            assertThat(page.getBody()).contains("<h1>Sendungslink nicht gefunden</h1>").doesNotContain("<script>");
        }
    }

    @Test
    void shouldSpeakTheLinksLanguage_beforeTheBrowsers() {
        TrackingNumber tn = TrackingNumber.of("1Z999AA10123450002");
        String id = engine.registerShipment().register(TypicalShipment.command("order-2", tn, REGISTERED_AT)).shipment().id();
        track(tn, scan(tn, Status.EXCEPTION, "2026-03-02T18:00:00+01:00", "Held", new Location("Leipzig", "SN", "04435", "DE"),
                ExceptionReason.CUSTOMS_HOLD));

        APIGatewayV2HTTPResponse spanish = handler.handleRequest(request(id, "es", "de-DE"), null);
        APIGatewayV2HTTPResponse german = handler.handleRequest(request(id, null, "de-DE"), null);

        assertThat(spanish.getBody()).contains("<html lang=\"es\">").contains("El paquete está retenido en aduanas.")
                .contains("Leipzig, SN, DE").doesNotContain("04435");
        assertThat(german.getBody()).contains("<html lang=\"de\">").contains("Das Paket wird vom Zoll zurückgehalten.");
        assertThat(german.getHeaders()).containsEntry("content-language", "de");
    }

    private void track(TrackingNumber tn, Scan... scans) {
        engine.trackScans().track(new PackageScans(TypicalShipment.CARRIER, tn, List.of(scans),
                List.of(new CarrierEstimate(LocalDate.of(2026, 3, 4), REGISTERED_AT.plusSeconds(3600)))));
    }

    private static Scan scan(TrackingNumber tn, Status status, String at, String description, Location where,
                             ExceptionReason reason) {
        return new Scan(TypicalShipment.CARRIER, tn, status, OffsetDateTime.parse(at), description, where, "native",
                status.name(), null, reason, reason != null, false);
    }

    private static APIGatewayV2HTTPEvent request(String shipmentId, String lang, String acceptLanguage) {
        Map<String, String> headers = new HashMap<>();
        if (acceptLanguage != null) headers.put("accept-language", acceptLanguage);
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /t/{shipmentId}")
                .withRawPath("/t/" + shipmentId)
                .withPathParameters(Map.of("shipmentId", shipmentId))
                .withQueryStringParameters(lang == null ? null : Map.of("lang", lang))
                .withHeaders(headers)
                .build();
    }
}
