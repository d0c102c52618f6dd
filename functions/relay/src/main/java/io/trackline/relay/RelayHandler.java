package io.trackline.relay;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.aws.dynamo.StreamedOutbox;
import io.trackline.aws.log.Log;
import io.trackline.aws.sns.SnsAnnouncer;
import io.trackline.domain.shipment.usecase.AnnouncementRelay;

import java.util.List;

/**
 * TrackingTable's stream → SNS: the publishing half of the outbox (README "Exactly once"). For each changed shipment
 * item, in stream order, publishes the outbox entries its new image has and its old image has not: shipment events to
 * the shipment-events topic, suspected-loss cases to the support topic, exactly as {@link SnsAnnouncer} encodes them.
 * At the first record that fails, stops and reports its sequence number (ReportBatchItemFailures): Lambda retries from
 * there, so later changes of the shard are never published ahead of it. Needs {@code SHIPMENT_EVENTS_TOPIC_ARN} and
 * {@code SUPPORT_TOPIC_ARN}.
 */
public final class RelayHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Log LOG = Log.of(RelayHandler.class);

    private final AnnouncementRelay relay;

    public RelayHandler() {
        this(Settings.fromEnvironment());
    }

    public RelayHandler(Settings settings) {
        this(settings, new AwsClients(settings));
    }

    /** Tests and benchmarks pass clients with interceptors (call counting, fault injection). */
    public RelayHandler(Settings settings, AwsClients clients) {
        this(new AnnouncementRelay(new SnsAnnouncer(clients.sns(), settings.required("SHIPMENT_EVENTS_TOPIC_ARN"),
                settings.required("SUPPORT_TOPIC_ARN"))));
    }

    public RelayHandler(AnnouncementRelay relay) {
        this.relay = relay;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent input, Context context) {
        List<DynamodbEvent.DynamodbStreamRecord> records = input.getRecords() == null ? List.of() : input.getRecords();
        int published = 0;
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            var change = record.getDynamodb();
            try {
                published += relay.relay(StreamedOutbox.before(change), StreamedOutbox.after(change));
            } catch (RuntimeException e) {
                // The event id, not the sequence number: the log masks long digit runs as phone numbers.
                LOG.error("record not relayed", "eventId", record.getEventID(),
                        "error", e.getClass().getSimpleName() + ": " + e.getMessage(), "published", published);
                return new StreamsEventResponse(List.of(
                        new StreamsEventResponse.BatchItemFailure(change.getSequenceNumber())));
            }
        }
        LOG.info("records relayed", "records", records.size(), "published", published);
        return new StreamsEventResponse(List.of());
    }
}
