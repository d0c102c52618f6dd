package io.trackline.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.trackline.aws.Json;
import io.trackline.aws.Settings;
import io.trackline.local.gateway.LocalIssuer;
import io.trackline.local.testing.Http;
import io.trackline.local.testing.Recorded;
import io.trackline.local.testing.TestTemplates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API of the runner's test template, served to the recording test handlers. */
class GatewayIT {
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloudOptions.forTests().withTemplate(TestTemplates.runnerTest()).withFunctions(LocalCloudOptions.Functions.IN_PROCESS));
    }

    @AfterAll
    static void stop() {
        if (cloud != null) cloud.close();
    }

    @BeforeEach
    void clear() {
        Recorded.clear();
    }

    private static URI url(String pathAndQuery) {
        return URI.create(cloud.apiUrl() + pathAndQuery);
    }

    @Test
    void shouldInvokeTheHandlerWithAnApiGatewayEvent_whenAParameterisedRouteMatches() {
        var response = Http.get(url("/echo/abc%20d?x=1&x=2&y=%20z"), "X-Custom", "Value", "Cookie", "a=1; b=2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-echo")).contains("yes");
        assertThat(read(response.body())).isEqualTo(Json.mapper().<com.fasterxml.jackson.databind.JsonNode>valueToTree(
                Map.of("routeKey", "GET /echo/{id}", "pathParameters", Map.of("id", "abc d"), "function", "EchoFunction")));
        APIGatewayV2HTTPEvent event = Recorded.httpEvents.getFirst();
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("GET /echo/{id}");
        assertThat(event.getRawPath()).isEqualTo("/echo/abc%20d");
        assertThat(event.getRawQueryString()).isEqualTo("x=1&x=2&y=%20z");
        assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("x", "1,2", "y", " z"));
        assertThat(event.getHeaders()).containsEntry("x-custom", "Value").doesNotContainKey("cookie");
        assertThat(event.getHeaders().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
        assertThat(event.getCookies()).containsExactly("a=1", "b=2");
        assertThat(event.getBody()).isNull();
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
        assertThat(event.getRequestContext().getHttp().getPath()).isEqualTo("/echo/abc%20d");
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(event.getRequestContext().getRequestId()).isNotBlank();
        assertThat(event.getRequestContext().getRouteKey()).isEqualTo("GET /echo/{id}");
        assertThat(event.getRequestContext().getTimeEpoch()).isCloseTo(Instant.now().toEpochMilli(), org.assertj.core.data.Offset.offset(10_000L));
        assertThat(event.getRequestContext().getTime()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(event.getRequestContext().getAuthorizer()).isNull();
    }

    @Test
    void shouldPreferTheLiteralRoute_whenALiteralAndAParameterBothMatch() {
        var response = Http.get(url("/echo/special"));

        assertThat(read(response.body()).get("routeKey").asText()).isEqualTo("GET /echo/special");
    }

    @Test
    void shouldPassTextBodiesAsTheyAreAndOthersAsBase64_whenPosting() {
        byte[] binary = {0, 1, 2, (byte) 255};

        var json = Http.post(url("/echo"), "application/json; charset=utf-8", "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8));
        var bytes = Http.post(url("/echo"), "application/octet-stream", binary);

        assertThat(json.statusCode()).isEqualTo(201);
        assertThat(bytes.statusCode()).isEqualTo(201);
        assertThat(Recorded.httpEvents.get(0).getBody()).isEqualTo("{\"a\":\"é\"}");
        assertThat(Recorded.httpEvents.get(0).getIsBase64Encoded()).isFalse();
        assertThat(Base64.getDecoder().decode(Recorded.httpEvents.get(1).getBody())).isEqualTo(binary);
        assertThat(Recorded.httpEvents.get(1).getIsBase64Encoded()).isTrue();
    }

    @Test
    void shouldAnswerProblemJson404_whenNoRouteMatches() {
        var response = Http.get(url("/nowhere"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(read(response.body()).get("status").asInt()).isEqualTo(404);
        assertThat(Http.post(url("/echo/abc"), "application/json", "{}".getBytes()).statusCode()).isEqualTo(404);
        assertThat(Recorded.httpEvents).isEmpty();
    }

    @Test
    void shouldAnswer500LikeApiGateway_whenTheHandlerThrows() {
        var response = Http.get(url("/fail"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void shouldPassTheClaimsToTheHandler_whenTheTokenIsValid() {
        var customer = cloud.demo().customers().getFirst();

        var response = Http.get(url("/me/echo"), "Authorization", "Bearer " + customer.token());

        assertThat(response.statusCode()).isEqualTo(200);
        var jwt = Recorded.httpEvents.getFirst().getRequestContext().getAuthorizer().getJwt();
        assertThat(jwt.getClaims()).containsEntry("sub", customer.id()).containsEntry("aud", "runner-tests")
                .containsEntry("iss", cloud.apiUrl() + "/local-issuer");
        assertThat(jwt.getScopes()).containsExactly("openid");
    }

    @Test
    void shouldAnswer401AndNotInvokeTheHandler_whenTheTokenIsMissingOrBad() {
        LocalIssuer issuer = cloud.issuer();
        Instant now = Instant.now();
        JWTClaimsSet valid = new JWTClaimsSet.Builder().issuer(issuer.issuer()).audience("runner-tests").subject("customer-demo-1")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).build();
        String expired = issuer.sign(new JWTClaimsSet.Builder(valid).expirationTime(Date.from(now.minusSeconds(5))).build());
        String wrongIssuer = issuer.sign(new JWTClaimsSet.Builder(valid).issuer("https://issuer.example.com/replaced-locally").build());
        String wrongAudience = issuer.sign(new JWTClaimsSet.Builder(valid).audience("trackline").build());
        String none = new PlainJWT(new PlainHeader(), valid).serialize();
        String otherKey = LocalIssuer.generate(issuer.issuer(), List.of("runner-tests")).token("customer-demo-1", Duration.ofHours(1));
        String good = issuer.sign(valid);
        String tampered = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);

        for (String token : List.of(expired, wrongIssuer, wrongAudience, none, otherKey, tampered)) {
            var response = Http.get(url("/me/echo"), "Authorization", "Bearer " + token);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        }
        assertThat(Http.get(url("/me/echo")).statusCode()).isEqualTo(401);
        assertThat(Recorded.httpEvents).isEmpty();
        assertThat(Http.get(url("/me/echo"), "Authorization", "Bearer " + good).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldBuildEachFunctionsSettingsFromItsResolvedEnvironment_whenStarting() {
        Settings echo = Recorded.settings.get("EchoFunction");

        assertThat(echo.required("QUEUE_URL")).isEqualTo(cloud.stack().queue("WorkQueue").url());
        assertThat(echo.required("QUEUE_NAME")).isEqualTo("WorkQueue");
        assertThat(echo.required("GREETING")).isEqualTo("hello from us-east-1 to runner-tests");
        assertThat(echo.required("TABLE_NAME")).isEqualTo("Table");
        assertThat(echo.endpoint()).contains(cloud.awsEndpoint());
        assertThat(echo.required("AWS_ACCESS_KEY_ID")).isEqualTo("test");
        assertThat(echo.region()).isEqualTo("us-east-1");
        assertThat(Recorded.settings.get("ConsumerFunction").optional("QUEUE_URL")).isEmpty();
    }

    @Test
    void shouldServeTheIssuersPublicKey_whenAskedForItsJwks() throws Exception {
        var response = Http.get(url("/local-issuer/.well-known/jwks.json"));

        var keys = com.nimbusds.jose.jwk.JWKSet.parse(response.body()).getKeys();
        assertThat(keys).hasSize(1);
        assertThat(keys.getFirst().isPrivate()).isFalse();
    }

    @Test
    void shouldSayThePortIsInUse_whenAnotherLocalCloudHoldsIt() {
        var options = LocalCloudOptions.forTests().withTemplate(TestTemplates.runnerTest()).withFunctions(LocalCloudOptions.Functions.IN_PROCESS).withPort(cloud.port());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalCloud.start(options))
                .hasMessageStartingWith("port " + cloud.port() + " is in use");
    }

    @Test
    void shouldAnswerOthers_whenSlowClientsHoldMoreConnectionsThanItHadThreads() throws Exception {
        // given eight clients that sent half a request line and then nothing (the gateway once had four threads)
        List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                var socket = new java.net.Socket("127.0.0.1", cloud.port());
                socket.getOutputStream().write("GET /echo/sl".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            Thread.sleep(300);

            // when / then a ninth, ordinary request is answered at once
            long start = System.nanoTime();
            var response = Http.get(url("/echo/quick"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            for (var socket : slow) socket.close();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
