package io.trackline.local.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.trackline.local.LocalCloudOptions;
import io.trackline.local.testing.TestTemplates;
import io.trackline.testkit.template.SamTransform;
import io.trackline.testkit.template.Specs;
import io.trackline.testkit.template.TemplateException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    @Test
    void shouldNameTheMappingAndItsFilterCriteriaInOneLine_whenATransformedMappingUsesAnOperatorThatIsNotEmulated() {
        var mapping = new Specs.StreamSource("RelayFunctionOutbox", "RelayFunction", "TrackingTable", 100, "TRIM_HORIZON", true, -1,
                List.of("{\"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [{\"numeric\": [\">\", 0]}]}}}}"), Optional.empty());

        assertThatThrownBy(() -> EventFilter.of(mapping)).isInstanceOf(TemplateException.class)
                .hasMessage("RelayFunctionOutbox.Properties.FilterCriteria: filter operator {numeric=[>, 0]} is not emulated locally");
    }

    @Test
    void shouldPassWhatTheRelaysTransformedMappingSelects_whenReadFromTheTransform() {
        var outbox = SamTransform.run(TestTemplates.repository(), LocalCloudOptions.repositoryRoot(Path.of("").toAbsolutePath()))
                .triggers().streams().getFirst();

        EventFilter filter = EventFilter.of(outbox);

        assertThat(filter.test(record(Map.of("outbox", new AttributeValue().withBS(List.of(ByteBuffer.wrap(new byte[]{1}))))))).isTrue();
        assertThat(filter.test(record(Map.of("status", new AttributeValue().withS("DELIVERED"))))).isFalse();
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
