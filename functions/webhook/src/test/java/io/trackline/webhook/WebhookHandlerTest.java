package io.trackline.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.domain.tracking.Status;
import io.trackline.webhook.application.WebhookRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler driven by the same events/ files as {@code sam local invoke}. */
class WebhookHandlerTest {
    static final List<String> SOURCES = Fixtures.SOURCES;

    private final Fixtures.RecordingQueue queue = new Fixtures.RecordingQueue();
    private final Fixtures.RecordingMetrics metrics = new Fixtures.RecordingMetrics();
    private final WebhookHandler handler = new WebhookHandler(new WebhookWiring(queue, Fixtures.testSecrets(), metrics, Fixtures.eventsClock()));

    static APIGatewayV2HTTPEvent eventFile(String source) {
        return Fixtures.eventFile(source);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.mapper().readTree(response.getBody());
    }

    @ParameterizedTest
    @FieldSource("SOURCES")
    void shouldAnswer202AndQueueTheScans_whenTheEventFileIsHandled(String source) throws Exception {
        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(eventFile(source), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(body(response).get("accepted").asInt()).isPositive();
        assertThat(queue.reports).isNotEmpty().allSatisfy(report -> assertThat(report.source()).isEqualTo(source));
        assertThat(queue.reports.stream().mapToInt(r -> r.scans().size()).sum()).isEqualTo(body(response).get("accepted").asInt());
        assertThat(metrics.lines).containsExactly(source + " accepted=" + body(response).get("accepted").asInt() + " duplicates=0");
    }

    @Test
    void shouldKeepEasyPostHistoryAndEstimate_whenTrackerUpdated() {
        // when
        handler.handleRequest(eventFile("easypost"), null);

        // then
        ScanReport report = queue.reports.getFirst();
        assertThat(report.deliveryId()).isEqualTo("evt_8c1a2f0e4b5d11efb3c9ac1f6bc539aa");
        assertThat(report.carrier().code()).isEqualTo("usps");
        assertThat(report.trackingNumber().value()).isEqualTo("9400100000000000000000");
        assertThat(report.scans()).extracting(Scan::status).containsExactly(Status.LABEL_CREATED, Status.PICKED_UP,
                Status.IN_TRANSIT, Status.IN_TRANSIT, Status.OUT_FOR_DELIVERY);
        Scan last = report.scans().getLast();
        assertThat(last.rawStatus()).isEqualTo("out_for_delivery");
        assertThat(last.description()).isEqualTo("Out for Delivery");
        assertThat(last.location().city()).isEqualTo("SEATTLE");
        assertThat(last.location().postalCode()).isEqualTo("98101");
        assertThat(report.estimate()).hasValueSatisfying(e -> assertThat(e.date()).isEqualTo(LocalDate.of(2025, 11, 26)));
    }

    @Test
    void shouldMapTheAfterShipExceptionAndKeepTheOffset_whenCheckpointsCarryOne() {
        handler.handleRequest(eventFile("aftership"), null);

        ScanReport report = queue.reports.getFirst();
        assertThat(report.deliveryId()).isEqualTo("6f1c3a2e-7b4d-4e8f-9a0b-1c2d3e4f5a6b");
        Scan last = report.scans().getLast();
        assertThat(last.status()).isEqualTo(Status.EXCEPTION);
        assertThat(last.exceptionReason()).isEqualTo(ExceptionReason.ADDRESS_ISSUE);
        assertThat(last.actionRequired()).isTrue();
        assertThat(last.rawSubStatus()).isEqualTo("Exception_007");
        assertThat(last.occurredAt()).isEqualTo(OffsetDateTime.parse("2025-11-26T09:14:00-06:00"));
        assertThat(last.location().country()).isEqualTo("US");
        // the latest estimate is a range: its end is the carrier's latest word
        assertThat(report.estimate()).hasValueSatisfying(e -> assertThat(e.date()).isEqualTo(LocalDate.of(2025, 11, 29)));
    }

    @Test
    void shouldNotCountShipposCurrentStatusTwice_whenTheHistoryRepeatsIt() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(eventFile("shippo"), null);

        ScanReport report = queue.reports.getFirst();
        assertThat(body(response).get("accepted").asInt()).isEqualTo(4);
        assertThat(body(response).get("duplicates").asInt()).isZero();
        assertThat(report.deliveryId()).isNull();
        assertThat(report.scans().getLast().carrierSaysDelayed()).isTrue();
        assertThat(report.scans()).extracting(Scan::status).containsExactly(Status.LABEL_CREATED, Status.PICKED_UP,
                Status.IN_TRANSIT, Status.IN_TRANSIT);
        assertThat(report.estimate()).hasValueSatisfying(e -> assertThat(e.date()).isEqualTo(LocalDate.of(2025, 11, 27)));
    }

