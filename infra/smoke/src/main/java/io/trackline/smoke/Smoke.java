package io.trackline.smoke;

import io.trackline.domain.webhooks.StandardWebhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The smoke test a user runs after deploying (PRODUCT.md §12) or against {@code make run}: a plain HTTPS client of the
 * public API, no AWS credentials. It registers a shipment, posts a signed native {@code OUT_FOR_DELIVERY} webhook,
 * waits until the client API, public tracking and the notification history show it, checks a few error answers, and
 * ends the shipment with a {@code CANCELLED} scan so that it leaves the sweeper's index and expires. One line per step;
 * the first failure stops it (exit 1). Secrets are never printed.
 */
public final class Smoke {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String CARRIER = "usps";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String UNKNOWN_SHIPMENT = "shp_0000000000000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SmokeOptions options;
    private final PrintStream out;
    private final HttpClient http;
    /** One run's names: a tracking number and order id no other run uses. */
    final String runId;
    private final String trackingNumber;
    private final String orderId;
    private final String customerId;
    private String shipmentId;
    private OffsetDateTime outForDeliveryAt;
    /** Whether the shipment was seen CANCELLED: terminal, so it leaves the sweeper's index and gets its TTL. */
    private boolean ended;
    private int passed;

    public Smoke(SmokeOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.runId = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(OffsetDateTime.now(ZoneOffset.UTC))
                + String.format("%06d", RANDOM.nextInt(1_000_000));
        this.trackingNumber = "SMOKE" + runId;
        this.orderId = "SMOKE-" + runId;
        this.customerId = "smoke-" + runId;
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(SmokeOptions.USAGE);
            return;
        }
        SmokeOptions options;
        try {
            Path root = Path.of(System.getenv().getOrDefault("TRACKLINE_ROOT", "."));
            options = SmokeOptions.parse(args, System.getenv(), root);
        } catch (SmokeOptions.UsageException e) {
            System.err.println("smoke: " + e.getMessage());
            System.err.println(SmokeOptions.USAGE);
            System.exit(USAGE);
            return;
        }
        System.exit(new Smoke(options, System.out).run());
    }

    /** Runs every step; @return {@link #OK} or {@link #FAILED} */
    public int run() {
        long start = System.nanoTime();
        out.println("smoke test of " + options.apiUrl() + "  (run " + runId + ", tracking number " + trackingNumber
                + ", up to " + options.waitLimit().toSeconds() + " s per wait)");
        try {
            step("API reachable", this::apiReachable);
            step("401 without API key", this::rejectsMissingApiKey);
            step("400 malformed registration", this::rejectsMalformedRegistration);
            step("register shipment", this::register);
            step("register again: same shipment", this::registerAgain);
            step("404 unknown shipment", this::unknownShipment);
            step("401 bad webhook signature", this::rejectsBadSignature);
            step("post signed webhook", this::postOutForDelivery);
            step("client sees OUT_FOR_DELIVERY", this::clientSeesStatus);
            step("public tracking shows it", this::publicTracking);
            step("tracking page shows it", this::trackingPage);
            step("notification decision recorded", this::notificationRecorded);
            step("clean up: cancel shipment", this::cancel);
        } catch (StepFailed e) {
            if (shipmentId != null && !e.step.startsWith("clean up")) cancelAfterFailure();
            leftBehind();
            out.println("smoke test FAILED after " + passed + " steps in " + millis(start) + " ms");
            return FAILED;
        }
        leftBehind();
        out.println("smoke test passed: " + passed + " steps in " + millis(start) + " ms");
        return OK;
    }

    // ---- steps: each returns what it saw (no secrets), or throws Failure with why

    private String apiReachable() {
        Response r = send(get("/v1/openapi.json"));
        expectStatus(r, 200);
        String version = r.json().path("openapi").asText("");
        if (version.isEmpty()) throw new Failure("GET /v1/openapi.json is not an OpenAPI document: " + r.excerpt());
        return "OpenAPI " + version;
    }

    private String rejectsMissingApiKey() {
        Response r = send(get("/v1/shipments/" + UNKNOWN_SHIPMENT));
        expectProblem(r, 401);
        return r.problemType();
    }

    private String rejectsMalformedRegistration() {
        ObjectNode body = registration();
        body.put("trackingNumber", "#");
        Response r = send(post("/v1/shipments", body.toString()).header("x-api-key", options.apiKey()));
        expectProblem(r, 400);
        String field = r.json().path("field").asText("");
        if (!field.contains("trackingNumber")) throw new Failure("the problem should name field trackingNumber: " + r.excerpt());
        return r.problemType() + " field " + field;
    }

    private String register() {
        Response r = send(post("/v1/shipments", registration().toString()).header("x-api-key", options.apiKey()));
        expectStatus(r, 201);
        shipmentId = r.json().path("id").asText("");
        if (!shipmentId.startsWith("shp_")) throw new Failure("201 without a shipment id: " + r.excerpt());
        String status = r.json().path("status").asText();
        if (!"UNKNOWN".equals(status)) throw new Failure("a new shipment should be UNKNOWN, is " + status);
        return shipmentId + ", order " + orderId;
    }

    private String registerAgain() {
        Response r = send(post("/v1/shipments", registration().toString()).header("x-api-key", options.apiKey()));
        expectStatus(r, 200);
        String id = r.json().path("id").asText();
        if (!shipmentId.equals(id)) throw new Failure("expected " + shipmentId + " again, got " + id);
        return "200 " + id;
    }

    private String unknownShipment() {
        Response r = send(get("/v1/shipments/" + UNKNOWN_SHIPMENT).header("x-api-key", options.apiKey()));
        expectProblem(r, 404);
        return r.problemType();
    }

    private String rejectsBadSignature() {
        outForDeliveryAt = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        byte[] body = scan("OUT_FOR_DELIVERY", "Out for delivery", outForDeliveryAt);
        // Signed with a key nobody has: must be refused before anything is queued.
        Response r = postWebhook(body, "whsec_" + java.util.Base64.getEncoder().encodeToString(randomBytes(32)));
        expectStatus(r, 401);
        return "401";
    }

    private String postOutForDelivery() {
        Response r = postWebhook(scan("OUT_FOR_DELIVERY", "Out for delivery", outForDeliveryAt), options.nativeSecret());
        if (r.status() == 401) {
            throw new Failure("401: the native webhook secret is not the deployed one, or this machine's clock is more than "
                    + "5 minutes off (" + r.excerpt() + ")");
        }
        expectStatus(r, 202);
        int accepted = r.json().path("accepted").asInt(-1);
        if (accepted != 1) throw new Failure("expected accepted 1: " + r.excerpt());
        return "202 accepted 1";
    }

    private String clientSeesStatus() {
        Response r = await("GET /v1/shipments/" + shipmentId + " status", () -> send(get("/v1/shipments/" + shipmentId)
                .header("x-api-key", options.apiKey())), status("OUT_FOR_DELIVERY"));
        JsonNode events = r.json().path("events");
        if (events.size() != 1) throw new Failure("expected the one scan in events, got " + events.size());
        return "status OUT_FOR_DELIVERY, milestone " + r.json().path("milestone").asText();
    }

    private String publicTracking() {
        Response r = await("GET /v1/track/" + CARRIER + "/" + trackingNumber + " status",
                () -> send(get("/v1/track/" + CARRIER + "/" + trackingNumber)), status("OUT_FOR_DELIVERY"));
        noPersonalData(r, "public tracking", shipmentId);
        return "status OUT_FOR_DELIVERY, no personal data";
    }

    /** The page the SMS links to (README "Tracking page"): HTML, the status in the customer's words, no personal data. */
    private String trackingPage() {
        Response r = send(HttpRequest.newBuilder(uri("/t/" + shipmentId + "?lang=en")).timeout(REQUEST_TIMEOUT)
                .header("accept", "text/html").GET());
        expectStatus(r, 200);
        if (!r.contentType().startsWith("text/html")) throw new Failure("the tracking page is " + r.contentType() + ", not HTML");
        if (!r.body().contains("<h1>Out for delivery</h1>")) {
            int h1 = r.body().indexOf("<h1>");
            throw new Failure("the page should say Out for delivery, says "
                    + (h1 < 0 ? "no <h1>" : r.body().substring(h1, Math.min(r.body().length(), h1 + 120))));
        }
        noPersonalData(r, "the tracking page");
        return "200 HTML, Out for delivery, no personal data";
    }

    /** None of what the registration gave (README "API", Public tracking), nor {@code alsoHidden}, is in the answer. */
    private void noPersonalData(Response r, String what, String... alsoHidden) {
        List<String> hidden = new java.util.ArrayList<>(List.of("Smoke Test", "1 Smoke St", "smoke@example.com", customerId, orderId));
        hidden.addAll(List.of(alsoHidden));
        for (String personal : hidden) {
            if (r.body().contains(personal)) throw new Failure(what + " shows " + personal);
        }
        options.phone().filter(r.body()::contains).ifPresent(p -> {
            throw new Failure(what + " shows the phone number");
        });
    }

    private String notificationRecorded() {
        Response r = await("an SMS decision on OUT_FOR_DELIVERY in GET /v1/shipments/" + shipmentId + "/notifications",
                () -> send(get("/v1/shipments/" + shipmentId + "/notifications").header("x-api-key", options.apiKey())),
                response -> response.status() == 200 && smsDecision(response.json()).isPresent());
        JsonNode decision = smsDecision(r.json()).orElseThrow();
        String state = decision.path("state").asText();
        String reason = decision.path("reason").asText("");
        String to = decision.path("to").asText("");
        if (options.phone().isPresent()) {
            String phone = options.phone().get();
            if (to.contains(phone) || to.contains(phone.substring(1))) throw new Failure("the recipient is not masked");
        } else if (!"SUPPRESSED".equals(state) || !"NO_CONTACT".equals(reason)) {
            throw new Failure("without a phone the SMS should be SUPPRESSED NO_CONTACT, is " + state + " " + reason);
        }
        return "SMS " + state + (reason.isEmpty() ? "" : " " + reason) + (to.isEmpty() ? "" : " to " + to);
    }

    private String cancel() {
        Response posted = postWebhook(scan("CANCELLED", "Smoke test over", cancelledAt()), options.nativeSecret());
        expectStatus(posted, 202);
        Response r = await("GET /v1/shipments/" + shipmentId + " status", () -> send(get("/v1/shipments/" + shipmentId)
                .header("x-api-key", options.apiKey())), status("CANCELLED"));
        if (!r.json().path("terminal").asBoolean(false)) throw new Failure("CANCELLED but not terminal: " + r.excerpt());
        ended = true;
        return "CANCELLED, terminal: expires after the stack's RetentionAfterEnd";
    }

    /** After a failure: end the shipment anyway, without waiting, so that the sweeper does not chase it. */
    private void cancelAfterFailure() {
        try {
            Response r = postWebhook(scan("CANCELLED", "Smoke test over", cancelledAt()), options.nativeSecret());
            out.println(r.status() == 202
                    ? "note clean up: CANCELLED scan posted for " + shipmentId + " (202), so the sweeper leaves it alone"
                    : "note clean up: could not end " + shipmentId + " with a CANCELLED scan (" + r.status() + ")");
        } catch (RuntimeException e) {
            out.println("note clean up: could not post a CANCELLED scan for " + shipmentId + ": " + redact(e.getMessage()));
        }
    }

    private void leftBehind() {
        if (shipmentId == null) return;
        out.println("note left behind (the API has no delete route): shipment " + shipmentId + (ended ? " (ended: TTL)"
                : " (maybe still open: unless the CANCELLED scan lands, the sweeper flags it stalled after 48 h and suspected"
                + " lost after 10 days, opening a support case)") + ", order "
                + orderId + " and tracking claim " + CARRIER + "/" + trackingNumber + " (no TTL), notification records (TTL 400 days)");
    }

    // ---- requests

    /** The registration: fictional customer, address and contact; the phone (if any) receives the SMS alert. */
    ObjectNode registration() {
        ObjectNode body = JSON.createObjectNode()
                .put("orderId", orderId).put("customerId", customerId).put("carrier", CARRIER)
                .put("trackingNumber", trackingNumber).put("service", "Smoke test")
                .put("promisedDeliveryDate", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
        body.putObject("deliveryAddress").put("name", "Smoke Test").put("line1", "1 Smoke St").put("city", "Springfield")
                .put("region", "IL").put("postalCode", "62701").put("country", "US");
        ObjectNode contact = body.putObject("contact").put("email", "smoke@example.com");
        options.phone().ifPresent(phone -> contact.put("phone", phone));
        return body;
    }

    /** One native scan of this run's package (events/native-webhook.schema.json). */
    byte[] scan(String status, String description, OffsetDateTime occurredAt) {
        ObjectNode event = JSON.createObjectNode().put("carrier", CARRIER).put("trackingNumber", trackingNumber)
                .put("status", status).put("occurredAt", occurredAt.toString()).put("description", description);
        event.putObject("location").put("city", "Springfield").put("region", "IL").put("postalCode", "62701").put("country", "US");
        ObjectNode body = JSON.createObjectNode();
        body.putArray("events").add(event);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Now, and at least a second after the OUT_FOR_DELIVERY scan (an older scan would not change the status). */
    private OffsetDateTime cancelledAt() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        return outForDeliveryAt == null || now.isAfter(outForDeliveryAt) ? now : outForDeliveryAt.plusSeconds(1);
    }

    private Response postWebhook(byte[] body, String secret) {
        String id = "msg_smoke_" + runId + "_" + Long.toHexString(RANDOM.nextLong());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/webhooks/native")).timeout(REQUEST_TIMEOUT)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        StandardWebhooks.headers(secret, id, Instant.now().getEpochSecond(), body).forEach(request::header);
        return send(request);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).header("accept", "application/json").GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private URI uri(String path) {
        return URI.create(options.apiUrl() + path);
    }

    private Response send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Response(built.method() + " " + built.uri().getRawPath(), response.statusCode(),
                    response.headers().firstValue("content-type").orElse(""), response.body());
        } catch (IOException e) {
            throw new Failure("cannot reach " + built.uri().getHost() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    /** Asks until {@code done} holds or the wait is over; the last answer says why not. */
    private Response await(String what, java.util.function.Supplier<Response> ask, Predicate<Response> done) {
        long deadline = System.nanoTime() + options.waitLimit().toNanos();
        while (true) {
            Response r = ask.get();
            if (done.test(r)) return r;
            // Not there yet (404), throttled (429) or briefly unavailable (5xx): ask again; any other answer is wrong.
            if (r.status() != 200 && r.status() != 404 && r.status() != 429 && r.status() < 500) expectStatus(r, 200);
            if (System.nanoTime() > deadline) {
                throw new Failure("gave up waiting for " + what + " after " + options.waitLimit().toSeconds() + " s; last answer "
                        + r.status() + " " + (r.status() == 200 ? summary(r.json()) : r.excerpt()));
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure("interrupted");
            }
        }
    }

    private static Predicate<Response> status(String status) {
        return r -> r.status() == 200 && status.equals(r.json().path("status").asText());
    }

    private static Optional<JsonNode> smsDecision(JsonNode page) {
        for (JsonNode item : page.path("items")) {
            if ("SMS".equals(item.path("channel").asText()) && "OUT_FOR_DELIVERY".equals(item.path("trigger").asText())) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static String summary(JsonNode body) {
        if (body.has("items")) return body.path("items").size() + " notifications";
        return "status " + body.path("status").asText("?");
    }

    private static void expectStatus(Response r, int status) {
        if (r.status() != status) throw new Failure(r.request() + " answered " + r.status() + ", expected " + status + ": " + r.excerpt());
    }

    private static void expectProblem(Response r, int status) {
        expectStatus(r, status);
        if (!r.contentType().toLowerCase(java.util.Locale.ROOT).startsWith(PROBLEM_JSON)) {
            throw new Failure(r.request() + " " + status + " has content-type '" + r.contentType() + "', expected " + PROBLEM_JSON);
        }
        if (r.json().path("status").asInt() != status || r.problemType().isEmpty()) {
            throw new Failure(r.request() + " " + status + " is not a problem document with this status and a type: " + r.excerpt());
        }
    }

    // ---- running and printing

    private interface Check {
        String run();
    }

    private void step(String name, Check check) {
        long start = System.nanoTime();
        String seen;
        try {
            seen = check.run();
        } catch (Failure e) {
            out.println(String.format("FAIL %-32s %s  (%d ms)", name, redact(e.getMessage()), millis(start)));
            throw new StepFailed(name);
        } catch (RuntimeException e) {
            out.println(String.format("FAIL %-32s %s: %s  (%d ms)", name, e.getClass().getSimpleName(),
                    redact(String.valueOf(e.getMessage())), millis(start)));
            throw new StepFailed(name);
        }
        passed++;
        out.println(String.format("ok   %-32s (%d ms)  %s", name, millis(start), redact(seen)));
    }

    /** Whatever is printed goes through here: the API key and the webhook secret never reach the output. */
    String redact(String text) {
        String redacted = text;
        String secretKey = options.nativeSecret().replaceFirst("^whsec_", "");
        for (String secret : new String[]{options.apiKey(), options.nativeSecret(), secretKey}) {
            if (secret != null && secret.length() >= 4) redacted = redacted.replace(secret, "***");
        }
        return redacted;
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A check that did not hold, with why. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private static final class StepFailed extends RuntimeException {
        final String step;

        StepFailed(String step) {
            super(step, null, false, false);
            this.step = step;
        }
    }

    record Response(String request, int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new Failure(request + " " + status + " is not JSON: " + excerpt());
            }
        }

        String problemType() {
            String type = json().path("type").asText("");
            return type.substring(type.lastIndexOf('/') + 1);
        }

        String excerpt() {
            String flat = body.replaceAll("\\s+", " ").strip();
            return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
        }
    }
}
