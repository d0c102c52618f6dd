package io.trackline.api.adapter.dynamodb;

import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.api.application.address.DeliveryAddressChange;
import io.trackline.api.application.Refusal;
import io.trackline.api.http.ApiProblem;
import io.trackline.api.application.issues.Evidence;
import io.trackline.api.application.issues.IssueType;
import io.trackline.api.application.issues.ProblemCase;
import io.trackline.api.application.preferences.NotificationPreferences;
import io.trackline.api.application.registration.EngineShipmentRegistration;
import io.trackline.api.application.registration.RegistrationRequest;
import io.trackline.engine.dynamodb.DynamoDbShipments;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.TrackingNumber;
import io.trackline.testkit.api.Cloud;
import io.trackline.api.support.Seed;
import io.trackline.view.shipment.Address;
import io.trackline.view.shipment.AddressChange;
import io.trackline.aws.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.trackline.api.support.Seed.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The DynamoDB adapters against moto. Races are made deterministic with an SDK interceptor that lets the competing
 * writer (another registration, the processor) write just before the adapter's own request goes out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbAdaptersIT {
    /** Registration and the address change run on this clock: a day before the commands' promised date, whatever today is. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), java.time.ZoneOffset.UTC);
    private static final Address NEW_ADDRESS = new Address("Alice Example", "742 Evergreen Terrace", null, "Shelbyville", "IL", "62565", "US");
    private Cloud cloud;
    private Seed seed;

    @BeforeAll
    void startCloud() {
        cloud = new Cloud();
        seed = new Seed(cloud.dynamo, Cloud.TABLE);
    }

    @AfterAll
    void stopCloud() {
        cloud.close();
    }

    @Test
    void shouldCreateOneShipment_whenTwoRegistrationsOfThePackageRace() {
        // given a competing registration that commits just before ours
        var command = command(unique("tenant-"), "1Z" + unique("").toUpperCase());
        var competitor = registration(cloud.dynamo);
        var raced = new AtomicBoolean();
        try (DynamoDbClient racing = clientWith(new BeforeFirst(TransactWriteItemsRequest.class, raced, () -> competitor.register(command)))) {
            // when
            var ours = registration(racing).register(command);
            var again = competitor.register(command);

            // then both answers are the one shipment that exists
            assertThat(raced).isTrue();
            assertThat(ours.created()).isFalse();
            assertThat(ours.shipment().id()).isEqualTo(again.shipment().id());
            var queries = new DynamoDbTrackingQueries(cloud.dynamo, Cloud.TABLE);
            var byPackage = queries.registrations(Carrier.of("ups"), TrackingNumber.of(command.trackingNumber()));
            assertThat(byPackage).singleElement().satisfies(r -> {
                assertThat(r.tenantId()).isEqualTo(command.tenantId());
                assertThat(r.shipmentId()).isEqualTo(ours.shipment().id());
            });
            var shipment = queries.shipment(ours.shipment().id(), 0).orElseThrow();
            assertThat(shipment.version()).isZero();
            assertThat(shipment.status().name()).isEqualTo("UNKNOWN");
        }
    }

    @Test
    void shouldRegisterAgain_whenThePackagesEarlierShipmentWasRemovedByTtl() {
        // given a package registered once, whose shipment TTL has since removed (its claim is still there)
        var command = command(unique("tenant-"), "1Z" + unique("").toUpperCase());
        var registration = registration(cloud.dynamo);
        var expired = registration.register(command).shipment().id();
        cloud.dynamo.deleteItem(b -> b.tableName(Cloud.TABLE).key(TrackingTable.shipmentKey(expired)));

        // when
        var registered = registration.register(command);

        // then a new shipment takes the package over
        assertThat(registered.created()).isTrue();
        assertThat(registered.shipment().id()).isNotEqualTo(expired);
        assertThat(registration.register(command).shipment().id()).isEqualTo(registered.shipment().id());
    }

    @Test
    void shouldRefuseTheShipment_whenItsOrderBelongsToAnotherCustomer() {
        var first = command(unique("tenant-"), "1Z" + unique("").toUpperCase());
        var registration = registration(cloud.dynamo);
        registration.register(first);
        var other = new RegistrationRequest(first.tenantId(), first.orderId(), "someone-else", "ups", "1Z" + unique("").toUpperCase(),
                null, null, NEW_ADDRESS, null);

        assertThatThrownBy(() -> registration.register(other)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.ORDER_OF_ANOTHER_CUSTOMER));
        assertThat(new DynamoDbTrackingQueries(cloud.dynamo, Cloud.TABLE).registrations(Carrier.of("ups"), TrackingNumber.of(other.trackingNumber()))).isEmpty();
    }

    @Test
    void shouldRefuseTheShipment_whenItsOrderHoldsOneHundredAlready() {
        // given an order of 100 shipments: one registered, 99 more named on the order item
        var first = command(unique("tenant-"), "1Z" + unique("").toUpperCase());
        var registration = registration(cloud.dynamo);
        registration.register(first);
        var others = java.util.stream.IntStream.range(0, 99).mapToObj(i -> "shp_other" + i).toList();
        cloud.dynamo.updateItem(b -> b.tableName(Cloud.TABLE).key(TrackingTable.orderKey(first.tenantId(), first.orderId()))
                .updateExpression("ADD shipmentIds :ids").expressionAttributeValues(Map.of(":ids", AttributeValue.fromSs(others))));
        var oneMore = new RegistrationRequest(first.tenantId(), first.orderId(), first.customerId(), "ups", "1Z" + unique("").toUpperCase(),
                null, null, NEW_ADDRESS, null);

        // when / then
        assertThatThrownBy(() -> registration.register(oneMore)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(ApiProblem.of(r).problem().type()).endsWith("/order-full"));
        assertThat(new DynamoDbTrackingQueries(cloud.dynamo, Cloud.TABLE).registrations(Carrier.of("ups"), TrackingNumber.of(oneMore.trackingNumber()))).isEmpty();
        assertThat(seed.get(TrackingTable.orderKey(first.tenantId(), first.orderId())).get("shipmentIds").ss()).hasSize(100);
    }

    @Test
    void shouldKeepBothTheScanAndTheNewAddress_whenTheProcessorWritesBetweenReadAndChange() {
        // given a shipment before pickup, and a processor that applies a scan (conditional on version 3) just before our write
        var shipment = seed.shipment("tenant-x", unique("o-"), "alice").with("status", "UNKNOWN").without("milestone").save();
        var raced = new AtomicBoolean();
        Runnable processor = () -> cloud.dynamo.updateItem(b -> b.tableName(Cloud.TABLE).key(TrackingTable.shipmentKey(shipment.id))
                .updateExpression("SET #s = :label, milestone = :label, #v = #v + :one")
                .conditionExpression("#v = :three")
                .expressionAttributeNames(Map.of("#s", "status", "#v", "version"))
                .expressionAttributeValues(Map.of(":label", AttributeValue.fromS("LABEL_CREATED"), ":one", AttributeValue.fromN("1"),
                        ":three", AttributeValue.fromN("3"))));
        try (DynamoDbClient racing = clientWith(new BeforeFirst(UpdateItemRequest.class, raced, processor))) {
            var change = new DeliveryAddressChange(new DynamoDbTrackingQueries(racing, Cloud.TABLE),
                    new DynamoDbDeliveryAddresses(racing, Cloud.TABLE), CLOCK);

            // when
            var changed = change.change("alice", shipment.id, NEW_ADDRESS);

            // then the first write lost the race, the retry kept the scan's status and added the address
            assertThat(raced).isTrue();
            var item = seed.get(TrackingTable.shipmentKey(shipment.id));
            assertThat(item.get("status").s()).isEqualTo("LABEL_CREATED");
            assertThat(item.get("deliveryAddress").m().get("city").s()).isEqualTo("Shelbyville");
            assertThat(item.get("version").n()).isEqualTo("5");
            assertThat(item.get("addressChanges").l()).hasSize(1);
            assertThat(item.get("updatedAt").n()).as("epoch seconds, as the engine writes it").isNotBlank();
            assertThat(changed.version()).isEqualTo(5);
        }
    }

    @Test
    void shouldWriteNothing_whenTheVersionOrTheCustomerDoesNotMatch() {
        var shipment = seed.shipment("tenant-x", unique("o-"), "alice").save();
        var before = seed.get(TrackingTable.shipmentKey(shipment.id));
        var addresses = new DynamoDbDeliveryAddresses(cloud.dynamo, Cloud.TABLE);
        var change = new AddressChange(Instant.now(), null);

        assertThat(addresses.change(shipment.id, "alice", 2, NEW_ADDRESS, change)).isFalse();
        assertThat(addresses.change(shipment.id, "mallory", 3, NEW_ADDRESS, change)).isFalse();
        assertThat(seed.get(TrackingTable.shipmentKey(shipment.id))).isEqualTo(before);
    }

    @Test
    void shouldKeepOneOpenCasePerType_untilItIsWithdrawn() {
        var cases = new DynamoDbCases(cloud.dynamo, Cloud.TABLE);
        String shipmentId = unique("shp_");
        var first = problemCase(shipmentId, "case_1", IssueType.DAMAGED);

        assertThat(cases.open(first)).isEmpty();
        assertThat(cases.open(problemCase(shipmentId, "case_2", IssueType.DAMAGED))).contains("case_1");
        assertThat(cases.open(problemCase(shipmentId, "case_3", IssueType.LOST))).isEmpty();
        cases.withdraw(first);
        assertThat(cases.open(problemCase(shipmentId, "case_4", IssueType.DAMAGED))).isEmpty();
        assertThat(seed.get(TrackingTable.caseKey(shipmentId, "case_1"))).isEmpty();
        assertThat(seed.get(TrackingTable.caseKey(shipmentId, "case_4")).get("evidence").m().get("lastScans").l()).hasSize(1);
    }

    @Test
    void shouldStorePreferencesInTheSharedLayout_whenSaved() {
        var store = new DynamoDbPreferences(cloud.dynamo, Cloud.TABLE);
        var saved = new NotificationPreferences(List.of("SMS", "EMAIL"), List.of("DELIVERED"),
                new NotificationPreferences.QuietHours("21:00", "07:00"), "Europe/Paris", io.trackline.domain.Language.DE, "arn:sub",
                Instant.parse("2026-11-27T09:00:00Z"));

        store.save("carol", saved);

        assertThat(store.find("carol")).contains(saved);
        assertThat(store.find("nobody")).isEmpty();
        var item = seed.get(TrackingTable.preferencesKey("carol"));
        assertThat(item.get("channels").l()).extracting(AttributeValue::s).containsExactly("SMS", "EMAIL");
        assertThat(item.get("quietHours").m().get("start").s()).isEqualTo("21:00");
        assertThat(item.get("language").s()).isEqualTo("de");
    }

    @Test
    void shouldFindAndRevokeKeysByHashOnly_whenKeysAreAdded() {
        var keys = new DynamoDbApiKeys(cloud.dynamo, Cloud.TABLE);
        String hash = "a".repeat(64);

        keys.add(hash, "tenant-x", "warehouse", Instant.now());

        assertThat(keys.find(hash)).contains(new io.trackline.api.application.auth.ApiKeyRegistry.Registered("tenant-x", "warehouse", false));
        assertThat(keys.revoke(hash)).isTrue();
        assertThat(keys.find(hash).orElseThrow().revoked()).isTrue();
        assertThat(keys.revoke("b".repeat(64))).isFalse();
    }

    private static RegistrationRequest command(String tenant, String trackingNumber) {
        return new RegistrationRequest(tenant, unique("o-"), "alice", "ups", trackingNumber, "Ground", LocalDate.parse("2026-12-02"),
                NEW_ADDRESS, null);
    }

    private static ProblemCase problemCase(String shipmentId, String id, IssueType type) {
        return new ProblemCase(id, shipmentId, "tenant-x", "o-1", "alice", type, ProblemCase.OPEN, null, Instant.now(),
                new Evidence("IN_TRANSIT", "IN_TRANSIT", null, false, "2026-12-02", null, null,
                        List.of(new Evidence.Scan("IN_TRANSIT", "2026-11-27T08:00:00Z", "Departed", "Joliet", "US"))));
    }

    private DynamoDbClient clientWith(ExecutionInterceptor interceptor) {
        return new AwsClients(cloud.apiSettings(), List.of(interceptor)).dynamoDb();
    }

    /** Runs {@code competitor} once, just before the first request of {@code type} is sent. */
    private record BeforeFirst(Class<?> type, AtomicBoolean done, Runnable competitor) implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (type.isInstance(context.request()) && done.compareAndSet(false, true)) competitor.run();
        }
    }

    /** Registration as the API wires it: the tracking engine's use case on DynamoDB, read back through the queries. */
    private EngineShipmentRegistration registration(DynamoDbClient client) {
        var shipments = new DynamoDbShipments(client, Cloud.TABLE, TrackingPolicy.DEFAULT, CLOCK);
        var engine = new RegisterShipment(shipments, TrackingPolicy.DEFAULT,
                CLOCK, RegisterShipment::newShipmentId);
        return new EngineShipmentRegistration(engine, new DynamoDbTrackingQueries(client, Cloud.TABLE));
    }
}
