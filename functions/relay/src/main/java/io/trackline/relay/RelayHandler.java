package io.trackline.relay;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.trackline.aws.lambda.JsonEventHandler;
import io.trackline.aws.log.Log;
import io.trackline.aws.metrics.Emf;
import io.trackline.relay.application.OrderedRelay;
import io.trackline.relay.application.StreamChange;

import java.util.List;

/**
 * TrackingTable's stream → SNS: the publishing half of the outbox (README "Exactly once"). For each changed shipment
 * item, in stream order, publishes the outbox entries its new image has and its old image has not: shipment events to
 * the shipment-events topic, suspected-loss cases to the support topic, exactly as
 * {@link io.trackline.aws.sns.SnsAnnouncer} encodes them. At the first record that fails, stops and reports its sequence
 * number (ReportBatchItemFailures): Lambda retries from there, so later changes of the shard are never published ahead
 * of it ({@link OrderedRelay}, which the replay of given-up records shares). Needs {@code SHIPMENT_EVENTS_TOPIC_ARN}
 * and {@code SUPPORT_TOPIC_ARN}. Each batch writes one EMF line: stream records, announcements published, failures.
 */
public final class RelayHandler extends JsonEventHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Log LOG = Log.of(RelayHandler.class);

    private final OrderedRelay relay;
    private final Emf metrics;

    public RelayHandler() {
        this(RelayWiring.fromEnvironment());
    }

    public RelayHandler(RelayWiring wiring) {
        super(DynamodbEvent.class);
        this.relay = wiring.relay();
        this.metrics = wiring.metrics();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent input, Context context) {
        List<DynamodbEvent.DynamodbStreamRecord> records = input.getRecords() == null ? List.of() : input.getRecords();
        OrderedRelay.Outcome outcome = relay.relay(records.stream().<StreamChange>map(InvokedChange::new).toList());
        metrics.line().count("streamRecords", records.size()).count("published", outcome.published().size())
                .count("relayFailures", outcome.complete() ? 0 : 1).emit();
        if (!outcome.complete()) {
            // The event id, not the sequence number: the log masks long digit runs as phone numbers.
            LOG.error("record not relayed", "eventId", outcome.failed().eventId(), "error",
                    outcome.error().getClass().getSimpleName() + ": " + outcome.error().getMessage(),
                    "published", outcome.published().size());
            return new StreamsEventResponse(List.of(
                    new StreamsEventResponse.BatchItemFailure(outcome.failed().sequenceNumber())));
        }
        LOG.info("records relayed", "records", records.size(), "published", outcome.published().size());
        return new StreamsEventResponse(List.of());
    }
}
