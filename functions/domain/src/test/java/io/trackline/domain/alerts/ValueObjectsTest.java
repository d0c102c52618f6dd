package io.trackline.domain.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"4155550123", "+04155550123", "+1 415 555 0123", "+1415555012345678", "+1-415", ""})
    void shouldRejectPhoneNumber_whenNotE164(String raw) {
        assertThatThrownBy(() -> new PhoneNumber(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNormaliseSeparators_whenParsingStoredPhone() {
        assertThat(PhoneNumber.parse("+1 (415) 555-0123")).isEqualTo(new PhoneNumber("+14155550123"));
    }

    @Test
    void shouldMaskPhoneAndEmail() {
        assertThat(new PhoneNumber("+14155550123").masked()).isEqualTo("+1********23");
        assertThat(new PhoneNumber("+14155550123").toString()).doesNotContain("5550");
        assertThat(new EmailAddress("jane.doe@example.com").masked()).isEqualTo("j***@example.com");
    }

    @Test
    void shouldRejectEmail_whenMalformed() {
        assertThatThrownBy(() -> new EmailAddress("jane@localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailAddress("a@b@c.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailAddress("<script>@x.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailAddress("jane@exa_mple.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailAddress("j\u00e4ne@example.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNameTheField_whenAnEmailIsRefusedWhereItWasGiven() {
        assertThatThrownBy(() -> EmailAddress.optional("<script>@x.com", "contact.email"))
                .isInstanceOfSatisfying(io.trackline.domain.InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("contact.email"));
        assertThat(EmailAddress.optional("jane.o'neil+tag@mail.example.co.uk", "email").value())
                .isEqualTo("jane.o'neil+tag@mail.example.co.uk");
        assertThat(EmailAddress.optional(null, "email")).isNull();
        assertThatThrownBy(() -> EmailAddress.optional(" ", "email")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSpanMidnight_whenQuietHoursEndBeforeTheyStart() {
        QuietHours night = QuietHours.parse("21:00", "08:00");

        assertThat(night.contains(LocalTime.parse("23:30"))).isTrue();
        assertThat(night.contains(LocalTime.parse("07:59"))).isTrue();
        assertThat(night.contains(LocalTime.parse("08:00"))).isFalse();
        assertThat(night.contains(LocalTime.parse("12:00"))).isFalse();
        assertThat(QuietHours.parse("08:00", "08:00").contains(LocalTime.NOON)).isFalse();
    }

    @Test
    void shouldEndQuietWindowNextMorning_acrossDaylightSavingChange() {
        // 2026-11-01 02:00 is when New York falls back from EDT to EST
        Instant night = Instant.parse("2026-11-01T03:00:00Z"); // 23:00 EDT on Oct 31

        Instant end = QuietHours.parse("21:00", "08:00").endOfWindowAt(night, ZoneId.of("America/New_York"));

        assertThat(end).isEqualTo(Instant.parse("2026-11-01T13:00:00Z")); // 08:00 EST
    }

    @Test
    void shouldCountGsm7AndUcs2Limits() {
        String plain = "x".repeat(160);
        assertThat(SmsText.fitsOneSegment(plain)).isTrue();
        assertThat(SmsText.fitsOneSegment(plain + "x")).isFalse();
        // extension characters take two septets
        assertThat(SmsText.units("€[]")).isEqualTo(6);
        // one non-GSM character switches the whole text to UCS-2 and its limit of 70
        assertThat(SmsText.isGsm7("Kraków")).isFalse();
        assertThat(SmsText.limit("Kraków")).isEqualTo(70);
        assertThat(SmsText.fitsOneSegment("ó" + "x".repeat(70))).isFalse();
        assertThat(SmsText.isGsm7("Köln Ñandù ÉÆ")).isTrue();
    }
}
