package io.trackline.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import io.trackline.aws.http.Responses;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RouterTest {
    private final Router router = new Router(Map.of(
            "GET /v1/shipments/{id}", r -> Responses.json(200, Map.of("id", r.pathParameter("id"))),
            "GET /v1/shipments/{id}/notifications", r -> { throw new IllegalStateException("bug with +14155550123"); },
            "POST /v1/shipments", r -> { throw SdkClientException.create("connection refused"); }));

    @Test
    void shouldUseRouteKeyAndPathParameters_whenApiGatewayMatchedTheRoute() {
        var event = event("GET /v1/shipments/{id}", "GET", "/v1/shipments/ignored", Map.of("id", "shp_1"));

        assertThat(router.dispatch(event).getBody()).isEqualTo("{\"id\":\"shp_1\"}");
    }

    @Test
    void shouldMatchMethodAndPathTemplates_whenTheEventHasNoRouteKey() {
        var staged = event("$default", "GET", "/dev/v1/shipments/shp%5F2", null);
        var wrongMethod = event(null, "DELETE", "/v1/shipments/shp_2", null);
        var longer = event(null, "GET", "/v1/shipments/shp_2/notifications/extra", null);

        assertThat(router.dispatch(staged).getBody()).isEqualTo("{\"id\":\"shp_2\"}");
        assertThat(router.dispatch(wrongMethod).getBody()).contains("/route-not-found");
        assertThat(router.dispatch(longer).getStatusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerProblemsWithoutDetails_whenARouteFails() {
        var bug = router.dispatch(event("GET /v1/shipments/{id}/notifications", "GET", "/v1/shipments/x/notifications", Map.of("id", "x")));
        var aws = router.dispatch(event("POST /v1/shipments", "POST", "/v1/shipments", null));

        assertThat(bug.getStatusCode()).isEqualTo(500);
        assertThat(bug.getBody()).contains("/internal").doesNotContain("bug", "4155550123");
        assertThat(aws.getStatusCode()).isEqualTo(503);
        assertThat(aws.getHeaders()).containsEntry("content-type", "application/problem+json");
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, String method, String path, Map<String, String> parameters) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withRawPath(path).withPathParameters(parameters)
                .withRequestContext(RequestContext.builder().withHttp(RequestContext.Http.builder().withMethod(method).withPath(path).build()).build())
                .build();
    }
}
