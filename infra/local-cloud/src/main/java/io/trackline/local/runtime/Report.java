package io.trackline.local.runtime;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's {@code REPORT} line, written after each invocation and read back by the bench. Billed Duration is the
 * duration rounded up to the millisecond, plus the init on a cold start (Lambda bills the init phase of managed
 * runtimes since August 2025).
 */
public record Report(String requestId, double durationMs, long billedMs, int memorySizeMb, long maxMemoryUsedMb,
                     Optional<Double> initDurationMs) {
    private static final Pattern LINE = Pattern.compile("REPORT RequestId: (\\S+)\\tDuration: ([\\d.]+) ms\\tBilled Duration: (\\d+) ms"
            + "\\tMemory Size: (\\d+) MB\\tMax Memory Used: (\\d+) MB(?:\\tInit Duration: ([\\d.]+) ms)?.*");

    static String line(String requestId, double durationMs, double initMs, int memorySizeMb, long maxMemoryUsedMb) {
        long billed = (long) Math.ceil(durationMs) + (initMs < 0 ? 0 : (long) Math.ceil(initMs));
        return String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB"
                + "\tMax Memory Used: %d MB", requestId, durationMs, billed, memorySizeMb, maxMemoryUsedMb)
                + (initMs < 0 ? "" : String.format(Locale.ROOT, "\tInit Duration: %.2f ms", initMs));
    }

    /** The report a log line holds, if it is one (the local cloud prefixes nothing: the line as Lambda writes it). */
    public static Optional<Report> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new Report(m.group(1), Double.parseDouble(m.group(2)), Long.parseLong(m.group(3)),
                Integer.parseInt(m.group(4)), Long.parseLong(m.group(5)),
                Optional.ofNullable(m.group(6)).map(Double::parseDouble)));
    }
}
