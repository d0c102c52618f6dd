package io.trackline.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.trackline.api.http.Router;
import io.trackline.aws.lambda.JsonEventHandler;

import java.util.Map;
import java.util.Set;

/**
 * The HTTP API for API clients (x-api-key), customers (JWT, validated by API Gateway's authorizer) and public
 * tracking: PRODUCT.md §4. Each route key maps to one use case in {@link Routes}; errors are RFC 9457 problem+json.
 */
public final class ApiHandler extends JsonEventHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /**
     * "Track package" for a shipment id no one has (ids are random), run once at init ({@link ApiWiring#primeAtInit()}): it loads the SDK's request
     * pipeline, the HTTP connection and the problem+json path before the first caller, so that under SnapStart they are
     * in the snapshot and a restored container answers its first request without them. Costs one Query per init.
     */
    private static final APIGatewayV2HTTPEvent PRIMING = APIGatewayV2HTTPEvent.builder()
            .withRouteKey("GET /v1/me/shipments/{id}")
            .withPathParameters(Map.of("id", "shp_0000000000000000000000"))
            .withRequestContext(RequestContext.builder().withAuthorizer(RequestContext.Authorizer.builder()
                    .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(Map.of("sub", "priming")).build())
                    .build()).build())
            .build();
    private final Router router;

    public ApiHandler() {
        this(ApiWiring.fromEnvironment());
    }

    public ApiHandler(ApiWiring wiring) {
        super(APIGatewayV2HTTPEvent.class);
        this.router = new Router(Routes.of(wiring));
        if (wiring.primeAtInit()) router.dispatch(PRIMING);
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
