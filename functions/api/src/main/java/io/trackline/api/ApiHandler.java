package io.trackline.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.trackline.api.http.Router;
import io.trackline.aws.Settings;

import java.util.Set;

/**
 * The HTTP API for API clients (x-api-key), customers (JWT, validated by API Gateway's authorizer) and public
 * tracking: PRODUCT.md §4. Each route key maps to one use case in {@link Routes}; errors are RFC 9457 problem+json.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    public ApiHandler() {
        this(Settings.fromEnvironment());
    }

    public ApiHandler(Settings settings) {
        this(AwsApiPorts.from(settings));
    }

    public ApiHandler(ApiPorts ports) {
        this.router = new Router(Routes.of(ports));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.dispatch(event);
    }

    /** Every route this handler serves, as "METHOD /path"; a test keeps it equal to template.yaml and the OpenAPI document. */
    public Set<String> routeKeys() {
        return router.routeKeys();
    }
}
