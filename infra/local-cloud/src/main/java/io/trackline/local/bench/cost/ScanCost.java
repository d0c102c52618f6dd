package io.trackline.local.bench.cost;

import io.trackline.domain.webhooks.StandardWebhooks;
import io.trackline.local.LocalCloud;
import io.trackline.local.runtime.ProcessFunction;
import io.trackline.local.runtime.Report;
import io.trackline.testkit.cloud.LocalAws;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The cost per carrier scan of the whole pipeline, measured on a running local cloud whose functions run under Lambda's
 * runtime: it registers {@code shipments} shipments and posts their journeys' webhooks ({@link CarrierTraffic}), waits
 * until the pipeline is idle, and counts every billable unit spent meanwhile:
 * <ul>
 *   <li>API Gateway: the requests the gateway received (each started 512 KB one);</li>
 *   <li>Lambda: requests and GB-seconds from each function's REPORT lines (Billed Duration × Memory Size), the Init
 *       Duration of a cold start left out of the steady state and counted apart;</li>
 *   <li>CloudWatch Logs: the bytes of each function's log lines (its own and START/END/REPORT), 26 bytes more per line
 *       as CloudWatch meters a log event;</li>
 *   <li>SQS, SNS, Secrets Manager: every request a function's role signed, from moto's request recorder (SQS and SNS
 *       per started 64 KB; an SNS publish to a phone number is an SMS, priced apart); for the SQS event sources, which
 *       the local cloud runs as the operator, one receive and one delete per batch deleted (empty receives are a fixed
 *       cost of polling, not a cost per scan); DynamoDB Streams reads by a Lambda trigger are free;</li>
 *   <li>DynamoDB: read and write request units of the recorded requests, from item sizes ({@link DynamoUnits}).</li>
 * </ul>
 */
public final class ScanCost {
    /** CloudWatch Logs meters each log event as its message's bytes plus 26. */
    static final int LOG_EVENT_OVERHEAD = 26;
    private static final Duration IDLE = Duration.ofSeconds(8);
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(4);
    private static final int SEND_ATTEMPTS = 5;

    /** One function's share of a run. */
    public record FunctionUse(String name, int invocations, double gbSeconds, int coldStarts, double initGbSeconds, long logBytes) {
    }

    /** A measured run. */
    public record Result(CarrierTraffic traffic, int shipments, Bill bill, List<FunctionUse> functions, Map<String, Long> calls,
                         DynamoUnits.Units dynamo, int unreadable, Set<String> notCounted) {
    }

    /**
     * Which functions the bill leaves out ({@code notPerScan}: schedules, the bench's anchors) and which start a trace of
     * their own ({@code startTraces}: stream triggers, as a stream record carries no trace header; the others continue
     * the trace of the request that caused them, through SQS and SNS).
     */
    public record Scope(Set<String> notPerScan, Set<String> startTraces) {
    }

    private ScanCost() {
    }

