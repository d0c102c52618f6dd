package io.trackline.local.bench.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackline.emulator.Emulator;
import io.trackline.testkit.cloud.LocalAws;
import io.trackline.testkit.cloud.TemplateStack;
import io.trackline.testkit.engine.ItemSize;
import io.trackline.testkit.engine.WriteRequestUnits;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The request units DynamoDB on-demand would bill for recorded requests. moto bills nothing and answers
 * {@code ReturnConsumedCapacity} with a constant (1 per write, 0.5 per read, whatever the size), so the units are counted
 * from item sizes: the requests are replayed in the order moto received them on a fresh moto holding the table as it was
 * when the recording started, and measured there:
 * <ul>
 *   <li>reads, from the items each answer holds: GetItem 1 unit per started 4 KB of the item (an absent item still 1);
 *       Query and Scan the items' total size per started 4 KB; BatchGetItem each item on its own; half of that when
 *       eventually consistent; TransactGetItems twice, strongly consistent;</li>
 *   <li>writes, from the item before and after each write, read around it ({@link WriteRequestUnits}: 1 unit per
 *       started KB, twice in a transaction, plus each GSI entry written or removed).</li>
 * </ul>
 */
final class DynamoUnits {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Write(Map<String, AttributeValue> key, Map<String, AttributeValue> attempted, int factor) {
    }

    private final URI endpoint;
    private final String table;
    private final DynamoDbClient dynamo;
    private final WriteRequestUnits rules;
    private final HttpClient http = HttpClient.newHttpClient();
    private double read;
    private final Map<String, Double> written = new TreeMap<>();

    private DynamoUnits(URI endpoint, String table, DynamoDbClient dynamo) {
        this.endpoint = endpoint;
        this.table = table;
        this.dynamo = dynamo;
        this.rules = new WriteRequestUnits(dynamo, table);
    }

    /**
     * Units of a replay: reads, and writes by the kind of item written (and index); and how faithful the replay was: of
     * the table's {@code items} at the end (live or replayed), how many {@code differing} ended otherwise than live.
     */
    record Units(double read, Map<String, Double> writtenByKind, int items, int differing) {
        double written() {
            return writtenByKind.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /**
     * Replays {@code requests} (DynamoDB's, in the order received) on a fresh moto whose {@code table} holds {@code snapshot},
     * and compares the outcome with {@code live}, the table as the run left it.
     */
    static Units replay(Map<String, String> environment, String table, List<Map<String, AttributeValue>> snapshot,
                        List<AwsRequestLog.Request> requests, List<Map<String, AttributeValue>> live) {
        Map<String, String> env = new HashMap<>(environment);
        env.remove("AWS_ENDPOINT_URL");
        env.remove("TRACKLINE_EMULATOR");
        try (Emulator moto = Emulator.start(env); LocalAws aws = new LocalAws(moto.endpoint(), Emulator.DEFAULT_REGION)) {
            TemplateStack.provision(moto.endpoint(), "", Optional.empty());
            for (var item : snapshot) aws.dynamoDb().putItem(b -> b.tableName(table).item(item));
            DynamoUnits units = new DynamoUnits(moto.endpoint(), table, aws.dynamoDb());
            for (AwsRequestLog.Request request : requests) units.apply(request);
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> expected = byKey(units.rules, live);
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> replayed =
                    byKey(units.rules, aws.dynamoDb().scanPaginator(b -> b.tableName(table)).items().stream().toList());
            java.util.Set<Map<String, AttributeValue>> keys = new java.util.HashSet<>(expected.keySet());
            keys.addAll(replayed.keySet());
            int differing = (int) keys.stream().filter(k -> !java.util.Objects.equals(expected.get(k), replayed.get(k))).count();
            return new Units(units.read, Map.copyOf(units.written), keys.size(), differing);
        }
    }

    private static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> byKey(WriteRequestUnits rules,
                                                                                    List<Map<String, AttributeValue>> items) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> byKey = new HashMap<>();
        for (var item : items) byKey.put(rules.key(item), item);
        return byKey;
    }

    /** Read units of {@code bytes} read in one request: per started 4 KB, at least one; half when eventually consistent. */
    static double readUnits(long bytes, boolean consistent) {
        return Math.max(1, Math.ceil(bytes / 4096.0)) * (consistent ? 1 : 0.5);
    }

