package io.trackline.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import io.trackline.aws.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's inputs that passed the API's own checks and then crashed it (500, 503) or slipped through: each is now a
 * 400 {@code invalid-field} naming the field, decided by the domain's value objects and mapped by the router alone.
 */
class RegistrationInputTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-12-06");
    private static final String VALID = """
            {"orderId":"order-1","customerId":"cust-1","carrier":"ups","trackingNumber":"1Z999AA10123456784",
             "promisedDeliveryDate":"2026-12-09",
             "deliveryAddress":{"name":"Ada Lovelace","line1":"1 Main St","city":"Springfield","postalCode":"62701","country":"US"},
             "contact":{"email":"ada@example.com","phone":"+14155550123"}}""";
    private final Router router = new Router(Map.of("POST /v1/shipments", r -> {
        var command = StrictJson.read(r, RegistrationInput.class).validated("tenant-1", TODAY);
        return io.trackline.aws.http.Responses.json(201, Map.of("trackingNumber", command.trackingNumber(), "carrier", command.carrier()));
    }));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            address without postalCode      | "postalCode":"62701",              |                                   | deliveryAddress.postalCode
            customerId with a space         | "customerId":"cust-1"              | "customerId":"cust 1"             | customerId
            customerId with ć               | "customerId":"cust-1"              | "customerId":"\\u0107"            | customerId
            huge promised date              | "promisedDeliveryDate":"2026-12-09"| "promisedDeliveryDate":"+999999999-12-31" | promisedDeliveryDate
            date beyond two years           | "promisedDeliveryDate":"2026-12-09"| "promisedDeliveryDate":"2028-12-07"| promisedDeliveryDate
            unpaired surrogate in name      | "name":"Ada Lovelace"              | "name":"Ada \\ud800"              | deliveryAddress.name
            unknown carrier acme            | "carrier":"ups"                    | "carrier":"acme"                  | carrier
            non-ASCII tracking number       | "trackingNumber":"1Z999AA10123456784" | "trackingNumber":"1Z\\u0131abcdef99" | trackingNumber
            angle brackets in an email      | "email":"ada@example.com"          | "email":"<script>@x.com"          | contact.email
            unassigned country              | "country":"US"                     | "country":"XX"                    | deliveryAddress.country
            a number for a string           | "city":"Springfield"               | "city":42                         | deliveryAddress.city
            """)
    void shouldAnswer400NamingTheField_whenAValueBreaksItsDomainRule(String what, String valid, String wrong, String field)
            throws Exception {
        assertThat(VALID).contains(valid);
        var response = router.dispatch(post(VALID.replace(valid, wrong == null ? "" : wrong)));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(Json.mapper().readTree(response.getBody()).path("field").asText()).isEqualTo(field);
    }

    @Test
    void shouldTakeTheValidBody_andNormaliseCarrierAndTrackingNumber() {
        var response = router.dispatch(post(VALID.replace("\"ups\"", "\"UPS\"").replace("1Z999AA10123456784", "1z999aa1 0123-456784")));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getBody()).contains("\"1Z999AA10123456784\"", "\"ups\"");
    }

    private static APIGatewayV2HTTPEvent post(String body) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey("POST /v1/shipments").withRawPath("/v1/shipments").withBody(body)
                .withHeaders(Map.of("content-type", "application/json"))
                .withRequestContext(RequestContext.builder().withHttp(RequestContext.Http.builder().withMethod("POST")
                        .withPath("/v1/shipments").build()).build())
                .build();
    }
}
