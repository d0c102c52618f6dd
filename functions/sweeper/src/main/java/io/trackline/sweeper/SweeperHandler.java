package io.trackline.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

import io.trackline.aws.Settings;

/** Placeholder until its issue lands: the template and the local cloud already wire it. */
public final class SweeperHandler implements RequestHandler<Map<String, Object>, Void> {
    private final Settings settings;

    public SweeperHandler() {
        this(Settings.fromEnvironment());
    }

    public SweeperHandler(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Void handleRequest(Map<String, Object> input, Context context) {
        throw new UnsupportedOperationException("not built yet");
    }
}
