package io.trackline.relay;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Json;
import io.trackline.testkit.engine.EngineCloud;
import io.trackline.engine.TrackingEngine;
import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.MutableClock;
import io.trackline.domain.tracking.Status;
import io.trackline.emulator.StreamEventSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.trackline.domain.shipment.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/bin/replay-relay-failures on moto: a real stream, a real failure queue fed as Lambda feeds it (the emulator's
 * event source gives the batch up after its retries), real topics with SQS subscribers.
 */
class RelayFailureReplayIT {
    private static final int RETRIES = 2;
    @RegisterExtension
    static final EngineCloud.PerTestClass EMULATOR = new EngineCloud.PerTestClass();

    private final EngineCloud cloud = EMULATOR.cloud();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private EngineCloud.Stack stack;
    private EngineWrites writes;
    private String failureQueue;
    private StreamEventSource source;

    @BeforeEach
    void deploy() {
        stack = cloud.stack();
        writes = new EngineWrites(TrackingEngine.from(stack.settings(), cloud.clients(stack, List.of()), clock));
        failureQueue = cloud.sqs.createQueue(b -> b.queueName("RelayFailure-" + stack.table())).queueUrl();
        // What the local cloud wires for RelayFunction: a bounded retry count, then the on-failure record to the queue.
        source = new StreamEventSource(cloud.dynamo, cloud.clients.dynamoDbStreams(), stack.table(), 100, r -> true,
                RETRIES, givenUp -> cloud.sqs.sendMessage(b -> b.queueUrl(failureQueue).messageBody(json(
                givenUp.invocationRecord("arn:aws:lambda:us-east-1:123456789012:function:RelayFunction", Instant.now())))));
    }

    @Test
    void shouldPublishTheGivenUpAnnouncementsExactlyOnceAndDeleteTheRecord_whenTheStreamStillHasThem() {
        // given: SNS refuses every publish until the relay gives the batch up
        writes.register();
        writes.track(scan(Status.PICKED_UP, "2026-03-02T09:00:00Z"));
        writes.track(scan(Status.OUT_FOR_DELIVERY, "2026-03-04T07:00:00Z"));
        SnsOutage outage = new SnsOutage();
        RelayHandler relay = new RelayHandler(RelayWiring.from(stack.settings(), new AwsClients(stack.settings(), List.of(outage))));
        int invocations = source.drain(event -> relay.handleRequest(event, null));
        assertThat(invocations).isEqualTo(RETRIES + 1);
        assertThat(cloud.drain(stack.eventsQueueUrl())).isEmpty();
        assertThat(cloud.approximateCount(failureQueue)).isOne();
        outage.over();
        // when
        List<RelayFailureReplay.Replayed> replayed = replay().replay(failureQueue, 1000);
        // then: both status changes published once, the ids printed are theirs, the failure record is gone
        List<ShipmentEvent> published = cloud.drain(stack.eventsQueueUrl()).stream()
                .map(m -> ShipmentEventCodec.decode(m.body())).toList();
        assertThat(published).extracting(ShipmentEvent::trigger)
                .containsExactly(Trigger.PICKED_UP, Trigger.OUT_FOR_DELIVERY);
        assertThat(replayed).singleElement().satisfies(r -> {
            assertThat(r.deleted()).isTrue();
            assertThat(r.batch().condition()).isEqualTo("RetryAttemptsExhausted");
            assertThat(r.published()).containsExactlyElementsOf(published.stream().map(ShipmentEvent::eventId).toList());
            assertThat(RelayFailureReplay.line(r)).contains(r.published().getFirst()).doesNotContain("Jane", "+1415");
        });
        assertThat(cloud.approximateCount(failureQueue)).isZero();
    }

