package io.trackline.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.api.application.auth.ApiKey;
import io.trackline.api.adapter.dynamodb.DynamoDbApiKeys;
import io.trackline.testkit.api.Cloud;
import io.trackline.api.support.OpenApiContract;
import io.trackline.testkit.api.Requests;
import io.trackline.api.support.Seed;
import io.trackline.aws.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.trackline.testkit.api.Requests.route;
import static io.trackline.api.support.Seed.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ApiHandler as the local cloud builds it (from Settings) against moto, through the events API Gateway delivers. Every
 * response also passes through the OpenAPI contract check in {@link #call}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiHandlerIT {
    private static final String ALICE = "cust-demo-alice";
    private Cloud cloud;
    private Seed seed;
    private ApiHandler handler;
    private final String tenantX = unique("tenant-x-");
    private final String tenantY = unique("tenant-y-");
    private final String keyX = ApiKey.generate();
    private final String keyY = ApiKey.generate();
    private final String customerA = unique("cust-a-");
    private final String customerB = unique("cust-b-");

    @BeforeAll
    void startCloud() {
        cloud = new Cloud();
        seed = new Seed(cloud.dynamo, Cloud.TABLE);
        handler = new ApiHandler(ApiWiring.from(cloud.apiSettings()));
        seed.apiKey(keyX, tenantX);
        seed.apiKey(keyY, tenantY);
    }

    @AfterAll
    void stopCloud() {
        cloud.close();
    }

    // ------------------------------------------------------------------ events/ files

    @Test
    void shouldShowTrackPackageToItsOwner_whenCalledWithTheEventFile() {
        // given the shipment of the event file, owned by the customer in its JWT claims, with three scans
        var shipment = seed.new Shipment("shp_4f8Kq2LxT9mZbW1cYd3eRa", tenantX, "A-1", ALICE).save();
        var now = OffsetDateTime.now(ZoneOffset.ofHours(-5)).withNano(0);
        seed.scan(shipment.id, now.minusDays(2), "PICKED_UP", "Chicago", "Picked up");
        seed.scan(shipment.id, now.minusHours(3), "IN_TRANSIT", "Peoria", "Departed facility");
        seed.scan(shipment.id, now.minusDays(1), "IN_TRANSIT", "Joliet", "Arrived at facility");
        seed.notification(shipment.id, Instant.now(), "SENT", "default alert");

        // when
        var response = call("GET /v1/me/shipments/{id}", EventLoader.loadApiGatewayHttpEvent("../../events/api-get-my-shipment.json"));

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("id").asText()).isEqualTo(shipment.id);
        assertThat(body.path("statusText").asText()).isEqualTo("Your package is on its way.");
        assertThat(body.path("eta").path("expected").asText()).isEqualTo("2026-12-03");
        assertThat(body.path("eta").path("history")).hasSize(2);
        assertThat(body.path("deliveryAddress").path("line1").asText()).isEqualTo("1 Main St");
        assertThat(body.has("contact")).as("contact data is for the tenant only").isFalse();
        assertThat(body.path("events").findValuesAsText("city")).containsExactly("Peoria", "Joliet", "Chicago");
    }

    @Test
    void shouldRegisterOnceAndAnswerTheSameShipment_whenTheEventFileIsPostedTwice() {
        // given the API key of the event file
        seed.apiKey("tl_DemoKeyForTenantAcme00000000000000000000", "acme");
        var event = EventLoader.loadApiGatewayHttpEvent("../../events/api-register-shipment.json");

        // when
        var first = call("POST /v1/shipments", event);
        var second = call("POST /v1/shipments", event);

        // then
        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(second.getStatusCode()).isEqualTo(200);
        JsonNode body = json(first);
        assertThat(json(second).path("id").asText()).isEqualTo(body.path("id").asText());
        assertThat(body.path("id").asText()).matches("shp_[0-9A-Za-z]{22}");
        assertThat(body.path("carrier").asText()).isEqualTo("ups");
        assertThat(body.path("trackingNumber").asText()).isEqualTo("1Z999AA10123456784");
        assertThat(body.path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(body.path("contact").path("phone").asText()).isEqualTo("+14155550123");
        var order = seed.get(Map.of("PK", AttributeValue.fromS("ORDER#acme#A-1001"), "SK", AttributeValue.fromS("ORDER")));
        assertThat(order.get("GSI2PK").s()).isEqualTo("CUSTOMER#cust-demo-alice");
        assertThat(order.get("shipmentIds").ss()).containsExactly(body.path("id").asText());
    }

    // ------------------------------------------------------------------ BOLA

    @Test
    void shouldAnswerTheSameEmpty404_whenATenantAsksForAnotherTenantsShipmentOrOrder() {
        // given tenant X's shipment with a notification
        var shipment = seed.shipment(tenantX, unique("o-"), customerA).save();
        seed.notification(shipment.id, Instant.now(), "SENT", "default alert");
        String missing = call(route("GET /v1/shipments/{id}").path("id", "shp_" + "0".repeat(22)).apiKey(keyY)).getBody();

        // when tenant Y asks for it every way there is
        var responses = List.of(
                call(route("GET /v1/shipments/{id}").path("id", shipment.id).apiKey(keyY)),
                call(route("GET /v1/shipments/{id}/notifications").path("id", shipment.id).apiKey(keyY)),
                call(route("GET /v1/orders/{orderId}").path("orderId", shipment.orderId).apiKey(keyY)));
        var search = call(route("GET /v1/shipments").query("carrier", "ups").query("trackingNumber", shipment.trackingNumber()).apiKey(keyY));

        // then
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.getStatusCode()).isEqualTo(404);
            assertThat(r.getBody()).isEqualTo(missing).doesNotContain(shipment.id, tenantX, customerA);
        });
        assertThat(json(search).path("items")).isEmpty();
        assertThat(call(route("GET /v1/shipments/{id}").path("id", shipment.id).apiKey(keyX)).getStatusCode()).isEqualTo(200);
    }

    @Test
    void shouldRegisterItsOwnShipment_whenATenantRegistersAPackageAnotherTenantHas() {
        // given tenant X's shipment
        var shipment = seed.shipment(tenantX, unique("o-"), customerA).save();

        // when tenant Y registers the same package
        var response = call(route("POST /v1/shipments").apiKey(keyY).body("""
                {"orderId":"y-1","customerId":"%s","carrier":"ups","trackingNumber":"%s"}""".formatted(customerB, shipment.trackingNumber())));

        // then Y gets a new shipment of its own, never X's
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(json(response).path("id").asText()).isNotEqualTo(shipment.id);
        assertThat(json(response).path("customerId").asText()).isEqualTo(customerB);
    }

    @Test
    void shouldAnswerTheSameEmpty404AndChangeNothing_whenACustomerTouchesAnotherCustomersShipment() {
        // given A's shipment before pickup, in A's order
        var shipment = seed.shipment(tenantX, unique("o-"), customerA)
                .with("status", "LABEL_CREATED").with("milestone", "LABEL_CREATED").save();
        seed.order(tenantX, shipment.orderId, customerA, Instant.now(), List.of(shipment.id));
        var before = seed.get(key(shipment.id));
        String orderRef = json(call(route("GET /v1/me/orders").customer(customerA))).path("items").get(0).path("id").asText();
        String missing = call(route("GET /v1/me/shipments/{id}").path("id", "shp_" + "1".repeat(22)).customer(customerB)).getBody();

        // when B reads, changes and reports on it
        var responses = List.of(
                call(route("GET /v1/me/shipments/{id}").path("id", shipment.id).customer(customerB)),
                call(route("GET /v1/me/orders/{orderId}").path("orderId", orderRef).customer(customerB)),
                call(route("PUT /v1/me/shipments/{id}/delivery-address").path("id", shipment.id).customer(customerB).body(ADDRESS)),
                call(route("POST /v1/me/shipments/{id}/issues").path("id", shipment.id).customer(customerB).body("{\"type\":\"DAMAGED\"}")));
        var bsOrders = call(route("GET /v1/me/orders").customer(customerB));

        // then
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.getStatusCode()).isEqualTo(404);
            assertThat(r.getBody()).isEqualTo(missing);
        });
        assertThat(texts(json(bsOrders).path("items"), "orderId")).doesNotContain(shipment.orderId);
        assertThat(seed.get(key(shipment.id))).isEqualTo(before);
        assertThat(cloud.dynamo.query(b -> b.tableName(Cloud.TABLE).keyConditionExpression("PK = :pk AND begins_with(SK, :case)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SHIP#" + shipment.id), ":case", AttributeValue.fromS("CASE"))))
                .items()).isEmpty();
    }

    @Test
    void shouldKeepEachCustomersPreferencesApart_whenAnotherCustomerWritesTheirs() {
        // given A's preferences
        call(route("PUT /v1/me/notification-preferences").customer(customerA).body("{\"channels\":[\"SMS\"],\"alerts\":[\"DELIVERED\"]}"));

        // when B writes theirs
        call(route("PUT /v1/me/notification-preferences").customer(customerB).body("{\"channels\":[],\"alerts\":[]}"));

        // then A still reads their own
        JsonNode mine = json(call(route("GET /v1/me/notification-preferences").customer(customerA)));
        assertThat(mine.path("alerts").get(0).asText()).isEqualTo("DELIVERED");
        assertThat(mine.path("channels").get(0).asText()).isEqualTo("SMS");
    }

    // ------------------------------------------------------------------ authentication

    @Test
    void shouldAnswer401_whenTheApiKeyIsMissingMalformedUnknownOrRevoked() {
        var shipment = seed.shipment(tenantX, unique("o-"), customerA).save();
        String revokedKey = new ApiKeys(new DynamoDbApiKeys(cloud.dynamo, Cloud.TABLE), Clock.systemUTC()).create(tenantX, "old");
        assertThat(call(route("GET /v1/shipments/{id}").path("id", shipment.id).apiKey(revokedKey)).getStatusCode()).isEqualTo(200);
        new ApiKeys(new DynamoDbApiKeys(cloud.dynamo, Cloud.TABLE), Clock.systemUTC()).revoke(revokedKey);

        for (String clientRoute : List.of("POST /v1/shipments", "GET /v1/shipments", "GET /v1/shipments/{id}",
                "GET /v1/shipments/{id}/notifications", "GET /v1/orders/{orderId}")) {
            var missing = call(route(clientRoute).path("id", shipment.id).path("orderId", shipment.orderId));
            assertThat(missing.getStatusCode()).as(clientRoute).isEqualTo(401);
            assertThat(json(missing).path("type").asText()).endsWith("/api-key-required");
            for (String bad : List.of("not-a-key", ApiKey.generate(), revokedKey)) {
                var refused = call(route(clientRoute).path("id", shipment.id).path("orderId", shipment.orderId).apiKey(bad));
                assertThat(refused.getStatusCode()).as(clientRoute + " with " + bad).isEqualTo(401);
                assertThat(json(refused).path("type").asText()).endsWith("/api-key-invalid");
            }
        }
    }

    @Test
    void shouldAnswer401_whenACustomerRouteHasNoValidatedSubject() {
        for (String customerRoute : List.of("GET /v1/me/orders", "GET /v1/me/orders/{orderId}", "GET /v1/me/shipments/{id}",
                "PUT /v1/me/shipments/{id}/delivery-address", "POST /v1/me/shipments/{id}/issues",
                "GET /v1/me/notification-preferences", "PUT /v1/me/notification-preferences")) {
            var noClaims = call(route(customerRoute).path("id", "shp_x").path("orderId", "x").body("{}"));
            var noSub = call(route(customerRoute).path("id", "shp_x").path("orderId", "x").claims(Map.of("iss", "x")).body("{}"));
            var keyInstead = call(route(customerRoute).path("id", "shp_x").path("orderId", "x").apiKey(keyX).body("{}"));
            assertThat(List.of(noClaims, noSub, keyInstead)).allSatisfy(r -> {
                assertThat(r.getStatusCode()).as(customerRoute).isEqualTo(401);
                assertThat(json(r).path("type").asText()).endsWith("/identity-required");
            });
        }
    }

    // ------------------------------------------------------------------ mass assignment

    @Test
    void shouldRejectAndCreateNothing_whenARegistrationCarriesFieldsTheClientDoesNotOwn() {
        for (String field : List.of("\"status\":\"DELIVERED\"", "\"tenantId\":\"" + tenantY + "\"", "\"version\":7", "\"id\":\"shp_mine\"")) {
            String number = "1Z" + unique("").toUpperCase();
            var response = call(route("POST /v1/shipments").apiKey(keyX).body("""
                    {"orderId":"o-1","customerId":"%s","carrier":"ups","trackingNumber":"%s",%s}""".formatted(customerA, number, field)));

            assertThat(response.getStatusCode()).as(field).isEqualTo(400);
            assertThat(json(response).path("type").asText()).endsWith("/unknown-field");
            assertThat(json(call(route("GET /v1/shipments").query("carrier", "ups").query("trackingNumber", number).apiKey(keyX)))
                    .path("items")).isEmpty();
        }
    }

    @Test
    void shouldRejectAndChangeNothing_whenACustomerWriteCarriesStatusCustomerIdOrVersion() {
        var shipment = seed.shipment(tenantX, unique("o-"), customerA)
                .with("status", "LABEL_CREATED").with("milestone", "LABEL_CREATED").save();
        var before = seed.get(key(shipment.id));
        String address = ADDRESS.substring(0, ADDRESS.length() - 1);
        String victim = unique("cust-victim-");
        var preferencesBefore = seed.get(Map.of("PK", AttributeValue.fromS("CUSTOMER#" + customerA), "SK", AttributeValue.fromS("PREFERENCES")));

        var responses = List.of(
                call(route("PUT /v1/me/shipments/{id}/delivery-address").path("id", shipment.id).customer(customerA).body(address + ",\"status\":\"DELIVERED\"}")),
                call(route("PUT /v1/me/shipments/{id}/delivery-address").path("id", shipment.id).customer(customerA).body(address + ",\"customerId\":\"" + customerB + "\"}")),
                call(route("PUT /v1/me/shipments/{id}/delivery-address").path("id", shipment.id).customer(customerA).body(address + ",\"version\":99}")),
                call(route("POST /v1/me/shipments/{id}/issues").path("id", shipment.id).customer(customerA).body("{\"type\":\"DAMAGED\",\"status\":\"CLOSED\"}")),
                call(route("PUT /v1/me/notification-preferences").customer(customerA).body("{\"channels\":[],\"alerts\":[],\"customerId\":\"" + victim + "\"}")));

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.getStatusCode()).isEqualTo(400);
            assertThat(json(r).path("type").asText()).endsWith("/unknown-field");
        });
        assertThat(seed.get(key(shipment.id))).isEqualTo(before);
        assertThat(seed.get(Map.of("PK", AttributeValue.fromS("CUSTOMER#" + victim), "SK", AttributeValue.fromS("PREFERENCES")))).isEmpty();
        assertThat(seed.get(Map.of("PK", AttributeValue.fromS("CUSTOMER#" + customerA), "SK", AttributeValue.fromS("PREFERENCES"))))
                .isEqualTo(preferencesBefore);
    }

    // ------------------------------------------------------------------ Your Orders and orders

    @Test
    void shouldListOrdersNewestFirstWithSummaries_whenPagedWithSignedCursors() {
        String customer = unique("cust-orders-");
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            String orderId = "ord-" + i;
            var delivered = seed.shipment(tenantX, orderId, customer).with("status", "DELIVERED").with("milestone", "DELIVERED")
                    .with("terminal", AttributeValue.fromBool(true)).save();
            var moving = seed.shipment(tenantX, orderId, customer).save();
            seed.order(tenantX, orderId, customer, now.minusSeconds(3600L * (3 - i)), List.of(delivered.id, moving.id));
        }

        var first = json(call(route("GET /v1/me/orders").query("limit", "2").customer(customer)));
        var second = json(call(route("GET /v1/me/orders").query("limit", "2").query("cursor", first.path("nextCursor").asText()).customer(customer)));

        assertThat(texts(first.path("items"), "orderId")).containsExactly("ord-2", "ord-1");
        assertThat(first.path("items").get(0).path("summary").path("text").asText()).isEqualTo("1 of 2 delivered");
        assertThat(first.path("items").get(0).path("summary").path("earliestOpenEta").asText()).isEqualTo("2026-12-03");
        assertThat(texts(second.path("items"), "orderId")).containsExactly("ord-0");
        assertThat(second.path("nextCursor").isNull()).isTrue();

        String cursor = first.path("nextCursor").asText();
        String tampered = (cursor.charAt(0) == 'e' ? 'f' : 'e') + cursor.substring(1);
        var edited = call(route("GET /v1/me/orders").query("cursor", tampered).customer(customer));
        var replayed = call(route("GET /v1/me/orders").query("cursor", cursor).customer(customerB));
        var tooMany = call(route("GET /v1/me/orders").query("limit", "101").customer(customer));
        assertThat(List.of(edited, replayed)).allSatisfy(r -> assertThat(json(r).path("type").asText()).endsWith("/invalid-cursor"));
        assertThat(json(tooMany).path("field").asText()).isEqualTo("limit");
    }

    @Test
    void shouldShowTheOrderWithItsSummary_whenTheTenantOrTheCustomerAsks() {
        String orderId = unique("ord-");
        var a = seed.shipment(tenantX, orderId, customerA).with("status", "DELIVERED").with("milestone", "DELIVERED").save();
        var b = seed.shipment(tenantX, orderId, customerA).save();
        seed.order(tenantX, orderId, customerA, Instant.now(), List.of(a.id, b.id));

        var forTenant = json(call(route("GET /v1/orders/{orderId}").path("orderId", orderId).apiKey(keyX)));
        JsonNode mine = json(call(route("GET /v1/me/orders").customer(customerA))).path("items");
        String ref = texts(mine, "id").get(texts(mine, "orderId").indexOf(orderId));
        var forCustomer = json(call(route("GET /v1/me/orders/{orderId}").path("orderId", ref).customer(customerA)));

        assertThat(forTenant.path("summary").path("text").asText()).isEqualTo("1 of 2 delivered");
        assertThat(forTenant.path("shipments")).hasSize(2);
        assertThat(forCustomer.path("orderId").asText()).isEqualTo(orderId);
        assertThat(forCustomer.path("shipments").findValuesAsText("id")).containsExactlyInAnyOrder(a.id, b.id);
    }

    // ------------------------------------------------------------------ address changes

    @Test
    void shouldChangeTheAddressAndRecordIt_whenTheCarrierDoesNotHaveThePackageYet() {
        var shipment = seed.shipment(tenantX, unique("o-"), customerA)
                .with("status", "LABEL_CREATED").with("milestone", "LABEL_CREATED").save();

        var response = call(route("PUT /v1/me/shipments/{id}/delivery-address").path("id", shipment.id).customer(customerA).body(ADDRESS));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("deliveryAddress").path("city").asText()).isEqualTo("Shelbyville");
        var item = seed.get(key(shipment.id));
        assertThat(item.get("deliveryAddress").m().get("city").s()).isEqualTo("Shelbyville");
        assertThat(item.get("version").n()).isEqualTo("4");
        assertThat(item.get("addressChanges").l()).hasSize(1);
        assertThat(item.get("addressChanges").l().get(0).m().get("previous").m().get("city").s()).isEqualTo("Springfield");
    }

    @Test
    void shouldAnswer409PointingToSupport_whenTheCarrierHasThePackage() {
        var shipment = seed.shipment(tenantX, unique("o-"), customerA).save();
        var before = seed.get(key(shipment.id));

        var response = call(route("PUT /v1/me/shipments/{id}/delivery-address").path("id", shipment.id).customer(customerA).body(ADDRESS));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(response).path("type").asText()).endsWith("/address-change-closed");
        assertThat(json(response).path("support").asText()).isEqualTo("POST /v1/me/shipments/{id}/issues");
        assertThat(seed.get(key(shipment.id))).isEqualTo(before);
    }

    @Test
    void shouldNameTheField_whenAnAddressIsInvalid() {
        var shipment = seed.shipment(tenantX, unique("o-"), customerA).with("milestone", "LABEL_CREATED").save();

        var response = call(route("PUT /v1/me/shipments/{id}/delivery-address").path("id", shipment.id).customer(customerA)
                .body(ADDRESS.replace("\"US\"", "\"USA\"")));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo("deliveryAddress.country");
    }

    // ------------------------------------------------------------------ problem reports

    @Test
    void shouldOpenOneCaseWithEvidenceAndTellSupport_whenDeliveredPackageIsNotReceived() {
        var shipment = seed.shipment(tenantX, unique("o-"), customerA).with("status", "DELIVERED").with("milestone", "DELIVERED")
                .with("terminal", AttributeValue.fromBool(true))
                .with("statusOccurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(10).toString()).save();
        seed.scan(shipment.id, OffsetDateTime.now(ZoneOffset.UTC).minusDays(10), "DELIVERED", "Springfield", "Delivered, front door");

        var opened = call(route("POST /v1/me/shipments/{id}/issues").path("id", shipment.id).customer(customerA)
                .body("{\"type\":\"NOT_RECEIVED\",\"description\":\"Nothing at the door\"}"));
        var again = call(route("POST /v1/me/shipments/{id}/issues").path("id", shipment.id).customer(customerA).body("{\"type\":\"NOT_RECEIVED\"}"));

        assertThat(opened.getStatusCode()).isEqualTo(201);
        JsonNode c = json(opened);
        assertThat(c.path("evidence").path("status").asText()).isEqualTo("DELIVERED");
        assertThat(c.path("evidence").path("lastScans").get(0).path("description").asText()).isEqualTo("Delivered, front door");
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(json(again).path("caseId").asText()).isEqualTo(c.path("id").asText());
        var stored = seed.get(Map.of("PK", AttributeValue.fromS("SHIP#" + shipment.id), "SK", AttributeValue.fromS("CASE#" + c.path("id").asText())));
        assertThat(stored.get("evidence").m().get("status").s()).isEqualTo("DELIVERED");
        assertThat(cloud.supportMessages()).anySatisfy(m -> assertThat(m).contains(c.path("id").asText(), "CASE_OPENED", tenantX));
    }

    @Test
    void shouldAnswer422_whenTheIssueDoesNotFitTheTrackingState() {
        var moving = seed.shipment(tenantX, unique("o-"), customerA).save();
        var deliveredLongAgo = seed.shipment(tenantX, unique("o-"), customerA).with("status", "DELIVERED").with("milestone", "DELIVERED")
                .with("statusOccurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(31).toString()).save();
        var deliveredRecently = seed.shipment(tenantX, unique("o-"), customerA).with("status", "DELIVERED").with("milestone", "DELIVERED")
                .with("statusOccurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).toString()).save();

        var responses = List.of(
                report(moving.id, "NOT_RECEIVED"), report(deliveredLongAgo.id, "NOT_RECEIVED"),
                report(deliveredRecently.id, "LOST"), report(deliveredRecently.id, "DELAYED"));

        assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(422));
        assertThat(report(moving.id, "LOST").getStatusCode()).isEqualTo(201);
        assertThat(report(deliveredRecently.id, "DAMAGED").getStatusCode()).isEqualTo(201);
        assertThat(json(report(moving.id, "EXPLODED")).path("field").asText()).isEqualTo("type");
    }

    // ------------------------------------------------------------------ preferences

    @Test
    void shouldSubscribeAndUnsubscribeTheEmail_whenEmailAlertsAreTurnedOnAndOff() {
        String customer = unique("cust-mail-");
        assertThat(json(call(route("GET /v1/me/notification-preferences").customer(customer))).path("channels").get(0).asText()).isEqualTo("SMS");

        var on = call(route("PUT /v1/me/notification-preferences").customer(customer).body("""
                {"channels":["SMS","EMAIL"],"alerts":["DELIVERED","EXCEPTION"],"quietHours":{"start":"21:00","end":"07:00"},
                 "timeZone":"Europe/Paris","email":"carol@example.com"}"""));
        String arn = seed.get(Map.of("PK", AttributeValue.fromS("CUSTOMER#" + customer), "SK", AttributeValue.fromS("PREFERENCES")))
                .get("emailSubscriptionArn").s();
        var policy = cloud.sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes().get("FilterPolicy");
        var off = call(route("PUT /v1/me/notification-preferences").customer(customer).body("{\"channels\":[\"SMS\"],\"alerts\":[\"DELIVERED\"]}"));

        assertThat(on.getStatusCode()).isEqualTo(200);
        assertThat(json(on).path("emailSubscribed").asBoolean()).isTrue();
        assertThat(json(on).path("quietHours").path("start").asText()).isEqualTo("21:00");
        assertThat(json(on).path("language").isNull()).isTrue();
        assertThat(readTree(policy)).isEqualTo(readTree("{\"customerId\":[\"" + customer + "\"]}"));
        assertThat(json(off).path("emailSubscribed").asBoolean()).isFalse();
        assertThat(cloud.sns.listSubscriptionsByTopic(b -> b.topicArn(cloud.emailTopicArn)).subscriptions())
                .noneMatch(s -> s.subscriptionArn().equals(arn));
    }

    @Test
    void shouldAnswer429WithRetryAfterAndSubscribeNoMore_whenEmailIsTurnedOnMoreThanThreeTimesADay() {
        // given (issue 16, finding 6) email turned on and off three times, with a new address each time
        String customer = unique("cust-churn-");
        for (int i = 1; i <= 3; i++) {
            var on = call(route("PUT /v1/me/notification-preferences").customer(customer).body(
                    "{\"channels\":[\"EMAIL\"],\"alerts\":[\"DELIVERED\"],\"email\":\"churn" + i + "@example.com\"}"));
            var off = call(route("PUT /v1/me/notification-preferences").customer(customer).body("{\"channels\":[\"SMS\"],\"alerts\":[\"DELIVERED\"]}"));
            assertThat(on.getStatusCode()).isEqualTo(200);
            assertThat(off.getStatusCode()).isEqualTo(200);
        }

        // when email is turned on a fourth time that UTC day
        var fourth = call(route("PUT /v1/me/notification-preferences").customer(customer).body(
                "{\"channels\":[\"EMAIL\"],\"alerts\":[\"DELIVERED\"],\"email\":\"churn4@example.com\"}"));

        // then 429 problem+json with Retry-After, no subscription of the fourth address, and the preferences still "SMS"
        assertThat(fourth.getStatusCode()).isEqualTo(429);
        assertThat(fourth.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(Long.parseLong(fourth.getHeaders().get("retry-after"))).isBetween(1L, 86_400L);
        assertThat(json(fourth).path("type").asText()).isEqualTo("https://trackline.dev/problems/too-many-requests");
        assertThat(cloud.sns.listSubscriptionsByTopic(b -> b.topicArn(cloud.emailTopicArn)).subscriptions())
                .noneMatch(sub -> sub.endpoint().equals("churn4@example.com"));
        assertThat(json(call(route("GET /v1/me/notification-preferences").customer(customer))).path("channels").get(0).asText())
                .isEqualTo("SMS");
    }

    @Test
    void shouldKeepTheCustomersLanguageUntilReplaced_whenPreferencesNameOne() {
        String customer = unique("cust-lang-");

        var spanish = call(route("PUT /v1/me/notification-preferences").customer(customer).body(
                "{\"channels\":[\"SMS\"],\"alerts\":[\"DELIVERED\"],\"language\":\"es\"}"));
        var read = json(call(route("GET /v1/me/notification-preferences").customer(customer)));
        var none = call(route("PUT /v1/me/notification-preferences").customer(customer).body("{\"channels\":[\"SMS\"],\"alerts\":[\"DELIVERED\"]}"));

        assertThat(spanish.getStatusCode()).as(spanish.getBody()).isEqualTo(200);
        assertThat(read.path("language").asText()).isEqualTo("es");
        assertThat(json(none).path("language").isNull()).isTrue();
        assertThat(seed.get(Map.of("PK", AttributeValue.fromS("CUSTOMER#" + customer), "SK", AttributeValue.fromS("PREFERENCES"))))
                .doesNotContainKey("language");
    }

    @Test
    void shouldNameTheField_whenPreferencesAreInvalid() {
        String customer = unique("cust-bad-");
        Map<String, String> cases = Map.of(
                "{\"channels\":[\"SMS\"],\"alerts\":[\"DELIVERED\"],\"timeZone\":\"Mars/Olympus\"}", "timeZone",
                "{\"channels\":[\"SMS\"],\"alerts\":[\"DELIVERED\"],\"quietHours\":{\"start\":\"9pm\",\"end\":\"07:00\"}}", "quietHours.start",
                "{\"channels\":[\"SMS\"],\"alerts\":[\"BIRTHDAY\"]}", "alerts",
                "{\"channels\":[\"PIGEON\"],\"alerts\":[]}", "channels",
                "{\"channels\":[\"SMS\"],\"alerts\":[],\"language\":\"fr\"}", "language",
                "{\"channels\":[\"EMAIL\"],\"alerts\":[]}", "email");
        cases.forEach((body, field) -> {
            var response = call(route("PUT /v1/me/notification-preferences").customer(customer).body(body));
            assertThat(response.getStatusCode()).as(body).isEqualTo(400);
            assertThat(json(response).path("field").asText()).as(body).isEqualTo(field);
        });
    }

    // ------------------------------------------------------------------ notifications, public tracking, search

    @Test
    void shouldPageTheNotificationsNewestFirst_whenTheOwningTenantAsks() {
        var shipment = seed.shipment(tenantX, unique("o-"), customerA).save();
        Instant now = Instant.now();
        seed.notification(shipment.id, now.minusSeconds(300), "SENT", "default alert");
        seed.notification(shipment.id, now.minusSeconds(200), "SUPPRESSED", "quiet hours");
        seed.notification(shipment.id, now.minusSeconds(100), "SENT", "default alert");

        var first = json(call(route("GET /v1/shipments/{id}/notifications").path("id", shipment.id).query("limit", "2").apiKey(keyX)));
        var second = json(call(route("GET /v1/shipments/{id}/notifications").path("id", shipment.id)
                .query("cursor", first.path("nextCursor").asText()).apiKey(keyX)));
        var stolen = call(route("GET /v1/shipments/{id}/notifications").path("id", shipment.id)
                .query("cursor", first.path("nextCursor").asText()).apiKey(keyY));

        assertThat(first.path("items").findValuesAsText("reason")).containsExactly("default alert", "quiet hours");
        assertThat(second.path("items").findValuesAsText("state")).containsExactly("SENT");
        assertThat(stolen.getStatusCode()).isEqualTo(400);
    }

    @Test
    void shouldShowProgressWithoutPersonalData_whenAnyoneTracksPublicly() {
        var shipment = seed.shipment(tenantX, unique("o-"), customerA).save();
        seed.scan(shipment.id, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), "IN_TRANSIT", "Springfield", "Signed by ALICE at 62701");

        var response = call(route("GET /v1/track/{carrier}/{trackingNumber}").path("carrier", "UPS").path("trackingNumber", shipment.trackingNumber().toLowerCase()));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).doesNotContainIgnoringCase("alice").doesNotContain("62701", "+1415", "Main St", shipment.id, customerA, tenantX);
        assertThat(json(response).path("events").get(0).path("location").path("city").asText()).isEqualTo("Springfield");
        assertThat(call(route("GET /v1/track/{carrier}/{trackingNumber}").path("carrier", "ups").path("trackingNumber", "NOSUCHPACKAGE1")).getStatusCode()).isEqualTo(404);
    }

    @Test
    void shouldTrackTheOldestRegistrationPublicly_andAYoungerOneOnceTtlRemovedTheOldest() {
        // given one package registered by tenant X, then by tenant Y, each shipment with its own scan
        var older = seed.shipment(tenantX, unique("o-"), customerA).registeredAt(Instant.now().minusSeconds(7200)).save();
        var newer = seed.shipment(tenantY, unique("o-"), customerB)
                .with("trackingNumber", older.trackingNumber()).with("GSI1PK", older.item.get("GSI1PK"))
                .registeredAt(Instant.now().minusSeconds(60)).save();
        seed.scan(older.id, OffsetDateTime.now(ZoneOffset.UTC).minusHours(3), "IN_TRANSIT", "Joliet", "Departed");
        seed.scan(newer.id, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), "IN_TRANSIT", "Peoria", "Departed");
        var publicRoute = route("GET /v1/track/{carrier}/{trackingNumber}").path("carrier", "ups").path("trackingNumber", older.trackingNumber());

        // when
        var whileBothExist = json(call(publicRoute));
        cloud.dynamo.deleteItem(b -> b.tableName(Cloud.TABLE).key(key(older.id)));
        var afterTtl = json(call(publicRoute));

        // then the oldest registration (the fullest history: a later one gets only the scans after it) is shown
        assertThat(whileBothExist.path("events").findValuesAsText("city")).containsExactly("Joliet");
        assertThat(afterTtl.path("events").findValuesAsText("city")).containsExactly("Peoria");
    }

    @Test
    void shouldShowTheSameCarrierFactsPublicly_whenAnotherTenantRegistersThePackageWithHostileValues() {
        // given tenant X's package with a scan, tracked publicly
        var shipment = seed.shipment(tenantX, unique("o-"), customerA).save();
        seed.scan(shipment.id, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), "IN_TRANSIT", "Springfield", "Departed");
        var publicRoute = route("GET /v1/track/{carrier}/{trackingNumber}").path("carrier", "ups").path("trackingNumber", shipment.trackingNumber());
        var before = call(publicRoute);
        String promised = LocalDate.now(ZoneOffset.UTC).plusDays(400).toString();

        // when tenant Y registers it with a hostile value in every field a tenant owns (and once with a 2020 promise)
        var hijack = call(route("POST /v1/shipments").apiKey(keyY).body("""
                {"orderId":"HIJACKED-ORDER","customerId":"hijacker-customer","carrier":"UPS","trackingNumber":"%s",
                 "service":"HIJACKED","promisedDeliveryDate":"%s",
                 "deliveryAddress":{"name":"Mallory Hijacker","line1":"666 Hijack Lane","city":"Hijackville",
                   "region":"HJ","postalCode":"66666","country":"AQ"},
                 "contact":{"email":"mallory@hijack.example","phone":"+14155556666"}}"""
                .formatted(shipment.trackingNumber(), promised)));
        var hijack2020 = call(route("POST /v1/shipments").apiKey(keyY).body("""
                {"orderId":"HIJACKED-2020","customerId":"hijacker-customer","carrier":"ups","trackingNumber":"%s",
                 "service":"HIJACKED","promisedDeliveryDate":"2020-01-01"}""".formatted(shipment.trackingNumber())));
        var after = call(publicRoute);

        // then the public answer is byte-identical and carries none of Y's values
        assertThat(hijack.getStatusCode()).isEqualTo(201);
        assertThat(hijack2020.getStatusCode()).isIn(200, 400);
        assertThat(after.getStatusCode()).isEqualTo(200);
        assertThat(after.getBody()).isEqualTo(before.getBody());
        assertThat(after.getBody()).doesNotContain("HIJACKED", "hijacker-customer", "Mallory", "Hijack", "66666",
                "mallory@hijack.example", "+14155556666", promised, "2020-01-01", json(hijack).path("id").asText(),
                "\"service\"", "\"promised\"", "\"expected\"");
        assertThat(json(after).path("events").findValuesAsText("city")).containsExactly("Springfield");
    }

    @Test
    void shouldFindTheTenantsShipmentWithHistory_whenSearchedByCarrierAndTrackingNumber() {
        var shipment = seed.shipment(tenantX, unique("o-"), customerA).save();
        seed.scan(shipment.id, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), "IN_TRANSIT", "Springfield", "Departed");

        var found = json(call(route("GET /v1/shipments").query("carrier", "UPS").query("trackingNumber", shipment.trackingNumber().toLowerCase()).apiKey(keyX)));

        assertThat(found.path("items")).hasSize(1);
        assertThat(found.path("items").get(0).path("id").asText()).isEqualTo(shipment.id);
        assertThat(found.path("items").get(0).path("events")).hasSize(1);
    }

    // ------------------------------------------------------------------ protocol

    @Test
    void shouldAnswerProblems_whenTheRequestItselfIsWrong() {
        var tooLarge = call(route("POST /v1/shipments").apiKey(keyX).body("{\"orderId\":\"" + "x".repeat(20_000) + "\"}"));
        var notJson = call(route("POST /v1/shipments").apiKey(keyX).header("content-type", "text/plain").body("hello"));
        var broken = call(route("POST /v1/shipments").apiKey(keyX).body("{\"orderId\":"));
        var twice = call(route("POST /v1/shipments").apiKey(keyX)
                .body("{\"orderId\":\"o-1\",\"orderId\":\"o-2\",\"customerId\":\"c\",\"carrier\":\"ups\",\"trackingNumber\":\"1Z12345678\"}"));
        var hugeId = call(route("GET /v1/shipments/{id}").path("id", "x".repeat(5000)).apiKey(keyX));
        var unknownRoute = handler.handleRequest(route("DELETE /v1/shipments/{id}").path("id", "x").build(), null);
        var document = call(route("GET /v1/openapi.json"));

        assertThat(tooLarge.getStatusCode()).isEqualTo(413);
        assertThat(notJson.getStatusCode()).isEqualTo(415);
        assertThat(json(broken).path("type").asText()).endsWith("/malformed-body");
        assertThat(json(twice).path("type").asText()).endsWith("/malformed-body");
        assertThat(hugeId.getStatusCode()).isEqualTo(404);
        assertThat(unknownRoute.getStatusCode()).isEqualTo(404);
        assertThat(unknownRoute.getHeaders().get("content-type")).isEqualTo("application/problem+json");
        assertThat(json(document).path("openapi").asText()).isEqualTo("3.1.0");
    }

    // ------------------------------------------------------------------ helpers

    private static final String ADDRESS = """
            {"name":"Alice Example","line1":"742 Evergreen Terrace","city":"Shelbyville","region":"IL","postalCode":"62565","country":"US"}""";

    private APIGatewayV2HTTPResponse report(String shipmentId, String type) {
        return call(route("POST /v1/me/shipments/{id}/issues").path("id", shipmentId).customer(customerA).body("{\"type\":\"" + type + "\"}"));
    }

    private APIGatewayV2HTTPResponse call(Requests request) {
        var event = request.build();
        return call(event.getRouteKey(), event);
    }

    /** Every response of these tests is also checked against the OpenAPI document. */
    private APIGatewayV2HTTPResponse call(String routeKey, com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent event) {
        var response = handler.handleRequest(event, null);
        assertThat(OpenApiContract.violations(routeKey, response)).as(routeKey + " " + response.getBody()).isEmpty();
        return response;
    }

    private static List<String> texts(JsonNode array, String field) {
        var values = new java.util.ArrayList<String>();
        array.forEach(element -> values.add(element.path(field).asText()));
        return values;
    }

    private static Map<String, AttributeValue> key(String shipmentId) {
        return Map.of("PK", AttributeValue.fromS("SHIP#" + shipmentId), "SK", AttributeValue.fromS("SHIPMENT"));
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return readTree(response.getBody());
    }

    private static JsonNode readTree(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
