package io.trackline.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.local.demo.DemoCredentials;
import io.trackline.local.testing.EmulatorFreeze;
import io.trackline.local.testing.Http;
import io.trackline.local.testing.Eventually;
import io.trackline.local.testing.Moto;
import io.trackline.local.testing.Queues;
import io.trackline.local.testing.RunningCloud;
import io.trackline.local.testing.VendorWebhooks;
import io.trackline.local.testing.Walkthrough;
import io.trackline.processor.adapter.dynamodb.DeadLetterReasons;
import io.trackline.testkit.cloud.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static io.trackline.local.testing.Walkthrough.apiKey;
import static io.trackline.local.testing.Walkthrough.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant R0 (issue 16) on the local cloud: after a mixed, shuffled, duplicated load of carrier webhooks from every
 * source, with hostile entries, poison queue messages and a 12 s freeze of the emulator in the middle, the books
 * balance:
 * <ul>
 *   <li>every scan of an accepted ({@code 202}) webhook is in its shipment exactly once, and nothing else is;</li>
 *   <li>every refused webhook got a problem+json naming why ({@code type}, and the {@code field} for a {@code 400}),
 *       every text the webhook cleaned is named in its {@code 202}, and no scan of a refused webhook got in;</li>
 *   <li>every message on the ingest DLQ has its reason ({@code FAILED#<messageId>}); nothing reaches the notification
 *       DLQ (the notifier records no reason: a message there is an alert lost);</li>
 *   <li>at most one SMS per (shipment, trigger), moto's SMS are exactly the ledger's {@code SENT} ones, every published
 *       alerting event has its decision, and every shipment's final status, when it alerts, has its SMS.</li>
 * </ul>
 * The load is random from a seed, printed (and taken from {@code -Dr0.seed=} to replay a run). Each shipment has its
 * own customer id and phone, so no daily cap can explain a missing SMS.
 */
class ReconciliationIT {
    private static final long SEED = Long.getLong("r0.seed", 20261206L);
    private static final int NATIVE_SHIPMENTS = 12;
    /** Longer than a local SDK attempt (PT10S): calls in flight time out and are retried, not merely delayed. */
    private static final Duration FREEZE = Duration.ofSeconds(12);
    /** Longer than the stream's and the queues' poll intervals (1 s) with room: nothing pending shows for this long. */
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(150);
    /** PRODUCT.md §5's default alerts: each must reach the phone when it is a shipment's final status. */
    private static final Set<String> DEFAULT_ALERTS = Set.of("OUT_FOR_DELIVERY", "DELIVERED", "DELIVERY_ATTEMPTED",
            "AVAILABLE_FOR_PICKUP", "EXCEPTION", "DELAYED", "LOST", "RETURN_TO_SENDER", "RETURNED");
    /** Carrier text a hostile or broken sender may put in a description (clean ones included). */
    private static final List<String> HOSTILE_TEXTS = List.of("\uD800", "x\uDC00", "bell\u0007", "line\r\nSubject: injected",
            "\u202Eevil\u2066", "nul\u0000", "<script>alert(1)</script>", "Kraków", "");
    /** The journeys a native shipment takes: statuses with minutes before now. */
    private static final List<List<Step>> JOURNEYS = List.of(
            List.of(new Step("LABEL_CREATED", 360), new Step("PICKED_UP", 300), new Step("IN_TRANSIT", 240),
                    new Step("OUT_FOR_DELIVERY", 120), new Step("DELIVERED", 60)),
            List.of(new Step("LABEL_CREATED", 300), new Step("IN_TRANSIT", 200), new Step("OUT_FOR_DELIVERY", 30)),
            List.of(new Step("PICKED_UP", 300), new Step("IN_TRANSIT", 200), new Step("EXCEPTION", 50)),
            List.of(new Step("IN_TRANSIT", 240), new Step("OUT_FOR_DELIVERY", 180), new Step("DELIVERY_ATTEMPTED", 40)));
    private static final List<String> CARRIERS = List.of("usps", "ups", "fedex", "dhl");
    /** The implausible scan of every shipment; its webhook also estimates delivery on that day (implausible too). */
    private static final OffsetDateTime FAR_FUTURE = OffsetDateTime.parse("2099-06-01T12:00:00Z");
    /** Vendor payloads ({@code events/}): source, carrier, the status of the newest scan, scans (AllSourcesEndToEndIT). */
    private static final List<List<String>> VENDORS = List.of(List.of("easypost", "usps", "OUT_FOR_DELIVERY", "5"),
            List.of("aftership", "ups", "EXCEPTION", "4"), List.of("shippo", "fedex", "IN_TRANSIT", "4"));

    @RegisterExtension
    static final RunningCloud CLOUD = new RunningCloud(LocalCloudOptions.forTests());

    private final LocalCloud cloud = CLOUD.cloud();
    private final LocalAws aws = CLOUD.aws();
    private final Walkthrough walk = new Walkthrough(cloud);
    private final VendorWebhooks webhooks = new VendorWebhooks(cloud);
    private final Random random = new Random(SEED);
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(-5)).truncatedTo(ChronoUnit.SECONDS);
    /** {@code 503}s answered (nothing accepted; posted again). */
    private int unavailable;

    @Test
    void shouldLoseNoAcceptedScanAndNoAlertAndGiveEveryRefusalItsReason_whenAHostileDuplicatedLoadMeetsAnEmulatorFreeze() {
        long started = System.nanoTime();
        System.out.println("{\"test\":\"ReconciliationIT\",\"seed\":" + SEED + "}");
        // given shipments with their own customer and phone, an observer of every published event, and the load
        List<Shipment> shipments = register();
        String published = subscribeToShipmentEvents();
        List<Delivery> load = load(shipments);
        List<String> poison = sendPoison();

        // when the load is posted in its shuffled order, the emulator frozen for 12 s in the middle
        Map<Delivery, HttpResponse<String>> answers = post(load);

        // then, once everything has settled, the books balance
        settle(shipments, poison);
        List<String> violations = new ArrayList<>();
        Summary summary = new Summary();
        reconcileAnswers(answers, violations, summary);
        Map<Shipment, String> finalStatuses = reconcileScans(shipments, answers, violations, summary);
        reconcileDeadLetters(poison, violations, summary);
        reconcileAlerts(finalStatuses, published, violations, summary);
        summary.seconds = (System.nanoTime() - started) / 1e9;
        System.out.println(summary);
        assertThat(violations).as("R0 violations (seed " + SEED + ")").isEmpty();
    }

    // ---- given -----------------------------------------------------------------------------------------------------

    private List<Shipment> register() {
        List<Shipment> shipments = new ArrayList<>();
        int total = NATIVE_SHIPMENTS + VENDORS.size();
        for (int i = 0; i < total; i++) {
            boolean vendor = i >= NATIVE_SHIPMENTS;
            String carrier = vendor ? VENDORS.get(i - NATIVE_SHIPMENTS).get(1) : CARRIERS.get(i % CARRIERS.size());
            String trackingNumber = "9400" + String.format("%018d", Math.floorMod(random.nextLong(), 1_000_000_000_000_000_000L));
            String phone = "+1415555" + (1100 + i);
            String customerId = "r0-" + SEED + "-" + i;
            String key = cloud.demo().tenants().get(i % cloud.demo().tenants().size()).apiKey();
            var registered = walk.registerShipment(key, customerId, carrier, trackingNumber, phone);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            shipments.add(new Shipment(i, json(registered.body()).get("id").asText(), key, carrier, trackingNumber, phone,
                    vendor ? Optional.of(VENDORS.get(i - NATIVE_SHIPMENTS)) : Optional.empty()));
        }
        return shipments;
    }

    /** A queue subscribed to ShipmentEventsTopic without a filter: what the relay published, to compare with decisions. */
    private String subscribeToShipmentEvents() {
        String url = aws.sqs().createQueue(r -> r.queueName("r0-published")).queueUrl();
        String arn = aws.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        aws.sns().subscribe(r -> r.topicArn(cloud.stack().topics().get("ShipmentEventsTopic")).protocol("sqs").endpoint(arn));
        return url;
    }

    /** Messages on the ingest queue that no webhook would write: one not JSON, one of another shape. */
    private List<String> sendPoison() {
        String ingest = cloud.stack().queue("IngestQueue").url();
        return List.of("not json \u0001", "{\"unexpected\":true}").stream()
                .map(body -> aws.sqs().sendMessage(r -> r.queueUrl(ingest).messageBody(body)).messageId())
                .toList();
    }

    /**
     * Native scans of every shipment (its journey, a scan dated 2099 and, for every other one, 1995: kept flagged,
     * changing nothing), each description a token plus a hostile text, shuffled into webhooks of 1 to 4 events (now
     * and then one event twice); the vendor payloads; the refused kinds; then about a third of the accepted webhooks
     * again at a later place, as a sender's retry.
     */
    private List<Delivery> load(List<Shipment> shipments) {
        List<Scan> scans = new ArrayList<>();
        for (Shipment shipment : shipments) {
            if (shipment.vendor().isPresent()) continue;
            List<Step> journey = JOURNEYS.get(shipment.index() % JOURNEYS.size());
            for (Step step : journey) scans.add(scan(shipment, step.status(), now.minusMinutes(step.minutesAgo()), true));
            // Implausible under any clock the suite runs with (today ± a year, test-clock-shift), and within 1990-2099.
            scans.add(scan(shipment, "IN_TRANSIT", FAR_FUTURE, false));
            if (shipment.index() % 2 == 0) scans.add(scan(shipment, "IN_TRANSIT", OffsetDateTime.parse("1995-06-01T12:00:00+02:00"), false));
        }
        Collections.shuffle(scans, random);
        List<Delivery> load = new ArrayList<>();
        for (int i = 0; i < scans.size(); ) {
            int size = Math.min(1 + random.nextInt(4), scans.size() - i);
            List<Scan> events = new ArrayList<>(scans.subList(i, i + size));
            if (random.nextInt(5) == 0) events.add(events.get(random.nextInt(events.size())));
            load.add(Delivery.nativeScans(events));
            i += size;
        }
        for (Shipment shipment : shipments) {
            shipment.vendor().ifPresent(v -> load.add(Delivery.vendor(v.get(0), Integer.parseInt(v.get(3)), shipment,
                    VendorWebhooks.payload(v.get(0), v.get(1), shipment.trackingNumber(), now.toInstant().minus(Duration.ofMinutes(10))))));
        }
        load.addAll(refused(shipments.getFirst()));
        Collections.shuffle(load, random);
        List<Delivery> accepted = load.stream().filter(d -> d.expectedStatus() == 202).toList();
        for (Delivery again : accepted) {
            if (random.nextInt(3) == 0) load.add(load.indexOf(again) + 1 + random.nextInt(load.size() - load.indexOf(again)), again);
        }
        return load;
    }

    private Scan scan(Shipment shipment, String status, OffsetDateTime at, boolean plausible) {
        String token = "R0-" + shipment.index() + "-" + Math.floorMod(random.nextInt(), 1_000_000);
        String text = HOSTILE_TEXTS.get(random.nextInt(HOSTILE_TEXTS.size()));
        return new Scan(shipment, token, status, at, token + " " + text, plausible);
    }

    /** Webhooks that must be refused, each with what refuses it; their scans must never get in. */
    private List<Delivery> refused(Shipment target) {
        Scan good = scan(target, "IN_TRANSIT", now.minusMinutes(100), true);
        Scan acme = new Scan(target, good.token() + "a", "IN_TRANSIT", now.minusMinutes(90), good.token() + "a", true);
        String acmeEvent = acme.json().replace("\"carrier\":\"" + target.carrier() + "\"", "\"carrier\":\"acme\"");
        String surrogateNumber = good.json().replace(target.trackingNumber(), target.trackingNumber() + "\\ud800");
        String year1970 = good.json().replaceFirst("\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":\"1970-01-01T00:00:00Z\"");
        String year2100 = good.json().replaceFirst("\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":\"2100-01-01T00:00:00Z\"");
        String native_ = "native";
        return List.of(
                new Delivery("not JSON", native_, "{\"events\":[{\"carrier\":".getBytes(StandardCharsets.UTF_8), 400, List.of(), Optional.empty()),
                new Delivery("events null", native_, "{\"events\":null}".getBytes(StandardCharsets.UTF_8), 400, List.of(), Optional.empty())
                        .naming("/events"),
                new Delivery("bad signature", native_, events(List.of(good.json())), 401, List.of(good),
                        Optional.of("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))),
                new Delivery("unknown carrier beside a good scan", native_, events(List.of(good.json(), acmeEvent)), 400, List.of(good, acme), Optional.empty())
                        .naming("/events/1/carrier"),
                new Delivery("surrogate in a tracking number", native_, events(List.of(surrogateNumber)), 400, List.of(good), Optional.empty())
                        .naming("/events/0/trackingNumber"),
                new Delivery("scan dated 1970", native_, events(List.of(year1970)), 400, List.of(good), Optional.empty())
                        .naming("/events/0/occurredAt"),
                new Delivery("scan dated 2100", native_, events(List.of(year2100)), 400, List.of(good), Optional.empty())
                        .naming("/events/0/occurredAt"),
                new Delivery("unknown source", "acme", events(List.of(good.json())), 404, List.of(good), Optional.empty()),
                new Delivery("vendor payload, bad signature", "easypost", VendorWebhooks.payload("easypost", target.carrier(),
                        target.trackingNumber(), now.toInstant()), 401, List.of(), Optional.of("not-the-secret")));
    }

    // ---- when ------------------------------------------------------------------------------------------------------

    /**
     * Posts the load in order; halfway, freezes the emulator for {@link #FREEZE} while posting goes on. A {@code 503}
     * (nothing accepted) is retried at the end, as a sender does; its final answer is the one reconciled.
     */
    private Map<Delivery, HttpResponse<String>> post(List<Delivery> load) {
        Map<Delivery, HttpResponse<String>> answers = new LinkedHashMap<>();
        List<Delivery> retry = new ArrayList<>();
        ScheduledExecutorService thaw = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < load.size(); i++) {
                if (i == load.size() / 2) freeze(thaw);
                Delivery delivery = load.get(i);
                HttpResponse<String> answer = send(delivery);
                if (answer.statusCode() == 503) retry.add(delivery);
                answers.merge(delivery, answer, (first, again) -> first.statusCode() == 202 ? first : again);
            }
            for (int attempt = 0; attempt < 5 && !retry.isEmpty(); attempt++) {
                List<Delivery> still = new ArrayList<>();
                for (Delivery delivery : retry) {
                    HttpResponse<String> answer = send(delivery);
                    if (answer.statusCode() == 503) still.add(delivery);
                    answers.put(delivery, answer);
                }
                retry = still;
            }
        } finally {
            thaw.shutdown();
            try {
                assertThat(thaw.awaitTermination(FREEZE.toSeconds() * 3, TimeUnit.SECONDS)).as("emulator thawed").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answers;
    }

    private HttpResponse<String> send(Delivery delivery) {
        HttpResponse<String> answer;
        if (!DemoCredentials.SOURCES.contains(delivery.source())) {
            answer = Http.post(URI.create(cloud.apiUrl() + "/v1/webhooks/" + delivery.source()), "application/json", delivery.body());
        } else {
            answer = delivery.secret().isPresent()
                    ? webhooks.post(delivery.source(), delivery.body(), delivery.secret().get())
                    : webhooks.post(delivery.source(), delivery.body());
        }
        if (answer.statusCode() == 503) unavailable++;
        return answer;
    }

    private void freeze(ScheduledExecutorService thaw) {
        EmulatorFreeze frozen = EmulatorFreeze.of(cloud);
        thaw.schedule(frozen::close, FREEZE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(EmulatorFreeze.answers(cloud)).as("moto answers while frozen").isFalse();
        System.out.println("{\"test\":\"ReconciliationIT\",\"emulator\":\"frozen for " + FREEZE.toSeconds() + " s\"}");
    }

    /**
     * Polls until the pipeline is quiet: ingest and notification queues empty, the poison messages on the DLQ, and
     * nothing (statuses, scans, decisions, SMS) changed for {@link #QUIET}.
     */
    private void settle(List<Shipment> shipments, List<String> poison) {
        String[] queues = {cloud.stack().queue("IngestQueue").url(), cloud.stack().queue("NotificationQueue").url()};
        String dlq = cloud.stack().queue("IngestDeadLetterQueue").url();
        Instant[] changed = {Instant.now()};
        String[] last = {""};
        Eventually.await("the pipeline settles", SETTLE_LIMIT, () -> {
            int waiting = 0;
            for (String queue : queues) waiting += Queues.messages(aws.sqs(), queue);
            int dead = Queues.messages(aws.sqs(), dlq);
            String state = "queued:" + waiting + " dlq:" + dead;
            if (waiting == 0) {
                Map<String, Long> texts = Moto.sms(cloud).stream()
                        .collect(Collectors.groupingBy(sms -> sms.path("phone_number").asText(), Collectors.counting()));
                state += " " + shipments.stream().map(s -> {
                    JsonNode view = view(s);
                    return s.index() + ":" + view.path("status").asText() + "/" + view.path("events").size() + "/"
                            + notifications(s).size() + "/" + texts.getOrDefault(s.phone(), 0L);
                }).collect(Collectors.joining(" "));
            }
            if (!state.equals(last[0])) {
                last[0] = state;
                changed[0] = Instant.now();
            }
            return waiting == 0 && dead >= poison.size()
                    && Duration.between(changed[0], Instant.now()).compareTo(QUIET) >= 0 ? "settled" : state;
        }, "settled"::equals);
    }

    // ---- then ------------------------------------------------------------------------------------------------------

    /** Every answer is the one expected, and a refusal says why. */
    private void reconcileAnswers(Map<Delivery, HttpResponse<String>> answers, List<String> violations, Summary summary) {
        for (var entry : answers.entrySet()) {
            Delivery delivery = entry.getKey();
            HttpResponse<String> answer = entry.getValue();
            String what = delivery.what() + " answered " + answer.statusCode() + " " + answer.body();
            if (answer.statusCode() != delivery.expectedStatus()) {
                violations.add("expected " + delivery.expectedStatus() + ": " + what);
                continue;
            }
            if (answer.statusCode() == 202) {
                summary.accepted++;
                JsonNode body = json(answer.body());
                Set<String> cleaned = new HashSet<>();
                body.path("cleaned").forEach(c -> cleaned.add(c.asText()));
                if (body.path("accepted").asInt() != delivery.acceptedScans()) violations.add("accepted count wrong: " + what);
                if (body.path("duplicates").asInt() != delivery.repeatedScans()) violations.add("duplicates count wrong: " + what);
                if (delivery.source().equals("native") && !cleaned.equals(delivery.cleaned())) {
                    violations.add("cleaned texts not named as " + delivery.cleaned() + ": " + what);
                }
                summary.cleaned += cleaned.size();
            } else {
                summary.refused.merge(answer.statusCode(), 1, Integer::sum);
                String type = answer.headers().firstValue("content-type").orElse("");
                JsonNode problem = type.startsWith("application/problem+json") ? json(answer.body()) : null;
                if (problem == null || problem.path("type").asText().isBlank() || problem.path("status").asInt() != answer.statusCode()) {
                    violations.add("refusal without a problem+json: " + what);
                } else if (!problem.path("field").asText().equals(delivery.field()) || problem.path("detail").asText().isBlank()) {
                    violations.add("refusal not naming " + (delivery.field().isEmpty() ? "no field" : delivery.field()) + " with a detail: " + what);
                }
            }
        }
    }

    /**
     * Each accepted scan once in its shipment, nothing else there, refused scans nowhere, and the final status the
     * accepted scans give (returned per shipment).
     */
    private Map<Shipment, String> reconcileScans(List<Shipment> shipments, Map<Delivery, HttpResponse<String>> answers, List<String> violations,
                                Summary summary) {
        Map<Shipment, Set<Scan>> accepted = new HashMap<>();
        Map<Shipment, Integer> vendorScans = new HashMap<>();
        Set<Scan> refused = new HashSet<>();
        Map<Shipment, String> finalStatuses = new LinkedHashMap<>();
        answers.forEach((delivery, answer) -> {
            if (answer.statusCode() == 202) {
                delivery.scans().forEach(scan -> accepted.computeIfAbsent(scan.shipment(), s -> new HashSet<>()).add(scan));
                delivery.vendorShipment().ifPresent(s -> vendorScans.put(s, json(answer.body()).path("accepted").asInt()));
            } else {
                refused.addAll(delivery.scans());
            }
        });
        for (Shipment shipment : shipments) {
            JsonNode view = view(shipment);
            List<JsonNode> events = StreamSupport.stream(view.path("events").spliterator(), false).toList();
            Set<Scan> expected = accepted.getOrDefault(shipment, Set.of());
            int expectedCount = shipment.vendor().isPresent() ? vendorScans.getOrDefault(shipment, 0) : expected.size();
            summary.scans += events.size();
            if (events.size() != expectedCount) {
                violations.add(shipment + ": " + events.size() + " scans stored, " + expectedCount + " accepted");
            }
            for (Scan scan : expected) {
                List<JsonNode> stored = events.stream().filter(e -> scan.named(e.path("description").asText())).toList();
                if (stored.size() != 1) violations.add(shipment + ": accepted scan " + scan.token() + " stored " + stored.size() + " times");
                else if (stored.getFirst().path("implausibleTime").asBoolean(true) == scan.plausible()) {
                    violations.add(shipment + ": scan " + scan.token() + " at " + scan.at() + " shown with implausibleTime "
                            + stored.getFirst().path("implausibleTime"));
                }
            }
            for (Scan scan : refused) {
                if (events.stream().anyMatch(e -> scan.named(e.path("description").asText()))) {
                    violations.add(shipment + ": refused scan " + scan.token() + " was stored");
                }
            }
            for (JsonNode event : events) {
                String description = event.path("description").asText();
                if (!description.codePoints().allMatch(ReconciliationIT::printable)) {
                    violations.add(shipment + ": stored text not clean: " + json(description));
                }
            }
            if (view.path("eta").toString().contains(FAR_FUTURE.toLocalDate().toString())) {
                violations.add(shipment + ": an implausible estimate reached the ETA " + view.path("eta"));
            }
            String finalStatus = shipment.vendor().map(v -> v.get(2)).orElseGet(() -> finalStatus(expected));
            finalStatuses.put(shipment, finalStatus);
            if (!view.path("status").asText().equals(finalStatus)) {
                violations.add(shipment + ": status " + view.path("status").asText() + ", its scans say " + finalStatus);
            }
        }
        return finalStatuses;
    }

    /** The status the engine's rules give the plausible scans: a terminal one outranks, else the latest. */
    private static String finalStatus(Set<Scan> scans) {
        List<Scan> plausible = scans.stream().filter(Scan::plausible).toList();
        return plausible.stream().filter(s -> s.status().equals("DELIVERED")).findAny()
                .or(() -> plausible.stream().max((a, b) -> a.at().toInstant().compareTo(b.at().toInstant())))
                .map(Scan::status).orElse("UNKNOWN");
    }

    private static boolean printable(int c) {
        return !Character.isISOControl(c) && !(c >= 0xD800 && c <= 0xDFFF)
                && Character.getType(c) != Character.FORMAT && c != 0x2028 && c != 0x2029;
    }

    private void reconcileDeadLetters(List<String> poison, List<String> violations, Summary summary) {
        String dlq = cloud.stack().queue("IngestDeadLetterQueue").url();
        DeadLetterReasons reasons = new DeadLetterReasons(aws.dynamoDb(), cloud.stack().tables().get("TrackingTable"), Clock.systemUTC());
        Set<String> dead = new HashSet<>();
        List<Message> batch;
        do {
            batch = aws.sqs().receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(0).visibilityTimeout(60)).messages();
            batch.forEach(m -> dead.add(m.messageId()));
        } while (!batch.isEmpty());
        summary.deadLettered = dead.size();
        if (!dead.containsAll(poison)) violations.add("poison messages not dead-lettered: " + poison + " vs " + dead);
        for (String id : dead) {
            Optional<String> reason = reasons.reason(id);
            if (reason.isEmpty() || reason.get().isBlank()) violations.add("dead-lettered without a reason: " + id);
            else summary.reasons.add(reason.get().length() > 60 ? reason.get().substring(0, 60) : reason.get());
        }
        int notificationDlq = Queues.messages(aws.sqs(), cloud.stack().queue("NotificationDeadLetterQueue").url());
        if (notificationDlq != 0) violations.add(notificationDlq + " alert(s) on the notification DLQ");
    }

    /** ≤ 1 SMS per (shipment, trigger), moto's SMS = the ledger's SENT, every alerting event decided, final status texted. */
    private void reconcileAlerts(Map<Shipment, String> finalStatuses, String publishedQueue, List<String> violations, Summary summary) {
        Map<String, Set<String>> publishedTriggers = new HashMap<>();
        for (String envelope : Queues.take(aws.sqs(), publishedQueue)) {
            JsonNode message = json(json(envelope).path("Message").asText());
            publishedTriggers.computeIfAbsent(message.path("shipmentId").asText(), id -> new HashSet<>()).add(message.path("trigger").asText());
            summary.published++;
        }
        for (Shipment shipment : finalStatuses.keySet()) {
            List<JsonNode> sms = notifications(shipment).stream().filter(n -> n.path("channel").asText().equals("SMS")).toList();
            Map<String, Long> sentPerTrigger = sms.stream().filter(n -> n.path("state").asText().equals("SENT"))
                    .collect(Collectors.groupingBy(n -> n.path("trigger").asText(), TreeMap::new, Collectors.counting()));
            int texts = Moto.smsTo(cloud, shipment.phone()).size();
            summary.sms += texts;
            sms.forEach(n -> summary.decisions.merge(n.path("state").asText() + (n.path("reason").isTextual() ? " " + n.path("reason").asText() : ""), 1, Integer::sum));
            sentPerTrigger.forEach((trigger, count) -> {
                if (count > 1) violations.add(shipment + ": " + count + " SMS for " + trigger);
            });
            long sent = sentPerTrigger.values().stream().mapToLong(Long::longValue).sum();
            if (texts != sent) violations.add(shipment + ": moto has " + texts + " SMS, the ledger " + sent + " sent " + sentPerTrigger);
            Set<String> decided = sms.stream().filter(n -> !n.path("state").asText().equals("HELD"))
                    .map(n -> n.path("trigger").asText()).collect(Collectors.toSet());
            for (String trigger : publishedTriggers.getOrDefault(shipment.id(), Set.of())) {
                if (DEFAULT_ALERTS.contains(trigger) && !decided.contains(trigger)) {
                    violations.add(shipment + ": " + trigger + " published but no SMS decision: " + sms);
                }
            }
            String status = finalStatuses.get(shipment);
            if (DEFAULT_ALERTS.contains(status) && !sentPerTrigger.containsKey(status)) {
                violations.add(shipment + ": final status " + status + " never texted: " + sms);
            }
        }
        summary.unavailable = unavailable;
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    private JsonNode view(Shipment shipment) {
        return json(walk.get("/v1/shipments/" + shipment.id(), apiKey(shipment.apiKey())).body());
    }

    private List<JsonNode> notifications(Shipment shipment) {
        JsonNode page = json(walk.get("/v1/shipments/" + shipment.id() + "/notifications?limit=100", apiKey(shipment.apiKey())).body());
        return StreamSupport.stream(page.path("items").spliterator(), false).toList();
    }

    private static byte[] events(List<String> events) {
        return ("{\"events\":[" + String.join(",", events) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    // ---- the load's parts ------------------------------------------------------------------------------------------

    private record Step(String status, int minutesAgo) {
    }

    private record Shipment(int index, String id, String apiKey, String carrier, String trackingNumber, String phone,
                            Optional<List<String>> vendor) {
        @Override
        public String toString() {
            return "shipment " + index + " (" + id + vendor.map(v -> ", " + v.get(0)).orElse("") + ")";
        }
    }

    /** One native scan; {@code description} starts with its unique {@code token}, then hostile text. */
    private record Scan(Shipment shipment, String token, String status, OffsetDateTime at, String description, boolean plausible) {
        String json() {
            return "{\"carrier\":\"" + shipment.carrier() + "\",\"trackingNumber\":\"" + shipment.trackingNumber()
                    + "\",\"status\":\"" + status + "\",\"occurredAt\":\"" + at + "\",\"description\":\"" + escaped(description)
                    + "\"" + (status.equals("EXCEPTION") ? ",\"exceptionReason\":\"ADDRESS_ISSUE\"" : "")
                    + (at.getYear() == FAR_FUTURE.getYear() ? ",\"estimatedDelivery\":\"" + FAR_FUTURE.toLocalDate() + "\"" : "")
                    + ",\"location\":{\"city\":\"Springfield\",\"region\":\"IL\",\"postalCode\":\"62701\",\"country\":\"US\"}}";
        }

        boolean clean() {
            return description.codePoints().allMatch(ReconciliationIT::printable);
        }

        /** Whether a stored description is this scan's (its token, then a space or nothing). */
        boolean named(String stored) {
            return stored.equals(token) || stored.startsWith(token + " ");
        }

        /** JSON string content with every character outside printable ASCII escaped, lone surrogates included. */
        private static String escaped(String text) {
            StringBuilder json = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') json.append('\\').append(c);
                else if (c < 0x20 || c > 0x7E) json.append(String.format("\\u%04x", (int) c));
                else json.append(c);
            }
            return json.toString();
        }
    }

    /**
     * One webhook as sent (and, for a retry, sent again): what it holds and the answer it must get.
     *
     * @param scans          the native scans it carries (a repeated one twice)
     * @param cleaned        JSON Pointers of the texts the webhook must report cleaned
     * @param vendorShipment the shipment a vendor payload is for
     * @param secret         a signing secret other than the source's own
     * @param vendorScans    the scans a vendor payload holds
     * @param field          the JSON Pointer a refusal must name ({@code ""}: none, such as for a body that is not JSON)
     */
    private record Delivery(String what, String source, byte[] body, int expectedStatus, List<Scan> scans, Set<String> cleaned,
                            Optional<Shipment> vendorShipment, Optional<String> secret, int vendorScans, String field) {
        /** A refused one. */
        Delivery(String what, String source, byte[] body, int expectedStatus, List<Scan> scans, Optional<String> secret) {
            this(what, source, body, expectedStatus, scans, Set.of(), Optional.empty(), secret, 0, "");
        }

        Delivery naming(String pointer) {
            return new Delivery(what, source, body, expectedStatus, scans, cleaned, vendorShipment, secret, vendorScans, pointer);
        }

        static Delivery nativeScans(List<Scan> events) {
            Set<String> cleaned = new HashSet<>();
            for (int i = 0; i < events.size(); i++) if (!events.get(i).clean()) cleaned.add("/events/" + i + "/description");
            return new Delivery("native webhook of " + events.size() + " scans", "native",
                    events(events.stream().map(Scan::json).toList()), 202, events, cleaned, Optional.empty(), Optional.empty(), 0, "");
        }

        static Delivery vendor(String source, int scans, Shipment shipment, byte[] payload) {
            return new Delivery(source + " payload", source, payload, 202, List.of(), Set.of(), Optional.of(shipment), Optional.empty(), scans, "");
        }

        int acceptedScans() {
            return vendorShipment.isPresent() ? vendorScans : (int) scans.stream().distinct().count();
        }

        int repeatedScans() {
            return vendorShipment.isPresent() ? 0 : scans.size() - acceptedScans();
        }

        // Identity, not the body's bytes: a retry is the same delivery.
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private static final class Summary {
        int accepted;
        Map<Integer, Integer> refused = new TreeMap<>();
        int cleaned;
        int scans;
        int deadLettered;
        List<String> reasons = new ArrayList<>();
        int published;
        int sms;
        Map<String, Integer> decisions = new TreeMap<>();
        int unavailable;
        double seconds;

        @Override
        public String toString() {
            return "{\"test\":\"ReconciliationIT\",\"seed\":" + SEED + ",\"accepted202\":" + accepted + ",\"refused\":\"" + refused
                    + "\",\"cleanedTexts\":" + cleaned + ",\"scansStored\":" + scans + ",\"unavailable503\":" + unavailable
                    + ",\"deadLettered\":" + deadLettered + ",\"deadLetterReasons\":" + json(reasons) + ",\"eventsPublished\":" + published
                    + ",\"smsSent\":" + sms + ",\"smsDecisions\":\"" + decisions + "\",\"seconds\":" + String.format("%.1f", seconds) + "}";
        }

        private static String json(Object value) {
            try {
                return io.trackline.aws.Json.mapper().writeValueAsString(value);
            } catch (Exception e) {
                return String.valueOf(value);
            }
        }
    }
}
