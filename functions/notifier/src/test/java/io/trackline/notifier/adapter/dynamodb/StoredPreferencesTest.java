package io.trackline.notifier.adapter.dynamodb;

import io.trackline.domain.Language;
import io.trackline.domain.alerts.Channel;
import io.trackline.domain.alerts.Preferences;
import io.trackline.domain.alerts.QuietHours;
import io.trackline.domain.alerts.Trigger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoredPreferencesTest {

    @Test
    void shouldReadEveryField_whenItemIsWellFormed() {
        // given the preferences item as the API writes it
        Map<String, AttributeValue> item = Map.of(
                "channels", AttributeValue.fromL(List.of(AttributeValue.fromS("SMS"), AttributeValue.fromS("EMAIL"))),
                "alerts", AttributeValue.fromL(List.of(AttributeValue.fromS("DELIVERED"), AttributeValue.fromS("EXCEPTION"))),
                "quietHours", AttributeValue.fromM(Map.of("start", AttributeValue.fromS("21:00"), "end", AttributeValue.fromS("07:30"))),
                "timeZone", AttributeValue.fromS("Europe/Berlin"),
                "language", AttributeValue.fromS("de"));

        // when
        Preferences preferences = DynamoDbCustomerSettings.preferences(item);

        // then
        assertThat(preferences.channels()).containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL);
        assertThat(preferences.alerts()).containsExactlyInAnyOrder(Trigger.DELIVERED, Trigger.EXCEPTION);
        assertThat(preferences.quietHours()).contains(QuietHours.parse("21:00", "07:30"));
        assertThat(preferences.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(preferences.language()).contains(Language.DE);
    }

    @Test
    void shouldFallBackFieldByField_whenValuesAreMalformed() {
        // given an unknown channel, an unknown alert, broken quiet hours, an unknown zone and a language we do not speak
        Map<String, AttributeValue> item = Map.of(
                "channels", AttributeValue.fromL(List.of(AttributeValue.fromS("EMAIL"), AttributeValue.fromS("PIGEON"))),
                "alerts", AttributeValue.fromSs(List.of("OUT_FOR_DELIVERY", "EVERYTHING")),
                "quietHours", AttributeValue.fromM(Map.of("start", AttributeValue.fromS("late"), "end", AttributeValue.fromS("08:00"))),
                "timeZone", AttributeValue.fromS("Mars/Olympus"),
                "language", AttributeValue.fromS("tlh"));

        // when
        Preferences preferences = DynamoDbCustomerSettings.preferences(item);

        // then the valid parts are kept and the rest falls back to the defaults
        assertThat(preferences.channels()).containsExactly(Channel.EMAIL);
        assertThat(preferences.alerts()).containsExactly(Trigger.OUT_FOR_DELIVERY);
        assertThat(preferences.quietHours()).isEmpty();
        assertThat(preferences.timeZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(preferences.language()).isEmpty();
    }

    @Test
    void shouldUseDefaults_whenFieldsAreAbsent() {
        assertThat(DynamoDbCustomerSettings.preferences(Map.of())).isEqualTo(Preferences.defaults());
    }
}