    private void apply(AwsRequestLog.Request request) {
        JsonNode body = request.json();
        switch (request.operation()) {
            case "GetItem" -> read += readUnits(size(send(request).path("Item")), body.path("ConsistentRead").asBoolean());
            case "Query", "Scan" -> {
                long bytes = 0;
                for (JsonNode item : send(request).path("Items")) bytes += size(item);
                read += readUnits(bytes, body.path("ConsistentRead").asBoolean());
            }
            case "BatchGetItem" -> send(request).path("Responses").fields().forEachRemaining(t -> {
                boolean consistent = body.path("RequestItems").path(t.getKey()).path("ConsistentRead").asBoolean();
                for (JsonNode item : t.getValue()) read += readUnits(size(item), consistent);
            });
            case "TransactGetItems" -> {
                for (JsonNode response : send(request).path("Responses")) read += 2 * readUnits(size(response.path("Item")), true);
            }
            case "PutItem" -> write(request, List.of(new Write(rules.key(item(body.path("Item"))), item(body.path("Item")), 1)));
            case "UpdateItem", "DeleteItem" -> write(request, List.of(new Write(item(body.path("Key")), Map.of(), 1)));
            case "TransactWriteItems" -> {
                List<Write> writes = new ArrayList<>();
                for (JsonNode each : body.path("TransactItems")) {
                    if (each.has("Put")) writes.add(new Write(rules.key(item(each.path("Put").path("Item"))), item(each.path("Put").path("Item")), 2));
                    for (String kind : List.of("Update", "Delete", "ConditionCheck")) {
                        if (each.has(kind)) writes.add(new Write(item(each.path(kind).path("Key")), Map.of(), 2));
                    }
                }
                write(request, writes);
            }
            case "BatchWriteItem" -> {
                List<Write> writes = new ArrayList<>();
                for (JsonNode each : body.path("RequestItems").path(table)) {
                    if (each.has("PutRequest")) {
                        var item = item(each.path("PutRequest").path("Item"));
                        writes.add(new Write(rules.key(item), item, 1));
                    }
                    if (each.has("DeleteRequest")) writes.add(new Write(item(each.path("DeleteRequest").path("Key")), Map.of(), 1));
                }
                write(request, writes);
            }
            default -> {
                // the control plane (DescribeTable, ...): no request units, and nothing to replay
            }
        }
    }

    private void write(AwsRequestLog.Request request, List<Write> writes) {
        List<Map<String, AttributeValue>> before = writes.stream().map(w -> current(w.key())).toList();
        boolean succeeded = status(request) == 200;
        for (int i = 0; i < writes.size(); i++) {
            Write w = writes.get(i);
            Map<String, AttributeValue> after = succeeded ? current(w.key()) : before.get(i);
            rules.units(w.key(), before.get(i), after, w.attempted(), w.factor(), succeeded)
                    .forEach((kind, units) -> written.merge(kind, units, Double::sum));
        }
    }

    private Map<String, AttributeValue> current(Map<String, AttributeValue> key) {
        var item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private JsonNode send(AwsRequestLog.Request request) {
        HttpResponse<byte[]> response = post(request);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("moto's answer to a replayed " + request.operation() + " is not JSON", e);
        }
    }

    private int status(AwsRequestLog.Request request) {
        return post(request).statusCode();
    }

    private HttpResponse<byte[]> post(AwsRequestLog.Request request) {
        HttpRequest.Builder replayed = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (String header : List.of("Content-Type", "X-Amz-Target", "Authorization")) {
            String value = request.headers().get(header);
            if (value != null) replayed.header(header, value);
        }
        try {
            return http.send(replayed.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("the replay's moto is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long size(JsonNode item) {
        return item.isMissingNode() || item.isNull() ? 0 : ItemSize.of(item(item));
    }

    /** An item (or key) in DynamoDB's JSON, as the SDK's model. */
    static Map<String, AttributeValue> item(JsonNode json) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        json.fields().forEachRemaining(e -> item.put(e.getKey(), value(e.getValue())));
        return item;
    }

    private static AttributeValue value(JsonNode typed) {
        var entry = typed.fields().next();
        JsonNode v = entry.getValue();
        return switch (entry.getKey()) {
            case "S" -> AttributeValue.fromS(v.asText());
            case "N" -> AttributeValue.fromN(v.asText());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode(v.asText())));
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" -> AttributeValue.fromSs(texts(v));
            case "NS" -> AttributeValue.fromNs(texts(v));
            case "BS" -> AttributeValue.fromBs(texts(v).stream()
                    .map(b -> SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode(b))).toList());
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                for (JsonNode element : v) list.add(value(element));
                yield AttributeValue.fromL(list);
            }
            case "M" -> AttributeValue.fromM(item(v));
            default -> throw new IllegalArgumentException("not a DynamoDB attribute type: " + entry.getKey());
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array) texts.add(element.asText());
        return texts;
    }
}