    /**
     * Runs {@code traffic} for {@code shipments} shipments on {@code cloud}.
     */
    public static Result measure(LocalCloud cloud, CarrierTraffic traffic, int shipments, Scope scope,
                                 Map<String, String> environment) throws InterruptedException {
        var demo = cloud.demo();
        String table = cloud.stack().tables().get("TrackingTable");
        try (LocalAws operator = new LocalAws(cloud.awsEndpoint(), demo.region(), demo.awsAccessKeyId(), demo.awsSecretAccessKey())) {
            List<Map<String, AttributeValue>> snapshot = operator.dynamoDb().scanPaginator(b -> b.tableName(table)).items().stream().toList();
            Map<String, ProcessFunction> functions = cloud.lambda().orElseThrow().functions();
            Map<String, Long> marks = new TreeMap<>();
            functions.forEach((name, function) -> marks.put(name, function.log().mark()));
            long apiRequests = cloud.meteredApiRequests();
            AwsRequestLog recorder = new AwsRequestLog(cloud.awsEndpoint());
            recorder.start();
            post(cloud, traffic, shipments);
            awaitIdle(cloud, operator, functions.values());
            AwsRequestLog.Recording recording = recorder.stop();

            Bill bill = new Bill((long) shipments * traffic.scans());
            long api = cloud.meteredApiRequests() - apiRequests;
            bill.add(Price.API_REQUEST, api).add(Price.XRAY_TRACE, api);
            List<FunctionUse> uses = new ArrayList<>();
            for (var function : functions.values()) {
                if (scope.notPerScan().contains(function.name())) continue;
                FunctionUse use = use(function.name(), function.log().since(marks.get(function.name())));
                uses.add(use);
                bill.add(Price.LAMBDA_REQUEST, use.invocations()).add(Price.LAMBDA_GB_SECOND, use.gbSeconds())
                        .add(Price.LOGS_GB, Bill.gigabytes(use.logBytes()));
                if (scope.startTraces().contains(function.name())) bill.add(Price.XRAY_TRACE, use.invocations());
            }
            Map<String, Long> calls = new TreeMap<>();
            List<AwsRequestLog.Request> dynamo = new ArrayList<>();
            for (AwsRequestLog.Request request : recording.requests()) {
                boolean byOperator = request.accessKeyId().equals(demo.awsAccessKeyId());
                calls.merge((byOperator ? "event sources (operator) " : "functions ") + request.service() + ":" + request.operation(), 1L, Long::sum);
                if (request.service().equals("dynamodb")) dynamo.add(request);
                else if (byOperator) bill.add(Price.SQS_REQUEST, eventSourceRequests(request));
                else bill(bill, request);
            }
            List<Map<String, AttributeValue>> live = operator.dynamoDb().scanPaginator(b -> b.tableName(table)).items().stream().toList();
            DynamoUnits.Units units = DynamoUnits.replay(environment, table, snapshot, dynamo, live);
            bill.add(Price.DYNAMODB_READ, units.read()).add(Price.DYNAMODB_WRITE, units.written());
            Set<String> notCounted = new java.util.TreeSet<>(scope.notPerScan());
            notCounted.retainAll(functions.keySet());
            return new Result(traffic, shipments, bill, uses, calls, units, recording.unreadable(), notCounted);
        }
    }

    /**
     * The anchor's cost per invocation, warm: {@code invocations} invocations of a function doing one DynamoDB GetItem
     * (eventually consistent, an item under 4 KB: half a read unit), its Lambda requests, GB-seconds and log bytes.
     */
    public static Bill warmGetItemAnchor(ProcessFunction anchor, int invocations) {
        long mark = anchor.log().mark();
        for (int i = 0; i < invocations; i++) anchor.invoke(Map.of("bench", true));
        FunctionUse use = use(anchor.name(), anchor.log().since(mark));
        return new Bill(invocations).add(Price.LAMBDA_REQUEST, use.invocations()).add(Price.LAMBDA_GB_SECOND, use.gbSeconds())
                .add(Price.LOGS_GB, Bill.gigabytes(use.logBytes())).add(Price.DYNAMODB_READ, 0.5 * invocations);
    }

    /** Lambda's cost of one cold start's Init Duration (billed since August 2025), from a function's first REPORT. */
    public static double initCost(Report coldReport) {
        return coldReport.initDurationMs().map(ms -> Bill.gbSeconds((long) Math.ceil(ms), coldReport.memorySizeMb())
                * Price.LAMBDA_GB_SECOND.dollars()).orElse(0.0);
    }

    /** A function's own request (its role signed it): SQS, SNS, Secrets Manager; STS and IAM are free. */
    private static void bill(Bill bill, AwsRequestLog.Request request) {
        switch (request.service()) {
            case "sqs" -> bill.add(Price.SQS_REQUEST, Bill.chunks64k(request.body().length));
            case "sns" -> {
                Map<String, String> form = request.form();
                if (request.operation().equals("Publish") && form.containsKey("PhoneNumber")) bill.add(Price.SMS, 1);
                else if (request.operation().equals("Publish")) {
                    bill.add(Price.SNS_REQUEST, Bill.chunks64k(form.getOrDefault("Message", "").getBytes(StandardCharsets.UTF_8).length));
                } else if (request.operation().equals("PublishBatch")) {
                    form.forEach((name, value) -> {
                        if (name.matches("PublishBatchRequestEntries\\.member\\.\\d+\\.Message")) {
                            bill.add(Price.SNS_REQUEST, Bill.chunks64k(value.getBytes(StandardCharsets.UTF_8).length));
                        }
                    });
                } else bill.add(Price.SNS_REQUEST, 1);
            }
            case "secretsmanager" -> bill.add(Price.SECRETS_CALL, 1);
            default -> {
                // sts, iam: free; any other service shows in the calls printed, unpriced
            }
        }
    }

