package io.trackline.hooks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.aws.lambda.JsonEventHandler;
import io.trackline.aws.log.Log;
import io.trackline.hooks.application.FanOutEvents;

import java.util.ArrayList;
import java.util.List;

/**
 * WebhookEventsQueue (committed shipment events, raw from ShipmentEventsTopic) → one delivery per subscribed endpoint
 * on WebhookDeliveryQueue. A message that fails (not a shipment event, the table or queue unavailable) is reported,
 * retried by SQS and, after 5 receives, moved to the DLQ; the log line says why.
 */
public final class FanOutHandler extends JsonEventHandler<SQSEvent, SQSBatchResponse> {
    private static final Log LOG = Log.of(FanOutHandler.class);

    private final FanOutEvents fanOut;

    public FanOutHandler() {
        this(HooksWiring.fromEnvironment());
    }

    public FanOutHandler(HooksWiring wiring) {
        super(SQSEvent.class);
        this.fanOut = wiring.fanOut();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent input, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failed = new ArrayList<>();
        for (SQSMessage message : input.getRecords()) {
            try {
                fanOut.handle(ShipmentEventCodec.decode(message.getBody()));
            } catch (RuntimeException e) {
                LOG.error("event not fanned out", "messageId", message.getMessageId(), "error", e.getClass().getSimpleName(),
                        "detail", e.getMessage());
                failed.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failed).build();
    }
}
