package io.trackline.local.gateway;

import io.trackline.local.LocalCloudOptions;
import io.trackline.local.testing.TestTemplates;
import io.trackline.testkit.template.SamTransform;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTest {
    private static Routes.Route<String> route(String method, String path) {
        return new Routes.Route<>(method, path, method + " " + path, Optional.empty(), List.of());
    }

    private final Routes<String> routes = new Routes<>(List.of(
            route("GET", "/v1/shipments/{id}"),
            route("GET", "/v1/shipments/{id}/notifications"),
            route("GET", "/v1/shipments/special"),
            route("ANY", "/v1/shipments/special"),
            route("GET", "/v1/track/{carrier}/{trackingNumber}"),
            route("GET", "/files/{path+}")));

    @Test
    void shouldRouteToTheFunctionAndAuthorizerOfTheTransformedApi_whenServingTheRepositoryTemplatesRoutes() {
        var transformed = SamTransform.run(TestTemplates.repository(), LocalCloudOptions.repositoryRoot(Path.of("").toAbsolutePath()));
        Routes<String> served = new Routes<>(transformed.triggers().routes().stream()
                .map(r -> new Routes.Route<>(r.method(), r.path(), r.function(), r.authorizer(), r.authorizationScopes())).toList());

        assertThat(served.match("GET", "/v1/shipments/SHIP-1")).hasValueSatisfying(m -> {
            assertThat(m.route().target()).isEqualTo("ApiFunction");
            assertThat(m.route().routeKey()).isEqualTo("GET /v1/shipments/{id}");
            assertThat(m.pathParameters()).isEqualTo(Map.of("id", "SHIP-1"));
            assertThat(m.route().authorizer()).isEmpty();
        });
        assertThat(served.match("GET", "/v1/me/shipments/SHIP-1")).hasValueSatisfying(m ->
                assertThat(m.route().authorizer()).contains("CustomerJwt"));
        assertThat(served.match("POST", "/v1/webhooks/native")).map(m -> m.route().target()).contains("WebhookFunction");
        assertThat(served.match("GET", "/t/SHIP-1")).map(m -> m.route().target()).contains("TrackingPageFunction");
        assertThat(served.match("DELETE", "/v1/shipments/SHIP-1")).as("no such route, no $default").isEmpty();
    }

    @Test
    void shouldBindPathParameters_whenAParameterisedRouteMatches() {
        var match = routes.match("GET", "/v1/track/usps/9400%201");

        assertThat(match).hasValueSatisfying(m -> {
            assertThat(m.route().routeKey()).isEqualTo("GET /v1/track/{carrier}/{trackingNumber}");
            assertThat(m.pathParameters()).isEqualTo(Map.of("carrier", "usps", "trackingNumber", "9400 1"));
        });
    }

    @Test
    void shouldPreferTheLiteralRouteAndTheExactMethod_whenSeveralRoutesMatch() {
        assertThat(routes.match("GET", "/v1/shipments/special")).map(m -> m.route().target()).contains("GET /v1/shipments/special");
        assertThat(routes.match("DELETE", "/v1/shipments/special")).map(m -> m.route().target()).contains("ANY /v1/shipments/special");
        assertThat(routes.match("GET", "/v1/shipments/other")).map(m -> m.route().target()).contains("GET /v1/shipments/{id}");
    }

    @Test
    void shouldTakeTheRestOfThePath_whenTheRouteIsGreedy() {
        assertThat(routes.match("GET", "/files/a/b/c.txt")).map(Routes.Match::pathParameters).contains(Map.of("path", "a/b/c.txt"));
    }

    @Test
    void shouldMatchNothing_whenMethodOrPathDiffer() {
        assertThat(routes.match("POST", "/v1/shipments/abc")).isEmpty();
        assertThat(routes.match("GET", "/v1/shipments/abc/extra")).isEmpty();
        assertThat(routes.match("GET", "/v1/shipments")).isEmpty();
        assertThat(routes.match("GET", "/v1/shipments//notifications")).isEmpty();
    }

    @Test
    void shouldFallBackToDefault_whenTheApiDeclaresIt() {
        Routes<String> withDefault = new Routes<>(List.of(route("GET", "/a"), route("ANY", "$default")));

        assertThat(withDefault.match("PUT", "/anything")).map(m -> m.route().routeKey()).contains("$default");
    }
}