    /**
     * SQS requests of Lambda's event sources, which the local cloud makes as the operator: each batch deleted was
     * received once (its receive and its delete). Empty receives, which Lambda's pollers make whatever the traffic, are
     * not a cost per scan; GetQueueAttributes is the bench's own.
     */
    private static long eventSourceRequests(AwsRequestLog.Request request) {
        return request.service().equals("sqs") && request.operation().startsWith("DeleteMessage") ? 2 : 0;
    }

    private static FunctionUse use(String name, List<String> lines) {
        int invocations = 0, coldStarts = 0;
        double gbSeconds = 0, initGbSeconds = 0;
        long logBytes = 0;
        for (String line : lines) {
            logBytes += line.getBytes(StandardCharsets.UTF_8).length + LOG_EVENT_OVERHEAD;
            var report = Report.parse(line);
            if (report.isEmpty()) continue;
            Report r = report.get();
            long initMs = r.initDurationMs().map(ms -> (long) Math.ceil(ms)).orElse(0L);
            invocations++;
            gbSeconds += Bill.gbSeconds(r.billedMs() - initMs, r.memorySizeMb());
            if (r.initDurationMs().isPresent()) {
                coldStarts++;
                initGbSeconds += Bill.gbSeconds(initMs, r.memorySizeMb());
            }
        }
        return new FunctionUse(name, invocations, gbSeconds, coldStarts, initGbSeconds, logBytes);
    }

