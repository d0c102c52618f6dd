package io.trackline.notifier;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.trackline.aws.events.ShipmentEventCodec;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Json;
import io.trackline.aws.Settings;
import io.trackline.domain.alerts.Channel;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.Trigger;
import io.trackline.engine.dynamodb.PreferencesItem;
import io.trackline.notifier.adapter.cloudwatch.EmfAlertMetrics;
import io.trackline.notifier.adapter.dynamodb.DynamoDbNotificationLedger;
import io.trackline.notifier.application.Notification;
import io.trackline.notifier.application.NotificationKey;
import io.trackline.notifier.application.NotificationState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class NotifierIT {
    private static final Duration FREEZE_VISIBILITY = Duration.ofSeconds(1);
    private static final Duration FREEZE_LEASE = Duration.ofSeconds(8);
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
    void shouldSendExactlyOneSmsAndOneEmail_whenOutForDeliveryIsRedeliveredThreeTimes() {
        // given a shipment with a phone, a customer with SMS and email on, and their confirmed email "inbox"
        String phone = "+14155550101";
        givenShipment("shp-ofd", "cust-ofd", phone);
        givenPreferences("cust-ofd", List.of("SMS", "EMAIL"), null);
        String inbox = cloud.inboxFor("cust-ofd");
        NotifierHandler handler = handler(Map.of());
        ShipmentEvent outForDelivery = event("evt-ofd", Trigger.OUT_FOR_DELIVERY, "shp-ofd", "cust-ofd");

        // when the processor publishes it once, then SNS/SQS redeliver it three times
        cloud.publish(outForDelivery);
        cloud.drain(handler);
        for (int i = 0; i < 3; i++) cloud.publish(outForDelivery);
        cloud.drain(handler);

        // then exactly one SMS (as moto recorded it) and one email publish reached the customer
        assertThat(cloud.smsTo(phone)).containsExactly(
                "UPS package ending 6784 is out for delivery today. Track it: https://track.example.com/t/shp-ofd");
        List<JsonNode> emails = cloud.receiveAll(inbox);
        assertThat(emails).singleElement().satisfies(envelope -> {
            assertThat(envelope.path("Subject").asText()).isEqualTo("Out for delivery today: your UPS package");
            assertThat(envelope.path("Message").asText()).contains("Tracking number: 1Z999AA10123456784")
                    .contains("Track your package: https://track.example.com/t/shp-ofd");
            assertThat(envelope.path("MessageAttributes").path("customerId").path("Value").asText()).isEqualTo("cust-ofd");
        });
        assertThat(cloud.notifications("shp-ofd")).hasSize(2).allSatisfy(item -> {
            assertThat(item.get("state").s()).isEqualTo("SENT");
            assertThat(item.get("to").s()).doesNotContain("5550101");
        });
    }

    @Test
    void shouldTextAndMailInGermanWithTheLanguageInTheLink_whenThePreferencesTheApiSavedNameGerman() {
        // given preferences as the API saves them (the engine's one codec of the item), naming German
        String phone = "+14155550111";
        givenShipment("shp-de", "cust-de", phone);
        cloud.put(PreferencesItem.of("cust-de", new PreferencesItem.Values(List.of("SMS", "EMAIL"), null, null, "Europe/Berlin",
                "de", null, null)));
        String inbox = cloud.inboxFor("cust-de");

        // when the package goes out for delivery
        cloud.publish(event("evt-de", Trigger.OUT_FOR_DELIVERY, "shp-de", "cust-de"));
        cloud.drain(handler(Map.of()));

        // then the SMS moto recorded and the email are German, and link to the German page
        assertThat(cloud.smsTo(phone)).containsExactly(
                "UPS-Paket mit Endung 6784 wird heute zugestellt. Verfolgen: https://track.example.com/t/shp-de?lang=de");
        assertThat(cloud.receiveAll(inbox)).singleElement().satisfies(envelope -> {
            assertThat(envelope.path("Subject").asText()).isEqualTo("Heute in Zustellung: Ihr UPS-Paket");
            assertThat(envelope.path("Message").asText()).contains("Sendungsnummer: 1Z999AA10123456784")
                    .contains("Sendung verfolgen: https://track.example.com/t/shp-de?lang=de");
        });
    }

    @Test
    void shouldRetryAndSendExactlyOneSms_whenSnsPublishFailsOnce() {
        // given SNS fails the first SMS publish
        String phone = "+14155550102";
        givenShipment("shp-fault", "cust-fault", phone);
        AtomicInteger failures = new AtomicInteger(1);
        ExecutionInterceptor failFirstSms = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof PublishRequest publish && publish.phoneNumber() != null
                        && failures.getAndDecrement() > 0) {
                    throw SdkClientException.create("injected: SNS unavailable");
                }
            }
        };
        Settings settings = cloud.settings(Map.of());
        NotifierHandler handler = new NotifierHandler(NotifierWiring.from(settings, new AwsClients(settings, List.of(failFirstSms))));
        cloud.publish(event("evt-fault", Trigger.DELIVERED, "shp-fault", "cust-fault"));

        // when the queue is drained: the first attempt fails and is retried
        int invocations = cloud.drain(handler);

        // then
        assertThat(invocations).isEqualTo(2);
        assertThat(cloud.smsTo(phone)).hasSize(1);
        assertThat(cloud.notifications("shp-fault")).singleElement()
                .satisfies(item -> assertThat(item.get("state").s()).isEqualTo("SENT"));
    }

    @Test
    void shouldHoldSmsThenSendIt_whenQuietHoursEnd() throws InterruptedException, IOException {
        // given quiet hours 21:00-08:00 (UTC), and a delivery at 07:55 handled at 07:59:57
        String phone = "+14155550103";
        givenShipment("shp-quiet", "cust-quiet", phone);
        givenPreferences("cust-quiet", List.of("SMS"), Map.of("start", "21:00", "end", "08:00"));
        Instant beforeEight = LocalDate.now(ZoneOffset.UTC).atTime(7, 59, 57).toInstant(ZoneOffset.UTC);
        cloud.publish(Fixtures.event("evt-quiet", Trigger.DELIVERED, "shp-quiet", "cust-quiet", beforeEight.minusSeconds(297)));

        // when it arrives inside quiet hours
        cloud.drain(handlerAt(beforeEight));

        // then it is held (its copy comes back when the window ends, 4 s later), not sent
        assertThat(cloud.smsTo(phone)).isEmpty();
        assertThat(cloud.notifications("shp-quiet")).singleElement()
                .satisfies(item -> assertThat(item.get("state").s()).isEqualTo("HELD"));

        // and when the held copy comes back after quiet hours
        NotifierHandler afterEight = handlerAt(beforeEight.plusSeconds(33));
        Thread.sleep(4_500);
        for (int polls = 0; polls < 5 && cloud.smsTo(phone).isEmpty(); polls++) {
            cloud.drain(afterEight);
            if (cloud.smsTo(phone).isEmpty()) Thread.sleep(1_000);
        }

        // then it is sent once, and the same notification now reads SENT
        assertThat(cloud.smsTo(phone)).hasSize(1);
        assertThat(cloud.notifications("shp-quiet")).singleElement()
                .satisfies(item -> assertThat(item.get("state").s()).isEqualTo("SENT"));
        // and the metrics counted it once held and once sent
        assertThat(alertMetrics()).containsExactly("SMS HELD QUIET_HOURS", "SMS SENT NONE");
    }

    /** The {@code Trackline/Alerts} EMF lines this test wrote, as "channel state reason". */
    private static List<String> alertMetrics() throws IOException {
        List<String> counted = new ArrayList<>();
        for (String line : NoContactDataInLogs.captured().lines().filter(l -> l.contains(EmfAlertMetrics.NAMESPACE)).toList()) {
            JsonNode metric = Json.mapper().readTree(line);
            counted.add(metric.path("channel").asText() + " " + metric.path("state").asText() + " " + metric.path("reason").asText());
        }
        return counted;
    }

    @Test
    void shouldSuppressSecondSms_whenShipmentDailyCapIsReached() {
        // given a cap of one SMS per shipment per day
        String phone = "+14155550104";
        givenShipment("shp-cap", "cust-cap", phone);
        NotifierHandler handler = handler(Map.of("SMS_DAILY_CAP_PER_SHIPMENT", "1"));

        // when two alerts arrive the same day
        cloud.publish(event("evt-cap-1", Trigger.OUT_FOR_DELIVERY, "shp-cap", "cust-cap"));
        cloud.drain(handler);
        cloud.publish(event("evt-cap-2", Trigger.DELIVERED, "shp-cap", "cust-cap"));
        cloud.drain(handler);

        // then
        assertThat(cloud.smsTo(phone)).hasSize(1);
        assertThat(cloud.notifications("shp-cap")).extracting(item -> item.get("state").s() + ":" + reason(item))
                .containsExactlyInAnyOrder("SENT:-", "SUPPRESSED:SHIPMENT_DAILY_CAP");
    }

    @Test
    void shouldSuppressSmsForAnotherShipment_whenCustomerDailyCapIsReached() {
        // given a cap of one SMS per customer per day, and two shipments of that customer
        givenShipment("shp-ccap-1", "cust-ccap", "+14155550108");
        givenShipment("shp-ccap-2", "cust-ccap", "+14155550109");
        NotifierHandler handler = handler(Map.of("SMS_DAILY_CAP_PER_CUSTOMER", "1"));

        // when each shipment has an alert
        cloud.publish(event("evt-ccap-1", Trigger.OUT_FOR_DELIVERY, "shp-ccap-1", "cust-ccap"));
        cloud.drain(handler);
        cloud.publish(event("evt-ccap-2", Trigger.OUT_FOR_DELIVERY, "shp-ccap-2", "cust-ccap"));
        cloud.drain(handler);

        // then
        assertThat(cloud.smsTo("+14155550108")).hasSize(1);
        assertThat(cloud.smsTo("+14155550109")).isEmpty();
        assertThat(cloud.notifications("shp-ccap-2")).singleElement()
                .satisfies(item -> assertThat(reason(item)).isEqualTo("CUSTOMER_DAILY_CAP"));
    }

    @Test
    void shouldSendAtMostThePhoneCap_whenManyCustomerIdsAndShipmentsNameOnePhone() {
        // given (issue 16, finding 6) a per-phone cap of 3, and 8 shipments of 8 customer ids, all with one phone number
        String phone = "+14155550141";
        for (int i = 1; i <= 8; i++) givenShipment("shp-pcap-" + i, "cust-pcap-" + i, phone);
        NotifierHandler handler = handler(Map.of("SMS_DAILY_CAP_PER_PHONE", "3"));

        // when each shipment has two alerts the same day (16 SMS within every shipment and customer cap)
        for (int i = 1; i <= 8; i++) {
            cloud.publish(event("evt-pcap-ofd-" + i, Trigger.OUT_FOR_DELIVERY, "shp-pcap-" + i, "cust-pcap-" + i));
            cloud.publish(event("evt-pcap-dlv-" + i, Trigger.DELIVERED, "shp-pcap-" + i, "cust-pcap-" + i));
        }
        cloud.drain(handler);

        // then the number got 3 SMS, and the other 13 are recorded SUPPRESSED with the phone cap as the reason
        assertThat(cloud.smsTo(phone)).hasSize(3);
        List<String> decisions = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            cloud.notifications("shp-pcap-" + i).forEach(item -> decisions.add(item.get("state").s() + ":" + reason(item)));
        }
        assertThat(decisions).hasSize(16);
        assertThat(decisions).filteredOn("SENT:-"::equals).hasSize(3);
        assertThat(decisions).filteredOn("SUPPRESSED:PHONE_DAILY_CAP"::equals).hasSize(13);
    }

    @Test
    void shouldSuppressSms_whenSnsReportsTheNumberOptedOut() {
        // given moto's CheckIfPhoneNumberIsOptedOut stub, which reports every number ending in 99 as opted out
        String phone = "+14155550199";
        givenShipment("shp-optout", "cust-optout", phone);

        // when
        cloud.publish(event("evt-optout", Trigger.DELIVERED, "shp-optout", "cust-optout"));
        cloud.drain(handler(Map.of()));

        // then
        assertThat(cloud.smsTo(phone)).isEmpty();
        assertThat(cloud.notifications("shp-optout")).singleElement()
                .satisfies(item -> assertThat(reason(item)).isEqualTo("OPTED_OUT"));
    }

    @Test
    void shouldRecordStopAndSuppressLaterSms_whenCustomerRepliesStop() {
        // given the customer replied STOP (an inbound two-way SMS delivered to the notification queue)
        String phone = "+14155550105";
        givenShipment("shp-stop", "cust-stop", phone);
        NotifierHandler handler = handler(Map.of());
        cloud.sendRaw("{\"originationNumber\":\"" + phone + "\",\"destinationNumber\":\"+18005550100\","
                + "\"messageKeyword\":\"STOP\",\"messageBody\":\"STOP\",\"inboundMessageId\":\"in-1\"}");
        cloud.drain(handler);

        // when an alert follows
        cloud.publish(event("evt-stop", Trigger.DELIVERED, "shp-stop", "cust-stop"));
        cloud.drain(handler);

        // then
        assertThat(cloud.dynamoDb.getItem(b -> b.tableName(cloud.table).key(Map.of(
                "PK", AttributeValue.fromS("OPTOUT#" + phone), "SK", AttributeValue.fromS("OPTOUT")))).hasItem()).isTrue();
        assertThat(cloud.smsTo(phone)).isEmpty();
        assertThat(cloud.notifications("shp-stop")).singleElement()
                .satisfies(item -> assertThat(reason(item)).isEqualTo("OPTED_OUT"));
    }

    @Test
    void shouldAlertOnce_whenTwoExceptionsOfTheSameReasonArriveInOneBatch() {
        // given two different exception events with the same reason, both in the queue
        String phone = "+14155550106";
        givenShipment("shp-exc", "cust-exc", phone);
        cloud.publish(event("evt-exc-1", Trigger.EXCEPTION, "shp-exc", "cust-exc"));
        cloud.publish(event("evt-exc-2", Trigger.EXCEPTION, "shp-exc", "cust-exc"));

        // when
        cloud.drain(handler(Map.of()));

        // then the once-key lets only one through
        assertThat(cloud.smsTo(phone)).hasSize(1);
        assertThat(cloud.notifications("shp-exc")).extracting(NotifierIT::reason)
                .containsExactlyInAnyOrder("-", "ALREADY_ALERTED");
    }

    @Test
    void shouldSendOnceAfterTheLeaseExpires_whenASenderCrashedBeforePublishing() {
        // given the event is queued, and another worker claimed its SMS (60 s lease) and crashed before publishing
        String phone = "+14155550107";
        givenShipment("shp-crash", "cust-crash", phone);
        cloud.publish(event("evt-crash", Trigger.DELIVERED, "shp-crash", "cust-crash"));
        Instant claimedAt = Instant.now();
        new DynamoDbNotificationLedger(cloud.dynamoDb, cloud.table, DynamoDbNotificationLedger.DEFAULT_LEASE)
                .claim(new Notification(new NotificationKey("shp-crash", "evt-crash", Channel.SMS), Trigger.DELIVERED,
                        NotificationState.SENT, null, "+1********07", null), Optional.empty(), Optional.empty(), claimedAt);

        // when the event is handled while the claim is live, and again once its lease has run out
        int whileLive = countFailures(handlerAt(claimedAt.plusSeconds(5)));
        boolean sentWhileLive = !cloud.smsTo(phone).isEmpty();
        cloud.drain(handlerAt(claimedAt.plusSeconds(61)));

        // then the live claim made it retry without sending, and after the lease exactly one SMS went out
        assertThat(whileLive).isEqualTo(1);
        assertThat(sentWhileLive).isFalse();
        assertThat(cloud.smsTo(phone)).hasSize(1);
        assertThat(cloud.notifications("shp-crash")).singleElement()
                .satisfies(item -> assertThat(item.get("state").s()).isEqualTo("SENT"));
    }

    /**
     * Issue 16, finding 5: a frozen emulator once lost an SMS. The claim was written, the publish timed out, the release
     * could not reach DynamoDB either, and with the local cloud's short visibility every retry met the live claim until
     * the message reached the DLQ. Here the queue is as the local cloud makes it (short visibility, redrive after 5
     * receives), the poller acts as Lambda's (failed messages are left to come back), and the dependencies freeze once.
     */
    @Test
    void shouldSendTheSmsExactlyOnceAndDeadLetterNothing_whenDependenciesFreezeAfterTheClaim() throws InterruptedException {
        // given a queue with 1 s visibility and maxReceiveCount 5 (4 s from first to last receive, half the 8 s lease)
        assertThat(new MessageLifetime(FREEZE_VISIBILITY, 5, FREEZE_LEASE, Duration.ZERO).holdsWithoutDeferral()).isFalse();
        ShortQueue queue = shortQueue("freeze");
        String queueUrl = queue.url();
        String dlqUrl = queue.dlqUrl();
        String phone = "+14155550131";
        givenShipment("shp-freeze", "cust-freeze", phone);  // with the contact's phone

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
        Settings settings = cloud.settings(Map.of("NOTIFICATION_QUEUE_URL", queueUrl, "CLAIM_LEASE", FREEZE_LEASE.toString()));
        NotifierHandler handler = new NotifierHandler(NotifierWiring.from(settings, new AwsClients(settings, List.of(freeze))));

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

    /**
     * A decision that sends nothing (here: the number has opted out since) meets a live claim of a receive that froze
     * after claiming. It must wait for the lease as a send does, deferred, rather than burn the short-visibility
     * queue's receives into the DLQ (which left the claim undecided for good); once the lease ends it is recorded.
     */
    @Test
    void shouldWaitForTheLeaseWithoutDeadLettering_whenASuppressionMeetsALiveClaim() {
        // given the local cloud's kind of queue (1 s visibility, 5 receives) and a live 8 s claim of a frozen sender
        ShortQueue queue = shortQueue("suppress");
        String queueUrl = queue.url();
        String dlqUrl = queue.dlqUrl();
        String phone = "+14155550199";  // moto reports numbers ending in 99 opted out
        givenShipment("shp-suppress", "cust-suppress", phone);
        new DynamoDbNotificationLedger(cloud.dynamoDb, cloud.table, FREEZE_LEASE)
                .claim(new Notification(new NotificationKey("shp-suppress", "evt-suppress", Channel.SMS), Trigger.DELIVERED,
                        NotificationState.SENT, null, "+1********99", null), Optional.empty(), Optional.empty(), Instant.now());
        Settings settings = cloud.settings(Map.of("NOTIFICATION_QUEUE_URL", queueUrl, "CLAIM_LEASE", FREEZE_LEASE.toString()));
        NotifierHandler handler = new NotifierHandler(NotifierWiring.from(settings, new AwsClients(settings)));

        // when the event arrives and the queue is polled as Lambda polls it
        cloud.sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(ShipmentEventCodec.encode(
                Fixtures.event("evt-suppress", Trigger.DELIVERED, "shp-suppress", "cust-suppress", Instant.now().minus(Duration.ofMinutes(5))))));
        List<String> receives = pollLikeLambda(handler, queueUrl, Instant.now().plusSeconds(30));

        // then it waited for the lease in one deferral, and recorded the suppression; nothing sent, nothing dead-lettered
        assertThat(receives).containsExactly("1:failed", "2:done");
        assertThat(cloud.smsTo(phone)).isEmpty();
        assertThat(cloud.notifications("shp-suppress")).singleElement().satisfies(item -> {
            assertThat(item.get("state").s()).isEqualTo("SUPPRESSED");
            assertThat(item.get("reason").s()).isEqualTo("OPTED_OUT");
        });
        assertThat(cloud.sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(1)).messages()).isEmpty();
    }

    /** A notification queue as the local cloud makes it: {@link #FREEZE_VISIBILITY}, to its DLQ after 5 receives. */
    private static ShortQueue shortQueue(String name) {
        String dlqUrl = cloud.sqs.createQueue(b -> b.queueName("NotificationDlq-" + name + "-" + cloud.suffix)).queueUrl();
        String dlqArn = cloud.sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = cloud.sqs.createQueue(b -> b.queueName("Notification-" + name + "-" + cloud.suffix).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(FREEZE_VISIBILITY.toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":5}"))).queueUrl();
        return new ShortQueue(url, dlqUrl);
    }

    private record ShortQueue(String url, String dlqUrl) {
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static NotifierHandler handlerAt(Instant now) {
        Settings settings = cloud.settings(Map.of());
        return new NotifierHandler(NotifierWiring.from(settings, new AwsClients(settings), Clock.fixed(now, ZoneOffset.UTC)));
    }

    @Test
    void shouldReadPreferencesOncePerBatch_whenEventsShareCustomers() {
        // given six events for three shipments of two customers, in one batch
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                SdkRequest request = context.request();
                calls.computeIfAbsent(request.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
            }
        };
        for (int i = 1; i <= 3; i++) givenShipment("shp-batch-" + i, "cust-batch-" + (i % 2), "+1415555021" + i);
        for (int i = 1; i <= 6; i++) {
            int shipment = (i % 3) + 1;
            cloud.publish(event("evt-batch-" + i, i <= 3 ? Trigger.OUT_FOR_DELIVERY : Trigger.DELIVERED,
                    "shp-batch-" + shipment, "cust-batch-" + (shipment % 2)));
        }
        Settings settings = cloud.settings(Map.of());
        NotifierHandler handler = new NotifierHandler(NotifierWiring.from(settings, new AwsClients(settings, List.of(counter))));

        // when
        int invocations = cloud.drain(handler);

        // then one BatchGetItem (preferences and STOPs) and one Query per shipment, no claim reads
        assertThat(invocations).isEqualTo(1);
        assertThat(count(calls, "BatchGetItemRequest")).isEqualTo(1);
        assertThat(count(calls, "QueryRequest")).isEqualTo(3);
        assertThat(count(calls, "GetItemRequest")).isZero();
        System.out.println("{\"figure\":\"notifier reads per batch\",\"events\":6,\"shipments\":3,\"customers\":2,\"calls\":\"" + calls + "\"}");
    }

    private static int count(Map<String, AtomicInteger> calls, String request) {
        return calls.getOrDefault(request, new AtomicInteger()).get();
    }

    private static int countFailures(NotifierHandler handler) {
        var messages = cloud.sqs.receiveMessage(b -> b.queueUrl(cloud.queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        var event = new com.amazonaws.services.lambda.runtime.events.SQSEvent();
        event.setRecords(messages.stream().map(m -> {
            var message = new com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage();
            message.setMessageId(m.messageId());
            message.setBody(m.body());
            return message;
        }).toList());
        int failures = handler.handleRequest(event, null).getBatchItemFailures().size();
        messages.forEach(m -> cloud.sqs.changeMessageVisibility(b -> b.queueUrl(cloud.queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0)));
        return failures;
    }

    private static NotifierHandler handler(Map<String, String> overrides) {
        return new NotifierHandler(NotifierWiring.from(cloud.settings(overrides)));
    }

    private static ShipmentEvent event(String eventId, Trigger trigger, String shipmentId, String customerId) {
        return Fixtures.event(eventId, trigger, shipmentId, customerId, Instant.now().minus(Duration.ofMinutes(5)));
    }

    private static String reason(Map<String, AttributeValue> item) {
        return item.containsKey("reason") ? item.get("reason").s() : "-";
    }

    private static void givenShipment(String shipmentId, String customerId, String phone) {
        cloud.put(Map.of(
                "PK", AttributeValue.fromS("SHIP#" + shipmentId), "SK", AttributeValue.fromS("SHIPMENT"),
                "id", AttributeValue.fromS(shipmentId), "customerId", AttributeValue.fromS(customerId),
                "carrier", AttributeValue.fromS("ups"), "trackingNumber", AttributeValue.fromS("1Z999AA10123456784"),
                "status", AttributeValue.fromS("OUT_FOR_DELIVERY"), "terminal", AttributeValue.fromBool(false),
                "contact", AttributeValue.fromM(Map.of("phone", AttributeValue.fromS(phone),
                        "email", AttributeValue.fromS("jane.doe@example.com")))));
        cloud.put(Map.of(
                "PK", AttributeValue.fromS("SHIP#" + shipmentId), "SK", AttributeValue.fromS("EVENT#2026-11-27T15:12:00Z#k1"),
                "status", AttributeValue.fromS("OUT_FOR_DELIVERY"), "occurredAt", AttributeValue.fromS("2026-11-27T07:12:00-08:00"),
                "description", AttributeValue.fromS("Out for delivery"),
                "location", AttributeValue.fromM(Map.of("city", AttributeValue.fromS("Portland")))));
    }

    private static void givenPreferences(String customerId, List<String> channels, Map<String, String> quietHours) {
        var item = new java.util.HashMap<>(Map.of(
                "PK", AttributeValue.fromS("CUSTOMER#" + customerId), "SK", AttributeValue.fromS("PREFERENCES"),
                "channels", AttributeValue.fromL(channels.stream().map(AttributeValue::fromS).toList()),
                "timeZone", AttributeValue.fromS("UTC")));
        if (quietHours != null) {
            item.put("quietHours", AttributeValue.fromM(Map.of("start", AttributeValue.fromS(quietHours.get("start")),
                    "end", AttributeValue.fromS(quietHours.get("end")))));
        }
        cloud.put(item);
    }
}
