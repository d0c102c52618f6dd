package io.trackline.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.trackline.aws.Settings;

/** Placeholder until its issue lands: the template and the local cloud already wire it. */
public final class NotifierHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Settings settings;

    public NotifierHandler() {
        this(Settings.fromEnvironment());
    }

    public NotifierHandler(Settings settings) {
        this.settings = settings;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent input, Context context) {
        throw new UnsupportedOperationException("not built yet");
    }
}
