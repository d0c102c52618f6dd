package io.trackline.aws.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.aws.Json;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Structured JSON logs, one object per line on stdout (CloudWatch keeps each line as one event). Fields are parameters,
 * never concatenated into the message; every value passes {@link #mask} so phone numbers and emails never reach a log.
 */
public final class Log {
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)");
    /**
     * A phone number stands alone: not inside an id such as a UUID (no letter, digit or dash next to it), and not an
     * ISO date, which has as many digits.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w-])(?!\\d{4}-\\d{2}-\\d{2}(?![\\w-]))\\+?\\d[\\d ()-]{6,}(\\d{2})(?![\\w-])");

    private final String logger;

    private Log(String logger) {
        this.logger = logger;
    }

    /** Writes to standard output as it is when a line is written (tests that capture it see every logger's lines). */
    public static Log of(Class<?> owner) {
        return new Log(owner.getSimpleName());
    }

    public void info(String message, Object... keyValues) {
        write("INFO", message, keyValues);
    }

    public void warn(String message, Object... keyValues) {
        write("WARN", message, keyValues);
    }

    public void error(String message, Object... keyValues) {
        write("ERROR", message, keyValues);
    }

    private void write(String level, String message, Object... keyValues) {
        if (keyValues.length % 2 != 0) throw new IllegalArgumentException("log fields come in key/value pairs");
        ObjectNode line = Json.mapper().createObjectNode()
                .put("timestamp", Instant.now().toString())
                .put("level", level)
                .put("logger", logger)
                .put("message", message);
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            line.put(String.valueOf(keyValues[i]), value == null ? null : mask(String.valueOf(value)));
        }
        System.out.println(line);
    }

    /** {@code +14155550123} → {@code +*********23}; {@code jane@example.com} → {@code j***@example.com}. */
    public static String mask(String text) {
        String emailsMasked = EMAIL.matcher(text).replaceAll("$1***@$2");
        return PHONE.matcher(emailsMasked).replaceAll(m -> "+" + "*".repeat(Math.max(0, m.group().length() - 3)) + m.group(1));
    }
}
