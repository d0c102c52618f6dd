package io.trackline.local.bench.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoUnitsTest {
    @Test
    void a_read_is_one_unit_per_started_4_kb_and_half_that_when_eventually_consistent() {
        assertThat(DynamoUnits.readUnits(0, true)).isEqualTo(1.0);
        assertThat(DynamoUnits.readUnits(4096, true)).isEqualTo(1.0);
        assertThat(DynamoUnits.readUnits(4097, true)).isEqualTo(2.0);
        assertThat(DynamoUnits.readUnits(4097, false)).isEqualTo(1.0);
        assertThat(DynamoUnits.readUnits(10, false)).isEqualTo(0.5);
    }

    @Test
    void an_item_in_dynamodb_json_becomes_the_sdk_model() throws Exception {
        var json = new ObjectMapper().readTree("""
                {"PK": {"S": "SHIPMENT#1"}, "version": {"N": "3"}, "tags": {"SS": ["a", "b"]}, "gone": {"NULL": true},
                 "ok": {"BOOL": false}, "events": {"L": [{"M": {"at": {"S": "x"}}}]}}""");

        Map<String, AttributeValue> item = DynamoUnits.item(json);

        assertThat(item).containsEntry("PK", AttributeValue.fromS("SHIPMENT#1")).containsEntry("version", AttributeValue.fromN("3"))
                .containsEntry("tags", AttributeValue.fromSs(List.of("a", "b"))).containsEntry("gone", AttributeValue.fromNul(true))
                .containsEntry("ok", AttributeValue.fromBool(false))
                .containsEntry("events", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("at", AttributeValue.fromS("x"))))));
    }
}
