package io.trackline.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.webhook.application.WebhookRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input, correctly signed, through the handler: each answer is a 4xx problem+json that says what is wrong (and
 * where), nothing is queued, and neither the response nor the log carries the body or a stack trace.
 */
class BadInputTest {
    private static final long NOW = Fixtures.EVENTS_SIGNED_AT;
    private static final String MARKER = "SECRET-BODY-MARKER";

    private final Fixtures.RecordingQueue queue = new Fixtures.RecordingQueue();
    private final WebhookHandler handler = new WebhookHandler(new WebhookWiring(queue, Fixtures.testSecrets(), new Fixtures.RecordingMetrics(),
            Fixtures.clockAt(NOW)));
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void captureLogs() {
        stdout = System.out;
        System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLogs() {
        System.setOut(stdout);
    }

    private APIGatewayV2HTTPResponse post(String source, String body) {
        return post(source, body.getBytes(StandardCharsets.UTF_8));
    }

    private APIGatewayV2HTTPResponse post(String source, byte[] body) {
        APIGatewayV2HTTPEvent event = Fixtures.event(Fixtures.signedRequest(source, body, NOW));
        event.setBody(Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        return handler.handleRequest(event, null);
    }

    private JsonNode problem(APIGatewayV2HTTPResponse response, int status) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = Json.mapper().readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("https://trackline.dev/problems/");
        assertThat(response.getBody()).doesNotContain(MARKER).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain(MARKER).doesNotContain("\tat ");
        assertThat(queue.reports).isEmpty();
        return problem;
    }

    private static String shippo(String data) {
        return "{\"event\":\"track_updated\",\"marker\":\"" + MARKER + "\",\"data\":" + data + "}";
    }

    private static final String SHIPPO_STATUS = """
            {"status":"TRANSIT","status_date":"2025-11-26T13:31:00Z","substatus":{"code":"package_departed"}}""";

    @Test
    void shouldAnswer400_whenTheJsonIsTruncated() throws Exception {
        String full = new String(Fixtures.payload("easypost"), StandardCharsets.UTF_8);

        JsonNode problem = problem(post("easypost", full.substring(0, full.length() / 2)), 400);

        assertThat(problem.get("detail").asText()).contains("ends too early");
    }

    @Test
    void shouldAnswer400NamingTheField_whenATypeIsWrong() throws Exception {
        JsonNode problem = problem(post("shippo", shippo("{\"carrier\":\"usps\",\"tracking_number\":12345678}")), 400);

        assertThat(problem.get("field").asText()).isEqualTo("/data/tracking_number");
        assertThat(problem.get("detail").asText()).contains("must be a string");
    }

    @Test
    void shouldAnswer400NamingTheField_whenTheTrackingNumberIsMissing() throws Exception {
        JsonNode problem = problem(post("shippo", shippo("{\"carrier\":\"usps\",\"tracking_status\":" + SHIPPO_STATUS + "}")), 400);

        assertThat(problem.get("field").asText()).isEqualTo("/data/tracking_number");
        assertThat(problem.get("detail").asText()).contains("is required");
    }

    @Test
    void shouldAnswer400NamingTheField_whenTheCarrierCodeIsUnknown() throws Exception {
        JsonNode problem = problem(post("native", """
                {"carrier":"pigeon-post","trackingNumber":"1Z999AA10123456784","status":"DELIVERED","occurredAt":"2025-11-26T11:47:00-08:00"}"""), 400);

        assertThat(problem.get("field").asText()).isEqualTo("/carrier");
        assertThat(problem.get("detail").asText()).contains("not a carrier code");
    }

    @Test
    void shouldAnswer400NamingTheField_whenADateHasNoZone() throws Exception {
        JsonNode problem = problem(post("native", """
                {"events":[{"carrier":"ups","trackingNumber":"1Z999AA10123456784","status":"DELIVERED","occurredAt":"2025-11-26T11:47:00"}]}"""), 400);

        assertThat(problem.get("field").asText()).isEqualTo("/events/0/occurredAt");
        assertThat(problem.get("detail").asText()).contains("UTC offset");
    }

    @Test
    void shouldAnswer400NamingTheCheckpoint_whenAnAfterShipLocalTimeIsAmbiguous() throws Exception {
        // given: a US checkpoint (several zones) without an offset
        String body = new String(Fixtures.payload("aftership"), StandardCharsets.UTF_8)
                .replace("\"2025-11-25T06:02:00-06:00\"", "\"2025-11-25T06:02:00\"");

        JsonNode problem = problem(post("aftership", body), 400);

        assertThat(problem.get("field").asText()).isEqualTo("/msg/checkpoints/2/checkpoint_time");
    }

    @Test
    void shouldAnswer400_whenAnArrayHasTenThousandElements() throws Exception {
        String history = ("[" + (SHIPPO_STATUS + ",").repeat(9_999) + SHIPPO_STATUS + "]");
        String body = shippo("{\"carrier\":\"usps\",\"tracking_number\":\"9400100000000000000000\",\"tracking_history\":" + history + "}");
        // a 10,000-element history is over the body limit anyway; a lean one is within it, and the element cap applies
        String lean = shippo("{\"carrier\":\"usps\",\"tracking_number\":\"9400100000000000000000\",\"tracking_history\":["
                + "{},".repeat(9_999) + "{}]}");

        assertThat(problem(post("shippo", body), 413).get("detail").asText()).contains("larger than");
        JsonNode problem = problem(post("shippo", lean), 400);
        assertThat(problem.get("field").asText()).isEqualTo("/data/tracking_history");
        assertThat(problem.get("detail").asText()).contains("at most 1000");
    }

    @Test
    void shouldAnswer400_whenTheJsonIsNestedTooDeeply() throws Exception {
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);

        JsonNode problem = problem(post("aftership", deep), 400);

        assertThat(problem.get("detail").asText()).contains("nesting");
    }