    @Test
    void shouldGroupNativeEventsByPackage_whenOneWebhookCarriesTwoPackages() {
        handler.handleRequest(eventFile("native"), null);

        assertThat(queue.reports).hasSize(2);
        ScanReport dhl = queue.reports.getFirst();
        assertThat(dhl.scans()).hasSize(2);
        assertThat(dhl.deliveryId()).startsWith("msg_");
        assertThat(dhl.estimate()).hasValueSatisfying(e -> assertThat(e.date()).isEqualTo(LocalDate.of(2025, 11, 28)));
        assertThat(dhl.scans().get(1).exceptionReason()).isEqualTo(ExceptionReason.RECIPIENT_UNAVAILABLE);
        assertThat(queue.reports.get(1).scans().getFirst().status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void shouldCountRepeatedScansAsDuplicates_whenTheSameEventIsSentTwiceInOneRequest() throws Exception {
        // given: one native event twice in the same batch
        String event = """
                {"carrier":"ups","trackingNumber":"1Z999AA10123456784","status":"DELIVERED","occurredAt":"2025-11-26T11:47:00-08:00"}""";
        byte[] body = ("{\"events\":[" + event + "," + event + "]}").getBytes(StandardCharsets.UTF_8);
        WebhookRequest request = Fixtures.signedRequest("native", body, Fixtures.EVENTS_SIGNED_AT + 60);

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(Fixtures.event(request), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getBody()).isEqualTo("{\"accepted\":1,\"duplicates\":1}");
        assertThat(queue.reports).singleElement().satisfies(r -> assertThat(r.scans()).hasSize(1));
    }

    @Test
    void shouldAcknowledgeAndIgnore_whenEasyPostSendsAnEventThatIsNotAboutATracker() {
        byte[] body = """
                {"id":"evt_1","object":"Event","description":"batch.updated","result":{"id":"batch_1"}}""".getBytes(StandardCharsets.UTF_8);
        WebhookRequest request = Fixtures.signedRequest("easypost", body, Fixtures.EVENTS_SIGNED_AT);

        APIGatewayV2HTTPResponse response = handler.handleRequest(Fixtures.event(request), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getBody()).isEqualTo("{\"accepted\":0,\"duplicates\":0}");
        assertThat(queue.reports).isEmpty();
    }

    @Test
    void shouldAnswer503AndAcceptNothing_whenTheQueueIsUnavailable() throws Exception {
        // given
        queue.unavailable = true;

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(eventFile("aftership"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(body(response).get("status").asInt()).isEqualTo(503);
        assertThat(metrics.lines).containsExactly("aftership rejected=unavailable");
    }

    @Test
    void shouldAnswer401_whenTheCheckedInEventIsReplayedAfterTheWindow() {
        WebhookHandler later = new WebhookHandler(new WebhookWiring(queue, Fixtures.testSecrets(), metrics,
                Fixtures.clockAt(Fixtures.EVENTS_SIGNED_AT + 3600)));

        APIGatewayV2HTTPResponse response = later.handleRequest(eventFile("shippo"), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(queue.reports).isEmpty();
    }

    @Test
    void shouldReadTheBody_whenApiGatewayDeliversItBase64Encoded() {
        // given
        byte[] body = Fixtures.payload("aftership");
        WebhookRequest request = Fixtures.signedRequest("aftership", body, Fixtures.EVENTS_SIGNED_AT);
        APIGatewayV2HTTPEvent event = Fixtures.event(request);
        event.setBody(java.util.Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);

        // when / then
        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(202);
    }
}
