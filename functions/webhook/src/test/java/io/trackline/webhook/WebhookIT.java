package io.trackline.webhook;

import io.trackline.webhook.adapter.secretsmanager.SecretsManagerWebhookSecrets;
import io.trackline.webhook.adapter.sqs.SqsScanQueue;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.aws.queue.ScanReportCodec;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.domain.tracking.Status;
import io.trackline.emulator.Emulator;
import io.trackline.webhook.Fixtures;
import io.trackline.webhook.WebhookHandler;
import io.trackline.webhook.application.WebhookRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler against moto: a real SQS queue (shaped as template.yaml's IngestQueue) and a real Secrets Manager secret. */
class WebhookIT {
    static final List<String> SOURCES = Fixtures.SOURCES;
    private static Emulator emulator;
    private static Settings settings;
    private static SqsClient sqs;
    private static SecretsManagerClient secretsManager;
    private static String queueUrl;
    private static String secretArn;

    @BeforeAll
    static void startEmulator() {
        emulator = Emulator.start();
        Settings base = Settings.of(Map.of("AWS_ENDPOINT_URL", emulator.endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
        AwsClients aws = new AwsClients(base);
        sqs = aws.sqs();
        secretsManager = aws.secretsManager();
        String dlqUrl = sqs.createQueue(b -> b.queueName("IngestDeadLetterQueue")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrl = sqs.createQueue(b -> b.queueName("IngestQueue").attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "180",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"5\"}"))).queueUrl();
        secretArn = secretsManager.createSecret(b -> b.name("WebhookSecrets").secretString(secretsJson())).arn();
        settings = Settings.of(Map.of("AWS_ENDPOINT_URL", emulator.endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "INGEST_QUEUE_URL", queueUrl, "WEBHOOK_SECRETS_ARN", secretArn));
    }

    /** Native as a list (rotation), the others as plain strings: both shapes are accepted. */
    private static String secretsJson() {
        return "{\"native\":[\"whsec_bmV3ZXItc2VjcmV0\",\"" + Fixtures.TEST_SECRETS.get("native") + "\"],"
                + "\"easypost\":\"" + Fixtures.TEST_SECRETS.get("easypost") + "\","
                + "\"aftership\":\"" + Fixtures.TEST_SECRETS.get("aftership") + "\","
                + "\"shippo\":[\"" + Fixtures.TEST_SECRETS.get("shippo") + "\"]}";
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) emulator.close();
    }

    @BeforeEach
    void emptyQueue() {
        sqs.purgeQueue(b -> b.queueUrl(queueUrl));
    }

    private static List<Message> drain() {
        List<Message> messages = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .messageAttributeNames("All").waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) return messages;
            messages.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        }
    }

    private static WebhookRequest signedNow(String source, byte[] body) {
        return Fixtures.signedRequest(source, body, Instant.now().getEpochSecond());
    }

    @ParameterizedTest
    @FieldSource("SOURCES")
    void shouldQueueOneMessagePerPackage_whenASignedWebhookArrives(String source) {
        // given: the production wiring, secrets read from Secrets Manager
        WebhookHandler handler = new WebhookHandler(WebhookWiring.from(settings));

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(Fixtures.event(signedNow(source, Fixtures.payload(source))), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(202);
        List<Message> messages = drain();
        assertThat(messages).isNotEmpty();
        List<ScanReport> reports = messages.stream().map(m -> ScanReportCodec.decode(m.body())).toList();
        assertThat(reports).allSatisfy(r -> assertThat(r.source()).isEqualTo(source));
        assertThat(messages).allSatisfy(m -> assertThat(m.messageAttributes().get("source").stringValue()).isEqualTo(source));
        if (!source.equals("shippo")) {
            assertThat(messages).allSatisfy(m -> assertThat(m.messageAttributes().get("deliveryId").stringValue())
                    .isEqualTo(reports.getFirst().deliveryId()));
        }
        assertThat(response.getBody()).contains("\"accepted\":" + reports.stream().mapToInt(r -> r.scans().size()).sum());
    }

    @Test
    void shouldMoveTheEasyPostPackageToOutForDelivery_whenDecodedFromTheQueue() {
        new WebhookHandler(WebhookWiring.from(settings)).handleRequest(Fixtures.event(signedNow("easypost", Fixtures.payload("easypost"))), null);

        ScanReport report = ScanReportCodec.decode(drain().getFirst().body());
        assertThat(report.scans().getLast().status()).isEqualTo(Status.OUT_FOR_DELIVERY);
        assertThat(report.estimate()).isPresent();
    }

    @Test
    void shouldAnswer503_whenTheQueueDoesNotExist() {
        Settings missingQueue = Settings.of(Map.of("AWS_ENDPOINT_URL", emulator.endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "INGEST_QUEUE_URL", queueUrl + "-deleted", "WEBHOOK_SECRETS_ARN", secretArn));

        APIGatewayV2HTTPResponse response = new WebhookHandler(WebhookWiring.from(missingQueue))
                .handleRequest(Fixtures.event(signedNow("aftership", Fixtures.payload("aftership"))), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(drain()).isEmpty();
    }

    @Test
    void shouldAnswer503_whenTheSecretCannotBeRead() {
        Settings missingSecret = Settings.of(Map.of("AWS_ENDPOINT_URL", emulator.endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "INGEST_QUEUE_URL", queueUrl, "WEBHOOK_SECRETS_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:missing"));

        APIGatewayV2HTTPResponse response = new WebhookHandler(WebhookWiring.from(missingSecret))
                .handleRequest(Fixtures.event(signedNow("easypost", Fixtures.payload("easypost"))), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(drain()).isEmpty();
    }

    /** Fails the first {@code failures} SendMessageBatch calls before they leave the client. */
    private static ExecutionInterceptor failingFirst(int failures, AtomicInteger calls) {
        return new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof SendMessageBatchRequest && calls.incrementAndGet() <= failures) {
                    throw SdkClientException.create("injected SQS failure (as an unreachable endpoint would)");
                }
            }
        };
    }

    private static WebhookHandler handlerWith(ExecutionInterceptor interceptor) {
        SqsClient failingSqs = new AwsClients(settings, List.of(interceptor)).sqs();
        return new WebhookHandler(new WebhookWiring(new SqsScanQueue(failingSqs, queueUrl), Fixtures.testSecrets(),
                new Fixtures.RecordingMetrics(), Clock.systemUTC()));
    }

    @Test
    void shouldAnswer202_whenTheFirstSendFailsAndTheRetrySucceeds() {
        AtomicInteger calls = new AtomicInteger();

        APIGatewayV2HTTPResponse response = handlerWith(failingFirst(1, calls))
                .handleRequest(Fixtures.event(signedNow("shippo", Fixtures.payload("shippo"))), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(drain()).hasSize(1);
    }

    @Test
    void shouldAnswer503_whenTheRetryFailsToo() {
        AtomicInteger calls = new AtomicInteger();

        APIGatewayV2HTTPResponse response = handlerWith(failingFirst(2, calls))
                .handleRequest(Fixtures.event(signedNow("shippo", Fixtures.payload("shippo"))), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(drain()).isEmpty();
    }

    @Test
    void shouldSplitAReportIntoSeveralMessages_whenItWouldExceedTheMessageLimit() {
        // given: 700 scans of one package, each with a long description: one report would be far over 200 KB
        StringBuilder events = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 700; i++) {
            if (i > 0) events.append(',');
            events.append("{\"carrier\":\"ups\",\"trackingNumber\":\"1Z999AA10123456784\",\"status\":\"IN_TRANSIT\",")
                    .append("\"occurredAt\":\"2025-11-").append(10 + i / 60).append('T').append(String.format("%02d:%02d", (i / 60) % 24, i % 60))
                    .append(":00Z\",\"description\":\"").append("Scan ").append(i).append(' ').append("x".repeat(200)).append("\"}");
        }
        byte[] body = events.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isLessThan(256 * 1024);

        // when
        APIGatewayV2HTTPResponse response = new WebhookHandler(WebhookWiring.from(settings)).handleRequest(Fixtures.event(signedNow("native", body)), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getBody()).isEqualTo("{\"accepted\":700,\"duplicates\":0}");
        List<Message> messages = drain();
        assertThat(messages).hasSizeGreaterThan(1)
                .allSatisfy(m -> assertThat(m.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200 * 1024));
        assertThat(messages.stream().mapToInt(m -> ScanReportCodec.decode(m.body()).scans().size()).sum()).isEqualTo(700);
    }

    @Test
    void shouldUseARotatedSecret_whenTheCacheIsRefreshed() {
        // given: secrets cached by a first read
        Instant[] now = {Instant.now()};
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now[0]; }
        };
        var secrets = new SecretsManagerWebhookSecrets(secretsManager, secretArn, clock, Duration.ofMinutes(5));
        assertThat(secrets.activeSecrets("easypost")).containsExactly(Fixtures.TEST_SECRETS.get("easypost"));

        // when: the secret rotates; within the refresh period the cached value stays, after it the new one is read
        secretsManager.putSecretValue(b -> b.secretId(secretArn).secretString(
                "{\"easypost\":[\"rotated\",\"" + Fixtures.TEST_SECRETS.get("easypost") + "\"]}"));
        List<String> cached = secrets.activeSecrets("easypost");
        now[0] = now[0].plus(Duration.ofMinutes(6));
        List<String> refreshed = secrets.activeSecrets("easypost");

        // then
        assertThat(cached).containsExactly(Fixtures.TEST_SECRETS.get("easypost"));
        assertThat(refreshed).containsExactly("rotated", Fixtures.TEST_SECRETS.get("easypost"));
        secretsManager.putSecretValue(b -> b.secretId(secretArn).secretString(secretsJson()));
    }

    /**
     * One hostile field (an unpaired surrogate, which SQS refuses; a CRLF; a right-to-left override) must not cost the
     * webhook's other packages: 202, never 503, every package on the queue, the texts printable; and the queue still
     * answers receives (moto stored refused sends and then failed every receive).
     */
    @Test
    void shouldQueueEveryPackage_whenOneFieldOfAManyPackageWebhookIsHostile() {
        String event = "{\"carrier\":\"%s\",\"trackingNumber\":\"%s\",\"status\":\"IN_TRANSIT\","
                + "\"occurredAt\":\"2025-11-25T08:12:00+01:00\",\"description\":\"%s\",\"location\":{\"city\":\"%s\"}}";
        String body = "{\"events\":[" + String.join(",",
                event.formatted("ups", "1Z999AA10123456784", "Departed", "Louisville"),
                event.formatted("dhl", "1234567890", "Arrived\\r\\nSubject: injected \\u202egpj.exe", "Leip\\ud800zig"),
                event.formatted("usps", "9400100000000000000000", "Accepted", "Memphis")) + "]}";

        APIGatewayV2HTTPResponse response = new WebhookHandler(WebhookWiring.from(settings))
                .handleRequest(Fixtures.event(signedNow("native", body.getBytes(StandardCharsets.UTF_8))), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        List<ScanReport> reports = drain().stream().map(m -> ScanReportCodec.decode(m.body())).toList();
        assertThat(reports).extracting(r -> r.trackingNumber().value())
                .containsExactlyInAnyOrder("1Z999AA10123456784", "1234567890", "9400100000000000000000");
        ScanReport dhl = reports.stream().filter(r -> r.carrier().code().equals("dhl")).findFirst().orElseThrow();
        assertThat(dhl.scans().getFirst().description()).isEqualTo("Arrived  Subject: injected gpj.exe");
        assertThat(dhl.scans().getFirst().location().city()).isEqualTo("Leip\ufffdzig");
    }
}
