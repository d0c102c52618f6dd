package io.trackline.notifier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Registered for every test of this module (junit-platform.properties, autodetection): copies everything written to
 * System.out and fails the test when a line carries a raw phone number or email address. It replaces System.out once,
 * before any production class creates its {@code Log}, which keeps the stream it saw first.
 */
public final class NoContactDataInLogs implements BeforeEachCallback, AfterEachCallback {
    static final Pattern RAW_PHONE = Pattern.compile("\\+\\d{8,15}");
    static final Pattern RAW_EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{2,}@[A-Za-z0-9-]+\\.[A-Za-z.]{2,}");

    private static final Capture CAPTURE = Capture.install();

    @Override
    public void beforeEach(ExtensionContext context) {
        CAPTURE.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> leaks = leaks(CAPTURE.text());
        if (!leaks.isEmpty()) {
            throw new AssertionError("log lines with a raw phone number or email address: " + leaks.size()
                    + " (first at column " + firstLeakColumn(leaks.getFirst()) + ")");
        }
    }

    static List<String> leaks(String output) {
        return output.lines().filter(line -> RAW_PHONE.matcher(line).find() || RAW_EMAIL.matcher(line).find()).toList();
    }

    /** Everything logged since the current test started. */
    static String captured() {
        return CAPTURE.text();
    }

    private static int firstLeakColumn(String line) {
        var phone = RAW_PHONE.matcher(line);
        return phone.find() ? phone.start() : RAW_EMAIL.matcher(line).results().findFirst().map(m -> m.start()).orElse(-1);
    }

    private static final class Capture extends OutputStream {
        private final PrintStream original;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        private Capture(PrintStream original) {
            this.original = original;
        }

        static Capture install() {
            Capture capture = new Capture(System.out);
            System.setOut(new PrintStream(capture, true, StandardCharsets.UTF_8));
            return capture;
        }

        @Override
        public synchronized void write(int b) {
            original.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            original.write(bytes, offset, length);
            copy.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            original.flush();
        }

        synchronized void reset() {
            copy.reset();
        }

        synchronized String text() {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }
}
