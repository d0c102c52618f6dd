package io.trackline.local.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.trackline.testkit.template.TemplateException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventFilterTest {
    private static final String OUTBOX = "{\"dynamodb\": {\"NewImage\": {\"outbox\": {\"BS\": [{\"exists\": true}]}}}}";

    @Test
    void shouldPassOnlyRecordsWhoseNewImageHasAnOutbox_whenFilteringOnExists() {
        EventFilter filter = EventFilter.of(List.of(OUTBOX), "test");

        assertThat(filter.test(record(Map.of("outbox", new AttributeValue().withBS(List.of(ByteBuffer.wrap(new byte[]{1}))))))).isTrue();
        assertThat(filter.test(record(Map.of("status", new AttributeValue().withS("DELIVERED"))))).isFalse();
        assertThat(filter.test(record(null))).as("a delete has no new image").isFalse();
    }

    @Test
    void shouldMatchLiteralsAndPrefixes_whenAnyFilterMatches() {
        EventFilter filter = EventFilter.of(List.of("{\"eventName\": [\"REMOVE\"]}",
                "{\"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [{\"prefix\": \"DELIV\"}]}}}}"), "test");

        assertThat(filter.test(record(Map.of("status", new AttributeValue().withS("DELIVERED"))))).isTrue();
        assertThat(filter.test(record(Map.of("status", new AttributeValue().withS("IN_TRANSIT"))))).isFalse();
    }

    @Test
    void shouldRefuseTheTemplate_whenAFilterUsesAnOperatorThatIsNotEmulated() {
        assertThatThrownBy(() -> EventFilter.of(List.of("{\"dynamodb\": {\"Keys\": {\"PK\": {\"S\": [{\"anything-but\": \"x\"}]}}}}"), "Relay"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("anything-but");
    }

    private static DynamodbEvent.DynamodbStreamRecord record(Map<String, AttributeValue> newImage) {
        StreamRecord change = new StreamRecord().withKeys(Map.of("PK", new AttributeValue().withS("SHIP#1")));
        if (newImage != null) change.setNewImage(newImage);
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(newImage == null ? "REMOVE" : "MODIFY");
        record.setDynamodb(change);
        return record;
    }
}
