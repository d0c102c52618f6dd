package io.trackline.page.http;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A date as a customer says it, relative to today: "today", "tomorrow", "Tuesday" within a week, else the date. */
final class Days {
    private static final int WEEK = 7;

    private Days() {
    }

    static String when(PageTexts texts, LocalDate date, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, date);
        if (days == 0) return texts.get("when.today");
        if (days == 1) return texts.get("when.tomorrow");
        if (days == -1) return texts.get("when.yesterday");
        if (Math.abs(days) < WEEK) return texts.get("when.weekday", "weekday", texts.format("format.weekday", date));
        return texts.get("when.date", "date", texts.format("format.date", date));
    }
}
