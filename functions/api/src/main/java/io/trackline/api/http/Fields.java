package io.trackline.api.http;

import io.trackline.domain.alerts.PhoneNumber;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Field checks shared by every write; each failure is a 400 naming the field. */
public final class Fields {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.)+[A-Za-z]{2,63}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private Fields() {
    }

    public static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) throw Problems.invalid(field, field + " is required.");
        return optional(value, field, maxLength);
    }

    public static String optional(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (v.length() > maxLength) throw Problems.invalid(field, field + " is longer than " + maxLength + " characters.");
        if (v.chars().anyMatch(Character::isISOControl)) throw Problems.invalid(field, field + " contains control characters.");
        return v;
    }

    /** Ids that become part of table keys: letters, digits and {@code . _ : -}, never '#'. */
    public static String identifier(String value, String field) {
        String v = required(value, field, 64);
        if (!IDENTIFIER.matcher(v).matches()) {
            throw Problems.invalid(field, field + " must be 1 to 64 letters, digits, '.', '_', ':' or '-'.");
        }
        return v;
    }

    public static String country(String value, String field) {
        String v = required(value, field, 2);
        if (!COUNTRIES.contains(v)) throw Problems.invalid(field, field + " must be an ISO 3166-1 alpha-2 code such as 'US'.");
        return v;
    }

    public static String phone(String value, String field) {
        String v = optional(value, field, 16);
        if (v != null && !PhoneNumber.isE164(v)) throw Problems.invalid(field, field + " must be in E.164, e.g. +14155550123.");
        return v;
    }

    public static String email(String value, String field) {
        String v = optional(value, field, 254);
        if (v != null && !EMAIL.matcher(v).matches()) throw Problems.invalid(field, field + " must be an email address.");
        return v;
    }

    public static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, field + " must be a date like 2026-05-01.");
        }
    }

    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
        if (value == null) throw Problems.invalid(field, field + " is required.");
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
