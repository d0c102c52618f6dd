package io.trackline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.trackline.testkit.cloud.LocalAws;
import io.trackline.local.demo.DemoCredentials;
import io.trackline.local.testing.Eventually;
import io.trackline.local.testing.Queues;
import io.trackline.local.testing.RunningCloud;
import io.trackline.local.testing.Walkthrough;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static io.trackline.local.testing.Eventually.PIPELINE;
import static io.trackline.local.testing.Walkthrough.apiKey;
import static io.trackline.local.testing.Walkthrough.bearer;
import static io.trackline.local.testing.Walkthrough.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's proof on the local cloud, with the demo credentials only: a client registers and reads, the customer reads,
 * changes the address while they still may, reports a delivered package as not received; nobody else sees any of it.
 */
class CustomerJourneyIT {
    private static final String NEW_ADDRESS = """
            {"name":"Ada Lovelace","line1":"12 Elm St","city":"Shelbyville","region":"IL","postalCode":"62565","country":"US"}""";
    @RegisterExtension
    static final RunningCloud CLOUD = RunningCloud.shared();

    private final LocalCloud cloud = CLOUD.cloud();
    private final LocalAws aws = CLOUD.aws();
    private final DemoCredentials.Tenant tenant = cloud.demo().tenants().get(0);
    private final DemoCredentials.Tenant otherTenant = cloud.demo().tenants().get(1);
    // customers of this class's own: their order lists hold only what these tests register
    private final DemoCredentials.Customer customer = Walkthrough.newCustomer(cloud);
    private final DemoCredentials.Customer otherCustomer = Walkthrough.newCustomer(cloud);

