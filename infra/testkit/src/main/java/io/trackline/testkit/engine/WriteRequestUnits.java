package io.trackline.testkit.engine;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The write request units DynamoDB on-demand bills for one item written (moto bills nothing), from the item as it was
 * before and after the write:
 * <ul>
 *   <li>base table: 1 unit per started KB of the larger of the item before and after and the item attempted (a delete:
 *       the item deleted; a failed conditional write still costs its item); twice that inside a transaction, condition
 *       checks included;</li>
 *   <li>each GSI, with the projections the table really has (DescribeTable): nothing if the item's index entry did not
 *       change; its size if the entry appeared, disappeared or changed in place; both sizes if its index key moved (a
 *       delete and a put).</li>
 * </ul>
 * Units are returned by the kind of item written (the sort key's prefix up to its first {@code #}), and kind plus index name: where the cost goes.
 */
public final class WriteRequestUnits {
    private record Index(String name, String pk, String sk, ProjectionType projection, List<String> included) {
    }

    private final List<String> tableKeys;
    private final String sortKey;
    private final List<Index> indexes = new ArrayList<>();

    /** The table's keys and indexes, as DescribeTable gives them. */
    public WriteRequestUnits(DynamoDbClient dynamo, String table) {
        var description = dynamo.describeTable(b -> b.tableName(table)).table();
        this.tableKeys = description.keySchema().stream().map(k -> k.attributeName()).toList();
        this.sortKey = description.keySchema().stream().filter(k -> k.keyType() == KeyType.RANGE).findFirst().orElseThrow().attributeName();
        for (GlobalSecondaryIndexDescription i : description.globalSecondaryIndexes()) {
            String pk = i.keySchema().stream().filter(k -> k.keyType() == KeyType.HASH).findFirst().orElseThrow().attributeName();
            String sk = i.keySchema().stream().filter(k -> k.keyType() == KeyType.RANGE).findFirst().orElseThrow().attributeName();
            indexes.add(new Index(i.indexName(), pk, sk, i.projection().projectionType(),
                    i.projection().hasNonKeyAttributes() ? i.projection().nonKeyAttributes() : List.of()));
        }
    }

    /** The table's key attributes of an item. */
    public Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>();
        for (String name : tableKeys) key.put(name, item.get(name));
        return key;
    }

    /**
     * Units of one item written, by kind.
     *
     * @param before    the item before the write (null: none)
     * @param after     the item after it (null: none; the item before when the write failed)
     * @param attempted the item a put sent (empty for other writes)
     * @param factor    2 inside a transaction, else 1
     * @param succeeded whether the write happened (a failed one costs its base-table units only)
     */
    public Map<String, Double> units(Map<String, AttributeValue> key, Map<String, AttributeValue> before,
                                     Map<String, AttributeValue> after, Map<String, AttributeValue> attempted, int factor,
                                     boolean succeeded) {
        Map<String, Double> units = new LinkedHashMap<>();
        String kind = kind(key);
        units.put(kind, (double) factor * kb(Math.max(Math.max(ItemSize.of(before), ItemSize.of(after)), ItemSize.of(attempted))));
        if (!succeeded) return units;
        for (Index index : indexes) {
            Map<String, AttributeValue> from = entry(index, before);
            Map<String, AttributeValue> to = entry(index, after);
            if (Objects.equals(from, to)) continue;
            double cost;
            if (from == null) cost = kb(ItemSize.of(to));
            else if (to == null) cost = kb(ItemSize.of(from));
            else if (!from.get(index.pk()).equals(to.get(index.pk())) || !from.get(index.sk()).equals(to.get(index.sk()))) {
                cost = kb(ItemSize.of(from)) + kb(ItemSize.of(to));
            } else cost = kb(Math.max(ItemSize.of(from), ItemSize.of(to)));
            units.merge(kind + " " + index.name(), cost, Double::sum);
        }
        return units;
    }

    private String kind(Map<String, AttributeValue> key) {
        AttributeValue value = key.get(sortKey);
        String sk = value == null || value.s() == null ? "?" : value.s();
        int hash = sk.indexOf('#');
        return hash < 0 ? sk : sk.substring(0, hash);
    }

    /** The item's entry in an index: null if it lacks a key attribute of the index. */
    private Map<String, AttributeValue> entry(Index index, Map<String, AttributeValue> item) {
        if (item == null || !item.containsKey(index.pk()) || !item.containsKey(index.sk())) return null;
        if (index.projection() == ProjectionType.ALL) return item;
        Map<String, AttributeValue> entry = new HashMap<>();
        List<String> names = new ArrayList<>(tableKeys);
        names.add(index.pk());
        names.add(index.sk());
        if (index.projection() == ProjectionType.INCLUDE) names.addAll(index.included());
        for (String name : names) if (item.containsKey(name)) entry.put(name, item.get(name));
        return entry;
    }

    private static int kb(int bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }
}
