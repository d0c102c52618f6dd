package io.trackline.engine.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DueKeysTest {
    private static final String STORED = TrackingTable.dueSk(Instant.parse("2026-03-04T08:00:00Z"));
    private static final String SOONER = TrackingTable.dueSk(Instant.parse("2026-03-03T12:00:00Z"));
    private static final String LATER = TrackingTable.dueSk(Instant.parse("2026-03-05T08:00:00Z"));

    @Test
    void shouldSayTheKeyMustMove_whenTheNextCheckIsSoonerThanTheKeyReadAtThatVersion() {
        // given a shipment read at version 3 with its due key
        DueKeys keys = read("shp_1", 3, STORED);
        // when its save at version 3 needs a sooner check, then the key must move
        assertThat(keys.mustMove("shp_1", 3, SOONER)).isTrue();
    }

    @Test
    void shouldNotSayTheKeyMustMove_whenTheKeyIsSoonEnoughOrUnknown() {
        // given a shipment read at version 3
        // then a later check keeps the key, another version or an unread shipment is not known, and a hint is used once
        assertThat(read("shp_1", 3, STORED).mustMove("shp_1", 3, LATER)).isFalse();
        assertThat(read("shp_1", 3, STORED).mustMove("shp_1", 4, SOONER)).isFalse();
        assertThat(read("shp_1", 3, STORED).mustMove("shp_2", 3, SOONER)).isFalse();
        DueKeys keys = read("shp_1", 3, STORED);
        keys.mustMove("shp_1", 3, LATER);
        assertThat(keys.mustMove("shp_1", 3, SOONER)).isFalse();
    }

    @Test
    void shouldSayTheKeyMustMove_whenItIsMissingOrTheShipmentIsNoLongerDue() {
        assertThat(read("shp_1", 3, null).mustMove("shp_1", 3, LATER)).isTrue();
        assertThat(read("shp_1", 3, STORED).mustMove("shp_1", 3, null)).isTrue();
    }

    private static DueKeys read(String id, long version, String dueSk) {
        DueKeys keys = new DueKeys();
        var item = new java.util.HashMap<>(Map.of("version", AttributeValue.fromN(Long.toString(version))));
        if (dueSk != null) item.put("GSI3SK", AttributeValue.fromS(dueSk));
        keys.read(id, item);
        return keys;
    }
}
