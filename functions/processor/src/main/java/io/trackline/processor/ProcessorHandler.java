package io.trackline.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.trackline.aws.Settings;

/** Placeholder until its issue lands: the template and the local cloud already wire it. */
public final class ProcessorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Settings settings;

    public ProcessorHandler() {
        this(Settings.fromEnvironment());
    }

    public ProcessorHandler(Settings settings) {
        this.settings = settings;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent input, Context context) {
        throw new UnsupportedOperationException("not built yet");
    }
}
