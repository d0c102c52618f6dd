package io.trackline.aws.log;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LogTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+14155550123|+*********23",
            "call +44 20 7946 0958 now|call +*************58 now",
            "jane.doe@example.com|j***@example.com",
            "to jane@example.com and +4915112345678|to j***@example.com and +***********78"})
    void shouldMaskPhonesAndEmails_whenTheyAppearInAValue(String raw, String masked) {
        assertThat(Log.mask(raw)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
            "1664ffbd-d386-4b1f-8687-bf6c6474271a",
            "a1b2c3d4-1234-4567-8901-234567890123",
            "shp_XTjJO8wCUEQRhZ27rxHYcc",
            "2026-11-27T06:41:43Z",
            "2026-12-02",
            "due 2026-12-02 at the latest"})
    void shouldLeaveIdsAndTimesAlone_whenTheyOnlyContainDigitRuns(String value) {
        assertThat(Log.mask(value)).isEqualTo(value);
    }
}
