package io.trackline.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.trackline.aws.Settings;

import java.util.Map;

/** Records each scheduled event it is given. */
public final class RecordingTicker implements RequestHandler<Map<String, Object>, Void> {
    public RecordingTicker(Settings settings) {
        Recorded.settings.put(settings.required("AWS_LAMBDA_FUNCTION_NAME"), settings);
    }

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        Recorded.ticks.add(event);
        return null;
    }
}
