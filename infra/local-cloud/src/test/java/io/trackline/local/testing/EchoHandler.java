package io.trackline.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.trackline.aws.Settings;
import io.trackline.aws.http.Responses;

import java.util.LinkedHashMap;
import java.util.Map;

/** Records each HTTP event and answers with what it saw; {@code GET /fail} throws, as a crashing handler would. */
public final class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    public EchoHandler(Settings settings) {
        Recorded.settings.put(settings.required("AWS_LAMBDA_FUNCTION_NAME"), settings);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Recorded.httpEvents.add(event);
        if (event.getRawPath().equals("/fail")) throw new IllegalStateException("this handler always fails");
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("routeKey", event.getRouteKey());
        seen.put("pathParameters", event.getPathParameters());
        seen.put("function", context.getFunctionName());
        var response = Responses.json(event.getRawPath().equals("/echo") ? 201 : 200, seen);
        response.setHeaders(Map.of("content-type", "application/json", "x-echo", "yes"));
        return response;
    }
}
