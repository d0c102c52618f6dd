package io.trackline.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.aws.http.Responses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The language of a customer's preferences: one of the tags {@code io.trackline.domain.Language} has, or none. */
class PreferencesInputTest {
    private static final String ROUTE = "PUT /v1/me/notification-preferences";
    private final Router router = new Router(Map.of(ROUTE, r ->
            Responses.json(200, PreferencesJson.of(StrictJson.read(r, PreferencesInput.class).validated()))));

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "de"})
    void shouldKeepTheLanguage_whenItIsOneTheTextsAreWrittenIn(String tag) throws Exception {
        var response = router.dispatch(put("{\"channels\":[\"SMS\"],\"alerts\":[],\"language\":\"" + tag + "\"}"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(json(response.getBody()).path("language").asText()).isEqualTo(tag);
    }

    @Test
    void shouldHaveNoLanguage_whenTheBodyNamesNone() throws Exception {
        for (String body : new String[]{"{\"channels\":[\"SMS\"],\"alerts\":[]}", "{\"channels\":[\"SMS\"],\"alerts\":[],\"language\":null}"}) {
            var response = router.dispatch(put(body));

            assertThat(response.getStatusCode()).as(body).isEqualTo(200);
            JsonNode saved = json(response.getBody());
            assertThat(saved.has("language")).as(body).isTrue();
            assertThat(saved.get("language").isNull()).as(body).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"fr\"", "\"ES\"", "\"es-MX\"", "\"\"", "\"english\"", "42", "true", "[\"es\"]"})
    void shouldAnswer400NamingLanguage_whenTheValueIsNotOneOfOurs(String value) throws Exception {
        var response = router.dispatch(put("{\"channels\":[\"SMS\"],\"alerts\":[],\"language\":" + value + "}"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json(response.getBody()).path("field").asText()).isEqualTo("language");
    }

    private static JsonNode json(String body) throws Exception {
        return Json.mapper().readTree(body);
    }

    private static APIGatewayV2HTTPEvent put(String body) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey(ROUTE).withRawPath("/v1/me/notification-preferences").withBody(body)
                .withHeaders(Map.of("content-type", "application/json"))
                .withRequestContext(RequestContext.builder().withHttp(RequestContext.Http.builder().withMethod("PUT")
                        .withPath("/v1/me/notification-preferences").build()).build())
                .build();
    }
}