    @Test
    void shouldLetTheCustomerFollowRedirectAndReportTheirPackage_whenItTravelsFromLabelToDoor() {
        // given a shipment the client registers for the customer
        Walkthrough walk = new Walkthrough(cloud);
        var registered = walk.registerShipment(tenant.apiKey(), customer.id(), "usps", walk.trackingNumber);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = json(registered.body()).get("id").asText();
        String orderId = "order-" + walk.trackingNumber;

        // then the client reads it and its order
        JsonNode asClient = ok(walk.get("/v1/shipments/" + id, apiKey(tenant.apiKey())));
        assertThat(asClient.path("customerId").asText()).isEqualTo(customer.id());
        assertThat(asClient.path("milestone").asText()).isEqualTo("LABEL_CREATED");
        JsonNode order = ok(walk.get("/v1/orders/" + orderId, apiKey(tenant.apiKey())));
        assertThat(order.path("shipments").findValuesAsText("id")).containsExactly(id);
        // and the customer finds it among their orders and reads it
        JsonNode myOrders = ok(walk.get("/v1/me/orders", bearer(customer.token())));
        assertThat(myOrders.path("items").findValuesAsText("orderId")).contains(orderId);
        assertThat(ok(walk.get("/v1/me/shipments/" + id, bearer(customer.token()))).path("trackingNumber").asText())
                .isEqualTo(walk.trackingNumber);

        // when the customer changes the address before the carrier has the package
        var changed = walk.put("/v1/me/shipments/" + id + "/delivery-address", NEW_ADDRESS, bearer(customer.token()));

        // then it is changed and the change recorded
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed.body()).path("deliveryAddress").path("city").asText()).isEqualTo("Shelbyville");
        assertThat(ok(walk.get("/v1/shipments/" + id, apiKey(tenant.apiKey()))).path("addressChanges")).hasSize(1);

        // when the carrier picks it up and moves it
        postScan(walk, "PICKED_UP", "Picked up", Duration.ofHours(2));
        postScan(walk, "IN_TRANSIT", "Departed facility", Duration.ofHours(1));
        awaitStatus(walk, id, "IN_TRANSIT");

        // then another change is refused, pointing to support, and the address stays
        var late = walk.put("/v1/me/shipments/" + id + "/delivery-address",
                NEW_ADDRESS.replace("12 Elm St", "99 Oak Ave"), bearer(customer.token()));
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(late.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(late.body()).path("type").asText()).isEqualTo("https://trackline.dev/problems/address-change-closed");
        assertThat(json(late.body()).path("support").asText()).isEqualTo("POST /v1/me/shipments/{id}/issues");
        JsonNode moving = ok(walk.get("/v1/me/shipments/" + id, bearer(customer.token())));
        assertThat(moving.path("deliveryAddress").path("line1").asText()).isEqualTo("12 Elm St");
        assertThat(moving.path("addressChanges")).hasSize(1);

        // when it is delivered and the customer reports it not received
        postScan(walk, "DELIVERED", "Delivered, front door", Duration.ofMinutes(10));
        awaitStatus(walk, id, "DELIVERED");
        var reported = walk.post("/v1/me/shipments/" + id + "/issues",
                "{\"type\":\"NOT_RECEIVED\",\"description\":\"Nothing at the door\"}", bearer(customer.token()));

        // then a case is opened with the evidence, and support hears of it
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        JsonNode opened = json(reported.body());
        String caseId = opened.path("id").asText();
        assertThat(opened.path("type").asText()).isEqualTo("NOT_RECEIVED");
        assertThat(opened.path("evidence").path("status").asText()).isEqualTo("DELIVERED");
        List<String> support = new ArrayList<>();
        Eventually.await("the support queue receives case " + caseId, PIPELINE, () -> {
            support.addAll(Queues.take(aws.sqs(), cloud.stack().queue("SupportQueue").url()));
            return support;
        }, messages -> messages.stream().anyMatch(m -> m.contains(caseId)));
        assertThat(support).filteredOn(m -> m.contains(caseId)).singleElement()
                .satisfies(m -> assertThat(m).contains("NOT_RECEIVED", id));
    }

    @Test
    void shouldAnswerTheSame404AndChangeNothing_whenAnotherCustomerOrTenantTouchesTheShipment() {
        // given a shipment of tenant 1 for customer 1
        Walkthrough walk = new Walkthrough(cloud);
        var registered = walk.registerShipment(tenant.apiKey(), customer.id(), "usps", walk.trackingNumber);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = json(registered.body()).get("id").asText();
        String orderId = "order-" + walk.trackingNumber;
        String neverExisted = "/v1/me/shipments/shp_0000000000000000000000";

        // when customer 2 and tenant 2 try every route on it
        List<HttpResponse<String>> refused = List.of(
                walk.get("/v1/me/shipments/" + id, bearer(otherCustomer.token())),
                walk.put("/v1/me/shipments/" + id + "/delivery-address", NEW_ADDRESS, bearer(otherCustomer.token())),
                walk.post("/v1/me/shipments/" + id + "/issues", "{\"type\":\"DAMAGED\"}", bearer(otherCustomer.token())),
                walk.get("/v1/shipments/" + id, apiKey(otherTenant.apiKey())),
                walk.get("/v1/shipments/" + id + "/notifications", apiKey(otherTenant.apiKey())),
                walk.get("/v1/orders/" + orderId, apiKey(otherTenant.apiKey())));

        // then each gets the 404 of an id that never existed, and the shipment is as it was
        JsonNode notFound = json(walk.get(neverExisted, bearer(otherCustomer.token())).body());
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
            assertThat(json(r.body()).path("type")).isEqualTo(notFound.path("type"));
            assertThat(r.body()).doesNotContain(walk.trackingNumber, customer.id(), tenant.id());
        });
        assertThat(ok(walk.get("/v1/me/orders", bearer(otherCustomer.token()))).path("items").findValuesAsText("orderId"))
                .doesNotContain(orderId);
        JsonNode unchanged = ok(walk.get("/v1/me/shipments/" + id, bearer(customer.token())));
        assertThat(unchanged.path("deliveryAddress").path("city").asText()).isEqualTo("Springfield");
        assertThat(unchanged.path("addressChanges")).isEmpty();
    }

    @Test
    void shouldAnswer401AtTheGateway_whenTheCustomerTokenIsMissingForgedOrExpired() {
        // given a real shipment id, and tokens the authorizer must refuse
        Walkthrough walk = new Walkthrough(cloud);
        String id = json(walk.registerShipment(tenant.apiKey(), customer.id(), "usps", walk.trackingNumber).body()).get("id").asText();
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String expired = cloud.issuer().sign(new JWTClaimsSet.Builder().issuer(cloud.issuer().issuer())
                .audience(cloud.issuer().audience()).subject(customer.id())
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofHours(1)))).build());
        String forged = customer.token().substring(0, customer.token().lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

        // when the customer routes are called with them
        List<HttpResponse<String>> refused = List.of(
                walk.get("/v1/me/shipments/" + id),
                walk.get("/v1/me/orders"),
                walk.get("/v1/me/shipments/" + id, bearer("not-a-jwt")),
                walk.get("/v1/me/shipments/" + id, bearer(forged)),
                walk.get("/v1/me/shipments/" + id, bearer(expired)),
                walk.post("/v1/me/shipments/" + id + "/issues", "{\"type\":\"DAMAGED\"}", bearer(forged)));

        // then the gateway answers 401 before any function runs
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
            assertThat(json(r.body()).path("message").asText()).isEqualTo("Unauthorized");
        });
        assertThat(walk.get("/v1/me/shipments/" + id, bearer(customer.token())).statusCode()).isEqualTo(200);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
        return json(response.body());
    }

    private static void postScan(Walkthrough walk, String status, String description, Duration ago) {
        var accepted = walk.postNativeWebhook(walk.nativeScan(status, description, ago), walk.nativeSecret());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }

    private void awaitStatus(Walkthrough walk, String id, String status) {
        Eventually.await("the shipment is " + status, PIPELINE,
                () -> json(walk.get("/v1/shipments/" + id, apiKey(tenant.apiKey())).body()),
                s -> s.path("status").asText().equals(status));
    }
}
