package io.trackline.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.webhook.ingest.WebhookRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
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
    private final WebhookHandler handler = new WebhookHandler(queue, Fixtures.testSecrets(), new Fixtures.RecordingMetrics(),
            Fixtures.clockAt(NOW));
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
}
