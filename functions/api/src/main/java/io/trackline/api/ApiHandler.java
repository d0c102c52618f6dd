package io.trackline.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.trackline.aws.Settings;

/** Placeholder until its issue lands: the template and the local cloud already wire it. */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Settings settings;

    public ApiHandler() {
        this(Settings.fromEnvironment());
    }

    public ApiHandler(Settings settings) {
        this.settings = settings;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent input, Context context) {
        throw new UnsupportedOperationException("not built yet");
    }
}
