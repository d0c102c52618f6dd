package io.trackline.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * moto with Trackline's repair of TransactWriteItems (sitecustomize.py, README "Local cloud"): a transaction backs up
 * only the items it names, and still does exactly what DynamoDB does: all its writes or none, and no stream record of
 * a cancelled one.
 */
class MotoTransactionsIT {
    private static Emulator moto;
    private static DynamoDbClient dynamoDb;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void start() {
        moto = Emulator.start();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulator.DEMO_ACCESS_KEY, Emulator.DEMO_ACCESS_KEY));
        dynamoDb = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        dynamoDb.createTable(b -> b.tableName("T").billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        dynamoDb.createTable(b -> b.tableName("H").billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
        put("T", Map.of("pk", s("P"), "sk", s("1"), "v", n("1")));
        put("H", Map.of("pk", s("K"), "v", n("1")));
    }

    @AfterAll
    static void stop() {
        streams.close();
        dynamoDb.close();
        moto.close();
    }

    @Test
    void aCancelledTransactionLeavesEveryItemAndTheStreamAsTheyWere() {
        int records = streamRecords();

        assertThatThrownBy(() -> dynamoDb.transactWriteItems(b -> b.transactItems(
                newItem("T", Map.of("pk", s("NEW"), "sk", s("1"))),
                setV("T", Map.of("pk", s("P"), "sk", s("1")), "7"),
                setV("H", Map.of("pk", s("K")), "7"),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("H").key(Map.of("pk", s("ABSENT")))
                        .conditionExpression("attribute_exists(pk)")).build())))
                .isInstanceOf(TransactionCanceledException.class);

        assertThat(item("T", Map.of("pk", s("NEW"), "sk", s("1")))).isEmpty();
        assertThat(item("T", Map.of("pk", s("P"), "sk", s("1")))).containsEntry("v", n("1"));
        assertThat(item("H", Map.of("pk", s("K")))).containsEntry("v", n("1"));
        assertThat(streamRecords()).isEqualTo(records);
    }

    @Test
    void aTransactionThatSucceedsWritesEveryItemAndItsStreamRecords() {
        int records = streamRecords();

        dynamoDb.transactWriteItems(b -> b.transactItems(
                newItem("T", Map.of("pk", s("OK"), "sk", s("1"))),
                setV("H", Map.of("pk", s("OTHER")), "3")));

        assertThat(item("T", Map.of("pk", s("OK"), "sk", s("1")))).isNotEmpty();
        assertThat(item("H", Map.of("pk", s("OTHER")))).containsEntry("v", n("3"));
        assertThat(streamRecords()).isEqualTo(records + 1);
    }

    @Test
    void aRefusedTransactionNamingOneItemTwiceChangesNothing() {
        assertThatThrownBy(() -> dynamoDb.transactWriteItems(b -> b.transactItems(
                setV("T", Map.of("pk", s("P"), "sk", s("1")), "8"),
                setV("T", Map.of("pk", s("P"), "sk", s("1")), "9"))))
                .hasMessageContaining("multiple operations");

        assertThat(item("T", Map.of("pk", s("P"), "sk", s("1")))).containsEntry("v", n("1"));
    }

    private static TransactWriteItem newItem(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")).build();
    }

    private static TransactWriteItem setV(String table, Map<String, AttributeValue> key, String value) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", n(value)))).build();
    }

    private static void put(String table, Map<String, AttributeValue> item) {
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> item(String table, Map<String, AttributeValue> key) {
        return dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
    }

    private static int streamRecords() {
        String arn = dynamoDb.describeTable(b -> b.tableName("T")).table().latestStreamArn();
        String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().getFirst().shardId();
        String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        int count = 0;
        while (true) {
            String from = iterator;
            var page = streams.getRecords(b -> b.shardIterator(from).limit(1000));
            if (page.records().isEmpty()) return count;
            count += page.records().size();
            iterator = page.nextShardIterator();
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    /** The repair is what runs: moto says so in its log as it starts (else every test above would pass on plain moto). */
    @Test
    void motoRunsWithTheRepair() {
        assertThat(moto.log()).contains("trackline: moto's TransactWriteItems backs up the items it names");
    }
}
