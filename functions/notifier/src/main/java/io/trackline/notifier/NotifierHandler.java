package io.trackline.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.trackline.aws.lambda.JsonEventHandler;
import io.trackline.aws.log.Log;
import io.trackline.notifier.application.AlertRequest;
import io.trackline.notifier.application.RecordOptOut;
import io.trackline.notifier.application.SendAlerts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * NotificationQueue → alerts. Parses each message, hands the batch's shipment events to {@link SendAlerts} and SMS
 * replies to {@link RecordOptOut}, and reports only the failed messages, so SQS retries just those (and moves a
 * message that keeps failing, such as one that is not a shipment event, to the DLQ).
 */
public final class NotifierHandler extends JsonEventHandler<SQSEvent, SQSBatchResponse> {
    private static final Log LOG = Log.of(NotifierHandler.class);

    private final SendAlerts sendAlerts;
    private final RecordOptOut recordOptOut;

    public NotifierHandler() {
        this(NotifierWiring.fromEnvironment());
    }

    public NotifierHandler(NotifierWiring wiring) {
        super(SQSEvent.class);
        this.sendAlerts = wiring.sendAlerts();
        this.recordOptOut = wiring.recordOptOut();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent input, Context context) {
        Set<String> failed = new LinkedHashSet<>();
        List<AlertRequest> alerts = new ArrayList<>();
        for (SQSMessage message : input.getRecords()) {
            try {
                switch (NotifierMessage.parse(message)) {
                    case NotifierMessage.Alert alert -> alerts.add(alert.request());
                    case NotifierMessage.Reply reply -> recordOptOut.handle(reply.from(), reply.text());
                }
            } catch (RuntimeException e) {
                LOG.error("message not handled", "messageId", message.getMessageId(), "error", e.getClass().getSimpleName(),
                        "detail", e.getMessage());
                failed.add(message.getMessageId());
            }
        }
        if (!alerts.isEmpty()) failed.addAll(sendAlerts.handle(alerts));
        return SQSBatchResponse.builder()
                .withBatchItemFailures(failed.stream().map(id -> new SQSBatchResponse.BatchItemFailure(id)).toList())
                .build();
    }
}