    @Test
    void shouldAnswer400_whenAStringIsHuge() throws Exception {
        String huge = "{\"event\":\"track_updated\",\"data\":{\"carrier\":\"" + "x".repeat(100_000) + "\"}}";

        JsonNode problem = problem(post("shippo", huge), 400);

        assertThat(problem.get("detail").asText()).contains("string longer than");
    }

    @Test
    void shouldAnswer400_whenTheBodyIsNotUtf8() throws Exception {
        byte[] body = "{\"event\":\"track_updated\",\"data\":{\"carrier\":\"us\u00e9ps\"}}".getBytes(StandardCharsets.ISO_8859_1);

        JsonNode problem = problem(post("shippo", body), 400);

        assertThat(problem.get("detail").asText()).contains("UTF-8");
    }

    @Test
    void shouldAnswer400_whenTheBodyIsNotAnObject() throws Exception {
        assertThat(problem(post("easypost", "[1,2,3]"), 400).get("detail").asText()).contains("JSON object");
    }

    @Test
    void shouldAnswer400NamingTheField_whenANativeStatusIsNotCanonical() throws Exception {
        JsonNode problem = problem(post("native", """
                {"carrier":"ups","trackingNumber":"1Z999AA10123456784","status":"Delivered","occurredAt":"2025-11-26T11:47:00-08:00"}"""), 400);

        assertThat(problem.get("field").asText()).isEqualTo("/status");
    }

    @Test
    void shouldAnswer400NamingTheField_whenANativeEventHasAnUnknownField() throws Exception {
        JsonNode problem = problem(post("native", """
                {"carrier":"ups","trackingNumber":"1Z999AA10123456784","status":"DELIVERED","occurredAt":"2025-11-26T11:47:00-08:00","ocurredAt":"x"}"""), 400);

        assertThat(problem.get("field").asText()).isEqualTo("/ocurredAt");
    }

    @Test
    void shouldAnswer415_whenTheContentTypeIsNotJson() throws Exception {
        byte[] body = Fixtures.payload("aftership");
        WebhookRequest signed = Fixtures.signedRequest("aftership", body, NOW);
        Map<String, String> headers = new HashMap<>(signed.headers());
        headers.put("content-type", "text/plain");

        JsonNode problem = problem(handler.handleRequest(Fixtures.event(new WebhookRequest("aftership", headers, body)), null), 415);

        assertThat(problem.get("detail").asText()).contains("application/json");
    }

    @Test
    void shouldAnswer415_whenTheCharsetIsNotUtf8() throws Exception {
        byte[] body = Fixtures.payload("aftership");
        Map<String, String> headers = new HashMap<>(Fixtures.signedRequest("aftership", body, NOW).headers());
        headers.put("content-type", "application/json; charset=iso-8859-1");

        problem(handler.handleRequest(Fixtures.event(new WebhookRequest("aftership", headers, body)), null), 415);
    }

    @Test
    void shouldAnswer413_whenTheBodyIsOverTheLimit() throws Exception {
        problem(post("easypost", "{\"x\":\"" + "a".repeat(300 * 1024) + "\"}"), 413);
    }

    @Test
    void shouldAnswer404_whenTheSourceIsUnknown() throws Exception {
        APIGatewayV2HTTPEvent event = Fixtures.event(Fixtures.signedRequest("easypost", Fixtures.payload("easypost"), NOW));
        event.setPathParameters(Map.of("source", "fedex<script>"));

        JsonNode problem = problem(handler.handleRequest(event, null), 404);

        assertThat(problem.get("detail").asText()).doesNotContain("<script>");
    }

