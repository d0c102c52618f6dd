package io.trackline.domain.shipment;

import io.trackline.domain.InvalidValueException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The date the seller promised delivery by: an ISO date ({@code 2026-05-01}, four-digit year) within
 * {@value #WINDOW_YEARS} years before or after today (the caller's clock, UTC). A registration is for a package on its
 * way; a date outside the window is a typo or an attack, and refusing it keeps every date arithmetic in range.
 */
public final class PromisedDeliveryDate {
    public static final int WINDOW_YEARS = 2;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private PromisedDeliveryDate() {
    }

    /** {@code null} when {@code raw} is missing or blank. */
    public static LocalDate parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) return null;
        LocalDate date;
        try {
            if (raw.length() != 10) throw new DateTimeParseException("not yyyy-MM-dd", raw, 0);
            date = LocalDate.parse(raw, ISO);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("promisedDeliveryDate", "promisedDeliveryDate must be a date like 2026-05-01");
        }
        if (date.isBefore(today.minusYears(WINDOW_YEARS)) || date.isAfter(today.plusYears(WINDOW_YEARS))) {
            throw new InvalidValueException("promisedDeliveryDate", "promisedDeliveryDate must be within "
                    + WINDOW_YEARS + " years of today (" + today.minusYears(WINDOW_YEARS) + " to " + today.plusYears(WINDOW_YEARS) + ")");
        }
        return date;
    }
}
