package io.trackline.notifier;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.domain.alerts.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, finding 5: a frozen emulator once lost an SMS. The claim was written, the publish timed out, the release
 * could not reach DynamoDB either, and with the local cloud's short visibility every retry met the live claim until
 * the message reached the DLQ. Here the queue is as the local cloud makes it (short visibility, redrive after 5
 * receives), the poller acts as Lambda's (failed messages are left to come back), and the dependencies freeze once.
 */
class NotifierFreezeIT {
    private static final Duration VISIBILITY = Duration.ofSeconds(1);
    private static final Duration LEASE = Duration.ofSeconds(8);
    private static CloudFixture cloud;

    @BeforeAll
    static void startEmulator() {
        cloud = new CloudFixture();
    }

    @AfterAll
    static void stopEmulator() {
        cloud.close();
    }

    @Test
    void shouldSendTheSmsExactlyOnceAndDeadLetterNothing_whenDependenciesFreezeAfterTheClaim() throws InterruptedException {
        // given a queue with 1 s visibility and maxReceiveCount 5 (4 s from first to last receive, half the 8 s lease)
        assertThat(new MessageLifetime(VISIBILITY, 5, LEASE, Duration.ZERO).holdsWithoutDeferral()).isFalse();
        String dlqUrl = cloud.sqs.createQueue(b -> b.queueName("NotificationDlq-freeze-" + cloud.suffix)).queueUrl();
        String dlqArn = cloud.sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = cloud.sqs.createQueue(b -> b.queueName("Notification-freeze-" + cloud.suffix).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(VISIBILITY.toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":5}"))).queueUrl();
        String phone = "+14155550131";
        givenShipment("shp-freeze", "cust-freeze", phone);

        // and a freeze: the first SMS publish hangs 2 s and times out, then the claim's release cannot reach DynamoDB
        AtomicBoolean publishFrozen = new AtomicBoolean(true);
        AtomicBoolean releaseFrozen = new AtomicBoolean(false);
        AtomicInteger publishes = new AtomicInteger();
        ExecutionInterceptor freeze = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof PublishRequest publish && publish.phoneNumber() != null) {
                    publishes.incrementAndGet();
                    if (publishFrozen.getAndSet(false)) {
                        sleep(Duration.ofSeconds(2));
                        releaseFrozen.set(true);
                        throw ApiCallTimeoutException.create(2000);
                    }
                }
                if (context.request() instanceof UpdateItemRequest && releaseFrozen.getAndSet(false)) {
                    throw SdkClientException.create("injected: DynamoDB frozen");
                }
            }
        };
        Settings settings = cloud.settings(Map.of("NOTIFICATION_QUEUE_URL", queueUrl, "CLAIM_LEASE", LEASE.toString()));
        NotifierHandler handler = new NotifierHandler(new NotifierWiring(settings, new AwsClients(settings, List.of(freeze))));

        // when the event arrives and the queue is polled as Lambda polls it, for up to 30 s
        cloud.sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(ShipmentEventCodec.encode(
                Fixtures.event("evt-freeze", Trigger.DELIVERED, "shp-freeze", "cust-freeze", Instant.now().minus(Duration.ofMinutes(5))))));
        List<String> receives = pollLikeLambda(handler, queueUrl, Instant.now().plusSeconds(30));

        // then exactly one SMS, recorded SENT, and nothing in the DLQ
        System.out.println("{\"figure\":\"freeze receives\",\"receives\":\"" + receives + "\"}");
        assertThat(publishes.get()).isEqualTo(2);
        assertThat(cloud.smsTo(phone)).hasSize(1);
        assertThat(cloud.notifications("shp-freeze")).singleElement()
                .satisfies(item -> assertThat(item.get("state").s()).isEqualTo("SENT"));
        assertThat(cloud.sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(1)).messages()).isEmpty();
        assertThat(receives).hasSizeLessThanOrEqualTo(MessageLifetime.RECEIVES_WITH_DEFERRAL);
    }

    /** Receives until the queue is empty: acknowledged messages deleted, failed ones left to come back by themselves. */
    private static List<String> pollLikeLambda(NotifierHandler handler, String queueUrl, Instant deadline) {
        List<String> receives = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            List<Message> messages = cloud.sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (messages.isEmpty()) {
                Map<QueueAttributeName, String> counts = cloud.sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
                if (counts.values().stream().allMatch("0"::equals)) return receives;
                continue;
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(messages.stream().map(CloudFixture::lambdaMessage).toList());
            SQSBatchResponse response = handler.handleRequest(event, null);
            Set<String> failed = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
            for (Message message : messages) {
                receives.add(message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                        + (failed.contains(message.messageId()) ? ":failed" : ":done"));
                if (!failed.contains(message.messageId())) {
                    cloud.sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            }
        }
        return receives;
    }

    private static void givenShipment(String shipmentId, String customerId, String phone) {
        cloud.put(Map.of(
                "PK", AttributeValue.fromS("SHIP#" + shipmentId), "SK", AttributeValue.fromS("SHIPMENT"),
                "id", AttributeValue.fromS(shipmentId), "customerId", AttributeValue.fromS(customerId),
                "carrier", AttributeValue.fromS("ups"), "trackingNumber", AttributeValue.fromS("1Z999AA10123456784"),
                "status", AttributeValue.fromS("DELIVERED"), "terminal", AttributeValue.fromBool(false),
                "contact", AttributeValue.fromM(Map.of("phone", AttributeValue.fromS(phone)))));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