    @Test
    void shouldAnswer401BeforeParsing_whenTheSignatureIsMissing() throws Exception {
        APIGatewayV2HTTPEvent event = Fixtures.event(new WebhookRequest("aftership",
                Map.of("content-type", "application/json"), "{not json".getBytes(StandardCharsets.UTF_8)));

        problem(handler.handleRequest(event, null), 401);
    }

    @Test
    void shouldAnswer400NamingTheField_whenTheEventsListIsNull() throws Exception {
        JsonNode problem = problem(post("native", "{\"events\":null}"), 400);

        assertThat(problem.get("field").asText()).isEqualTo("/events");
    }

    @Test
    void shouldAnswer400NamingTheField_whenADeliveryIdIsNotPrintable() throws Exception {
        String easypost = new String(Fixtures.payload("easypost"), StandardCharsets.UTF_8);
        String aftership = new String(Fixtures.payload("aftership"), StandardCharsets.UTF_8);
        String easypostId = Json.mapper().readTree(easypost).get("id").asText();
        String aftershipId = Json.mapper().readTree(aftership).get("event_id").asText();

        JsonNode bidi = problem(post("easypost", easypost.replace(easypostId, "evt_\u202e1")), 400);
        JsonNode surrogate = problem(post("aftership", aftership.replace(aftershipId, "\\ud800")), 400);
        JsonNode tooLong = problem(post("aftership", aftership.replace(aftershipId, "x".repeat(257))), 400);

        assertThat(bidi.get("field").asText()).isEqualTo("/id");
        assertThat(surrogate.get("field").asText()).isEqualTo("/event_id");
        assertThat(tooLong.get("field").asText()).isEqualTo("/event_id");
    }

    @Test
    void shouldAnswer400_whenAScanIsDatedOutsideTheYearsTrackingTakes() throws Exception {
        String native1 = """
                {"carrier":"ups","trackingNumber":"1Z999AA10123456784","status":"DELIVERED","occurredAt":"%s"}""";

        JsonNode future = problem(post("native", native1.formatted("+999999999-12-31T23:59:59+18:00")), 400);
        JsonNode past = problem(post("native", native1.formatted("0000-01-01T00:00:00Z")), 400);
        JsonNode year9999 = problem(post("native", native1.formatted("9999-12-31T23:59:59Z")), 400);

        assertThat(List.of(future, past, year9999)).allSatisfy(p -> assertThat(p.get("field").asText()).isEqualTo("/occurredAt"));
    }

    /**
     * Standard Webhooks calls {@code webhook-id} the idempotency key; Trackline's is each scan's key (the function keeps
     * no state, the processor drops scans it has): a re-used id with another body is accepted for its new scans.
     */
    @Test
    void shouldAcceptTheNewScans_whenAWebhookIdIsReusedWithAnotherBody() {
        String scan = """
                {"carrier":"ups","trackingNumber":"1Z999AA10123456784","status":"%s","occurredAt":"%s"}""";

        var first = post("native", scan.formatted("IN_TRANSIT", "2025-11-25T08:00:00Z"));
        var reused = post("native", scan.formatted("DELIVERED", "2025-11-26T08:00:00Z"));

        assertThat(first.getStatusCode()).isEqualTo(202);
        assertThat(reused.getStatusCode()).isEqualTo(202);
        assertThat(queue.reports).extracting(r -> r.deliveryId()).containsExactly("msg_test", "msg_test");
        assertThat(queue.reports).flatExtracting(r -> r.scans()).extracting(s -> s.status().name())
                .containsExactly("IN_TRANSIT", "DELIVERED");
    }

    @Test
    void shouldAcceptWithCleanedTextAndSayWhichFields_whenCarrierTextHasControlOrBidiCharacters() throws Exception {
        String body = """
                {"events":[{"carrier":"ups","trackingNumber":"1Z999AA10123456784","status":"IN_TRANSIT",
                "occurredAt":"2025-11-25T08:00:00Z","description":"Arrived\\r\\nSubject: injected \u202egpj.exe"},
                {"carrier":"dhl","trackingNumber":"1234567890","status":"IN_TRANSIT","occurredAt":"2025-11-25T08:00:00Z",
                "location":{"city":"Leip\\ud800zig"}}]}""";

        var response = post("native", body);

        assertThat(response.getStatusCode()).isEqualTo(202);
        JsonNode answer = Json.mapper().readTree(response.getBody());
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("cleaned").toString())
                .isEqualTo("[\"/events/0/description\",\"/events/1/location/city\"]");
        assertThat(queue.reports.get(0).scans().getFirst().description()).isEqualTo("Arrived  Subject: injected gpj.exe");
        assertThat(queue.reports.get(1).scans().getFirst().location().city()).isEqualTo("Leip\ufffdzig");
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("carrier text cleaned").contains("/events/1/location/city");
    }
}
