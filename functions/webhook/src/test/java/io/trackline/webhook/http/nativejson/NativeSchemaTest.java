package io.trackline.webhook.http.nativejson;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Status;
import io.trackline.webhook.Fixtures;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.application.SourceDelivery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The published schema and the parser say the same thing. */
class NativeSchemaTest {
    private static JsonNode event() throws Exception {
        return Json.mapper().readTree(Fixtures.EVENTS.resolve("native-webhook.schema.json").toFile()).path("$defs").path("event");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void shouldListTheCanonicalStatusesAndReasons_whenPublished() throws Exception {
        JsonNode properties = event().path("properties");

        assertThat(texts(properties.path("status").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(Status.values()).map(Enum::name).toList());
        assertThat(texts(properties.path("exceptionReason").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(ExceptionReason.values()).map(Enum::name).toList());
    }

    @Test
    void shouldAcceptEveryPropertyTheSchemaNames_whenAllAreSent() throws Exception {
        // given: one event using every property of the schema
        List<String> names = new ArrayList<>();
        event().path("properties").fieldNames().forEachRemaining(names::add);
        byte[] body = """
                {"carrier":"FedEx","trackingNumber":"7946-4479-0138","status":"EXCEPTION","occurredAt":"2025-11-26T10:00:00+09:00",
                 "description":"Customs","location":{"city":"Tokyo","region":"13","postalCode":"100-0001","country":"JPN"},
                 "rawStatus":"SE","rawSubStatus":"SE-1","exceptionReason":"CUSTOMS_HOLD","actionRequired":true,"delayed":true,
                 "estimatedDelivery":"2025-11-30"}""".getBytes();

        // when
        SourceDelivery delivery = new NativeSource().parse(new WebhookRequest("native", Map.of("webhook-id", "msg_1"), body));

        // then
        assertThat(names).containsExactlyInAnyOrder("carrier", "trackingNumber", "status", "occurredAt", "description", "location",
                "rawStatus", "rawSubStatus", "exceptionReason", "actionRequired", "delayed", "estimatedDelivery");
        var scan = delivery.packages().getFirst().scans().getFirst();
        assertThat(scan.carrier().code()).isEqualTo("fedex");
        assertThat(scan.trackingNumber().value()).isEqualTo("794644790138");
        assertThat(scan.location().country()).isEqualTo("JP");
        assertThat(scan.occurredAt().getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
        assertThat(scan.actionRequired()).isTrue();
        assertThat(scan.carrierSaysDelayed()).isTrue();
        assertThat(delivery.deliveryId()).isEqualTo("msg_1");
    }
}
