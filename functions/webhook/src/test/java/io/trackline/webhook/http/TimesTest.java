package io.trackline.webhook.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-read common shapes must agree with the strict ISO parsers, which decide everything else. */
class TimesTest {
    private static final String[] ZONED = {"2025-11-20T08:10:00+01:00", "2024-05-02T09:15:00Z", "2024-02-29T23:59:59.5-05:30",
            "0000-01-01T00:00:00.123456789-00:00", "9999-12-31T23:59:59+18:00", "2025-06-30T12:00:00.120Z"};
    private static final String MUTATIONS = "0123456789-+:.TtZz ";

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-20T08:10:00+01:00", "2024-05-02T09:15:00Z", "2024-02-29T23:59:59.5-05:30",
            "2025-06-30T12:00:00.123456789Z"})
    void shouldReadTheCommonShapeByHand_whenATimeHasSecondsAndAnHourMinuteOffset(String text) {
        assertThat(Times.commonZoned(text)).isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-20t08:10:00Z", "2025-11-20T08:10+01:00", "2025-11-20T08:10:00+0100", "2025-11-20T08:10:00+01:00:30",
            "2025-02-29T08:10:00Z", "2025-11-20T24:00:00Z", "2025-11-20T08:10:60Z", "2025-11-20T08:10:00.Z",
            "2025-11-20T08:10:00.1234567891Z", "+12025-11-20T08:10:00Z", "2025-11-20T08:10:00+18:30", "2025-11-20T08:10:00+01:60"})
    void shouldLeaveOtherShapesToTheStrictParser_whenTheTextIsUnusualOrInvalid(String text) {
        assertThat(Times.commonZoned(text)).isNull();
    }

    @Test
    void shouldAgreeWithTheStrictParser_whenCommonShapesAreMutated() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            String text = mutate(ZONED[random.nextInt(ZONED.length)], random);
            OffsetDateTime common = Times.commonZoned(text);
            if (common == null) continue;
            assertThat(common).as(text).isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            assertThat(common.getOffset()).as(text).isEqualTo(OffsetDateTime.parse(text).getOffset());
        }
    }

    @Test
    void shouldAgreeWithTheStrictParser_whenDatesAreMutated() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String text = mutate("2024-02-29", random);
            if (text.length() != 10) continue;
            LocalDate common = Times.commonDate(text);
            if (common != null) assertThat(common).as(text).isEqualTo(LocalDate.parse(text));
            else assertThat(strictDate(text)).as(text).isNull();
        }
    }

    private static LocalDate strictDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException refused) {
            return null;
        }
    }

    /** One to three characters replaced, inserted or removed. */
    private static String mutate(String text, Random random) {
        StringBuilder mutated = new StringBuilder(text);
        for (int n = random.nextInt(3) + 1; n > 0; n--) {
            int at = random.nextInt(mutated.length());
            char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
            switch (random.nextInt(4)) {
                case 0 -> mutated.insert(at, c);
                case 1 -> {
                    if (mutated.length() > 1) mutated.deleteCharAt(at);
                }
                default -> mutated.setCharAt(at, c);
            }
        }
        return mutated.toString();
    }
}
