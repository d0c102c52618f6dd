package io.trackline.local;

import io.trackline.aws.Json;
import io.trackline.testkit.cloud.LocalAws;
import io.trackline.local.testing.Eventually;
import io.trackline.local.testing.Http;
import io.trackline.local.testing.Recorded;
import io.trackline.local.testing.RunningCloud;
import io.trackline.local.testing.TestTemplates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** SQS event sources and schedules of the runner's test template, driving the recording test handlers. */
class EventSourcesIT {
    @RegisterExtension
    static final RunningCloud CLOUD = new RunningCloud(LocalCloudOptions.forTests().withTemplate(TestTemplates.runnerTest()).withFunctions(LocalCloudOptions.Functions.IN_PROCESS)
            .withVisibilityTimeout(Optional.of(Duration.ofSeconds(1))));

    private final LocalCloud cloud = CLOUD.cloud();
    private final LocalAws aws = CLOUD.aws();

    @BeforeEach
    void clear() {
        Recorded.clear();
    }

    @Test
    void shouldDeleteOnlySucceededMessagesAndDeadLetterTheFailingOne_whenTheHandlerReportsBatchItemFailures() {
        var work = cloud.stack().queue("WorkQueue");
        aws.sqs().sendMessageBatch(r -> r.queueUrl(work.url()).entries(
                SendMessageBatchRequestEntry.builder().id("1").messageBody("ok-1")
                        .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("greeting").build())).build(),
                SendMessageBatchRequestEntry.builder().id("2").messageBody("ok-2").build(),
                SendMessageBatchRequestEntry.builder().id("3").messageBody("fail-1").build()));

        List<Message> deadLetters = Eventually.await("fail-1 is in the work DLQ", Duration.ofSeconds(20),
                () -> aws.sqs().receiveMessage(r -> r.queueUrl(cloud.stack().queue("WorkDeadLetterQueue").url())
                        .maxNumberOfMessages(10).waitTimeSeconds(1)).messages(),
                messages -> !messages.isEmpty());

        assertThat(deadLetters).extracting(Message::body).containsExactly("fail-1");
        assertThat(Recorded.deliveriesOf("ok-1")).hasSize(1);
        assertThat(Recorded.deliveriesOf("ok-2")).hasSize(1);
        assertThat(Recorded.deliveriesOf("fail-1")).extracting(Recorded.Delivery::receiveCount).containsExactly(1, 2);
        assertThat(inFlightAndVisible(work.url())).isZero();
        var record = Recorded.messages.stream().filter(m -> m.getBody().equals("ok-1")).findFirst().orElseThrow();
        assertThat(record.getEventSourceArn()).isEqualTo(work.arn());
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(record.getReceiptHandle()).isNotBlank();
        assertThat(record.getAttributes()).containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp");
        assertThat(record.getMessageAttributes().get("kind").getStringValue()).isEqualTo("greeting");
    }

    @Test
    void shouldDeliverMatchingStreamRecordsRetryFromTheFailedOneAndGiveUpToTheFailureQueue_whenTheTableChanges() {
        // given: the function's filter wants items with flags; it fails flaky-1 once and fail-1 always
        for (String key : List.of("ok-1", "skip-1", "flaky-1", "ok-2", "fail-1", "ok-3")) {
            var item = new java.util.HashMap<>(Map.of("PK", AttributeValue.fromS(key), "SK", AttributeValue.fromS("item")));
            if (!key.startsWith("skip")) item.put("flags", AttributeValue.fromSs(List.of("a")));
            aws.dynamoDb().putItem(r -> r.tableName(cloud.stack().tables().get("Table")).item(item));
        }
        // when
        List<Message> givenUp = Eventually.await("fail-1 is given up", Duration.ofSeconds(20),
                () -> aws.sqs().receiveMessage(r -> r.queueUrl(cloud.stack().queue("StreamFailureQueue").url())
                        .maxNumberOfMessages(10).waitTimeSeconds(1)).messages(),
                messages -> !messages.isEmpty());
        Eventually.await("ok-3 is delivered", Duration.ofSeconds(20), () -> Recorded.streamRecords,
                records -> records.contains("ok-3"));
        // then: in order, filtered, retried from the failed record (once for fail-1, MaximumRetryAttempts 1)
        assertThat(Recorded.streamRecords).containsExactly("ok-1", "flaky-1", "flaky-1", "ok-2", "fail-1", "fail-1", "ok-3");
        assertThat(givenUp).singleElement().satisfies(m -> assertThat(m.body())
                .contains("RetryAttemptsExhausted").contains("startSequenceNumber"));
    }

    @Test
    void shouldRedeliverTheWholeBatch_whenTheHandlerThrows() {
        var retry = cloud.stack().queue("RetryQueue");
        aws.sqs().sendMessage(r -> r.queueUrl(retry.url()).messageBody("boom-1"));

        Eventually.await("boom-1 is delivered twice", Duration.ofSeconds(20),
                () -> Recorded.deliveriesOf("boom-1").size(), count -> count >= 2);
        Eventually.await("boom-1 is deleted after its successful retry", Duration.ofSeconds(10),
                () -> inFlightAndVisible(retry.url()), count -> count == 0);

        assertThat(Recorded.deliveriesOf("boom-1")).extracting(Recorded.Delivery::receiveCount).containsExactly(1, 2);
        assertThat(inFlightAndVisible(cloud.stack().queue("RetryDeadLetterQueue").url())).isZero();
    }

    @Test
    void shouldRunAScheduleWithAnEventBridgeEvent_whenTriggeredByHand() {
        var response = Http.post(URI.create(cloud.apiUrl() + "/local/schedules/TickFunction"), "application/json", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Recorded.ticks).singleElement().satisfies(event -> {
            assertThat(event).containsEntry("detail-type", "Scheduled Event").containsEntry("source", "aws.events")
                    .containsEntry("region", "us-east-1").containsKey("time");
            assertThat(event.get("resources")).asString().contains("rule/TickFunctionTick");
        });
    }

    @Test
    void shouldAnswer404_whenTheFunctionHasNoSchedule() throws Exception {
        var response = Http.post(URI.create(cloud.apiUrl() + "/local/schedules/EchoFunction"), "application/json", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(response.body()).get("detail").asText()).contains("[TickFunction]");
        assertThat(Recorded.ticks).isEmpty();
    }

    private int inFlightAndVisible(String queueUrl) {
        Map<String, String> attributes = aws.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }
}