    @Test
    void shouldFindNothingAndPublishNothing_whenRunAgainAfterAReplay() {
        // given: a batch given up and replayed once
        writes.register();
        writes.track(scan(Status.OUT_FOR_DELIVERY, "2026-03-04T07:00:00Z"));
        SnsOutage outage = new SnsOutage();
        RelayHandler relay = new RelayHandler(RelayWiring.from(stack.settings(), new AwsClients(stack.settings(), List.of(outage))));
        source.drain(event -> relay.handleRequest(event, null));
        outage.over();
        replay().replay(failureQueue, 1000);
        assertThat(cloud.drain(stack.eventsQueueUrl())).hasSize(1);
        // when
        List<RelayFailureReplay.Replayed> second = replay().replay(failureQueue, 1000);
        // then
        assertThat(second).isEmpty();
        assertThat(cloud.drain(stack.eventsQueueUrl())).isEmpty();
    }

    @Test
    void shouldReportAndKeepTheRecord_whenTheStreamNoLongerHasItsRecords() {
        // given: a range past the stream's last record (never written), one before its first (trimmed: moto
        // answers GetRecords with an error where AWS throws TrimmedDataAccessException), and a message
        // that is not an on-failure record
        writes.register();
        writes.track(scan(Status.OUT_FOR_DELIVERY, "2026-03-04T07:00:00Z"));
        String streamArn = cloud.dynamo.describeTable(b -> b.tableName(stack.table())).table().latestStreamArn();
        var shard = cloud.clients.dynamoDbStreams().describeStream(b -> b.streamArn(streamArn)).streamDescription()
                .shards().getFirst();
        String first = shard.sequenceNumberRange().startingSequenceNumber();
        String beyond = new java.math.BigInteger(first).add(java.math.BigInteger.valueOf(1_000_000)).toString();
        sendFailureRecord(streamArn, shard.shardId(), beyond, beyond);
        sendFailureRecord(streamArn, shard.shardId(), "100", "100");
        cloud.sqs.sendMessage(b -> b.queueUrl(failureQueue).messageBody("{\"unexpected\": true}"));
        // when
        List<RelayFailureReplay.Replayed> replayed = replay().replay(failureQueue, 1000);
        // then: each reported with why, none published, all three still in the queue for the next run
        assertThat(replayed).hasSize(3).allSatisfy(r -> {
            assertThat(r.deleted()).isFalse();
            assertThat(r.published()).isEmpty();
            assertThat(RelayFailureReplay.line(r)).contains("KEPT: ");
        });
        assertThat(replayed).extracting(RelayFailureReplay.Replayed::kept)
                .anySatisfy(why -> assertThat(why).contains("no record at the start sequence number"))
                .anySatisfy(why -> assertThat(why).startsWith("stream not read"))
                .anySatisfy(why -> assertThat(why).contains("not a DynamoDB stream on-failure record"));
        assertThat(cloud.drain(stack.eventsQueueUrl())).isEmpty();
        assertThat(cloud.drain(failureQueue)).hasSize(3);
    }

    private void sendFailureRecord(String streamArn, String shardId, String start, String end) {
        Instant now = Instant.now();
        var givenUp = new StreamEventSource.GivenUp(streamArn, shardId, start, end, 1, now, now, "RecordAgeExceeded", 7,
                false);
        cloud.sqs.sendMessage(b -> b.queueUrl(failureQueue).messageBody(json(
                givenUp.invocationRecord("arn:aws:lambda:us-east-1:123456789012:function:RelayFunction", now))));
    }

    private RelayFailureReplay replay() {
        return new RelayFailureReplay(cloud.sqs, cloud.clients.dynamoDbStreams(),
                RelayWiring.toTopics(stack.settings(), cloud.sns));
    }

    private static String json(Map<String, Object> record) {
        try {
            return Json.mapper().writeValueAsString(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SNS unavailable until {@link #over()}: each publish fails before it leaves. */
    private static final class SnsOutage implements ExecutionInterceptor {
        private final AtomicBoolean on = new AtomicBoolean(true);

        void over() {
            on.set(false);
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (on.get() && "Publish".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                throw new IllegalStateException("SNS unavailable");
            }
        }
    }
}