    private static void post(LocalCloud cloud, CarrierTraffic traffic, int shipments) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String apiKey = cloud.demo().tenants().getFirst().apiKey();
        String secret = cloud.demo().webhookSecrets().get("native");
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase(Locale.ROOT);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> trackingNumbers = new ArrayList<>();
        for (int i = 0; i < shipments; i++) {
            String trackingNumber = String.format("1ZCOST%s%04d", run, i);
            trackingNumbers.add(trackingNumber);
            send(http, HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/v1/shipments")).header("x-api-key", apiKey)
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CarrierTraffic.registration(trackingNumber, i, now))), Set.of(201, 200));
        }
        for (int w = 0; w < traffic.webhooks(); w++) {
            for (String trackingNumber : trackingNumbers) {
                byte[] body = traffic.webhook(trackingNumber, w, now);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/v1/webhooks/native"))
                        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
                StandardWebhooks.headers(secret, "msg_cost_" + trackingNumber + "_" + w, Instant.now().getEpochSecond(), body)
                        .forEach(request::header);
                send(http, request, Set.of(202));
            }
        }
    }

    /**
     * Sends, and sends again after a 503 or 429 as a sender would (the retry is billed as API Gateway bills it); a
     * registration retried after its first answer was lost answers 200, the shipment it registered.
     */
    private static void send(HttpClient http, HttpRequest.Builder request, Set<Integer> expected) {
        try {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (expected.contains(response.statusCode())) return;
                if ((response.statusCode() != 503 && response.statusCode() != 429) || attempt == SEND_ATTEMPTS) {
                    throw new IllegalStateException(request.build().uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
                }
                Thread.sleep(1000L * attempt);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the local cloud is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Until no function has written a line for {@link #IDLE} and no queue has a message in flight. */
    private static void awaitIdle(LocalCloud cloud, LocalAws operator, java.util.Collection<ProcessFunction> functions)
            throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        long lines = -1;
        long idleSince = System.nanoTime();
        while (true) {
            long now = functions.stream().mapToLong(f -> f.log().mark()).sum();
            if (now != lines) {
                lines = now;
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > IDLE.toNanos() && inFlight(cloud, operator) == 0) {
                return;
            }
            if (System.nanoTime() > deadline) throw new IllegalStateException("the pipeline was still busy after " + SETTLE_LIMIT);
            Thread.sleep(500);
        }
    }

    private static long inFlight(LocalCloud cloud, LocalAws operator) {
        return cloud.stack().queues().values().stream().mapToLong(q -> Long.parseLong(operator.sqs()
                .getQueueAttributes(b -> b.queueUrl(q.url()).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))).sum();
    }

    /** Units per scan and dollars per million scans by service, the Lambda share by function, beside the goal. */
    public static void print(PrintStream out, Result result, double goal) {
        Bill bill = result.bill();
        CarrierTraffic t = result.traffic();
        out.printf(Locale.ROOT, "%s%n  %d shipments: %d scans in %d webhooks, %d registrations%n", t.title(), result.shipments(),
                bill.scans(), (long) result.shipments() * t.webhooks(), result.shipments());
        out.printf(Locale.ROOT, "  %-16s %-58s %12s%n", "service", "units per scan", "$ per 1M scans");
        bill.byService().forEach((service, dollars) -> out.printf(Locale.ROOT, "  %-16s %-58s %12.3f%n", service, units(bill, service), dollars));
        double total = bill.totalPerMillionScans();
        out.printf(Locale.ROOT, "  %-16s %-58s %12.3f  (goal %.2f: %s)%n", "total", "", total, goal, total <= goal ? "met" : "missed");
        for (Price price : Price.values()) {
            if (price.perScan()) continue;
            out.printf(Locale.ROOT, "  apart, %s: %.0f %s, %.3f per scan at $%.6f: $%.2f per 1M scans, %s%n", price.service(),
                    bill.units(price), price.unit(), bill.perScan(price), price.dollars(), bill.dollarsPerMillionScans(price), price.apart());
        }
        out.printf(Locale.ROOT, "  Lambda by function: %-24s %9s %11s %13s %12s%n", "", "req/scan", "GB-s/scan", "$/1M scans", "cold starts");
        for (FunctionUse use : result.functions()) {
            if (use.invocations() == 0) continue;
            double dollars = (use.invocations() * Price.LAMBDA_REQUEST.dollars() + use.gbSeconds() * Price.LAMBDA_GB_SECOND.dollars())
                    / bill.scans() * 1_000_000;
            out.printf(Locale.ROOT, "    %-39s %9.3f %11.4f %13.3f %12s%n", use.name(), use.invocations() / (double) bill.scans(),
                    use.gbSeconds() / bill.scans(), dollars,
                    use.coldStarts() == 0 ? "0" : use.coldStarts() + String.format(Locale.ROOT, " ($%.6f)", use.initGbSeconds() * Price.LAMBDA_GB_SECOND.dollars()));
        }
        out.printf(Locale.ROOT, "  DynamoDB write units by item written (per scan): %s%n", perScan(result.dynamo().writtenByKind(), bill.scans()));
        out.printf(Locale.ROOT, "  DynamoDB replay: %d of the table's %d items end as they did live%n",
                result.dynamo().items() - result.dynamo().differing(), result.dynamo().items());
        out.printf(Locale.ROOT, "  AWS requests recorded: %s%n", result.calls());
        if (!result.notCounted().isEmpty()) out.printf("  not per scan, left out: %s%n", result.notCounted());
        if (result.unreadable() > 0) out.printf("  WARNING: %d recorded requests could not be read (not counted)%n", result.unreadable());
    }

    private static String units(Bill bill, String service) {
        java.util.StringJoiner text = new java.util.StringJoiner(", ");
        for (Price price : Price.values()) {
            if (!price.service().equals(service)) continue;
            text.add(price == Price.LOGS_GB ? String.format(Locale.ROOT, "%.2f KB ingested", bill.perScan(price) * 1024 * 1024)
                    : String.format(Locale.ROOT, "%.3f %s", bill.perScan(price), price.unit()));
        }
        return text.toString();
    }

    private static String perScan(Map<String, Double> units, long scans) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(units).forEach((kind, n) -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.3f", kind, n / scans)));
        return text.toString();
    }
}
