package io.trackline.local.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A function's log, as its CloudWatch log group would hold it: what its processes write on standard output and error,
 * and the platform's START, END and REPORT lines. Printed on the local cloud's output, each line after the function's
 * name, and the last {@link #KEPT} lines kept for tests and the bench.
 */
public final class FunctionLog {
    static final int KEPT = 5000;

    private final String function;
    private final PrintStream out;
    private final Deque<String> lines = new ArrayDeque<>();
    private long written;

    FunctionLog(String function, PrintStream out) {
        this.function = function;
        this.out = out;
    }

    void line(String line) {
        synchronized (lines) {
            if (lines.size() == KEPT) lines.removeFirst();
            lines.addLast(line);
            written++;
        }
        out.println(function + " | " + line);
    }

    /** Copies a process's output into the log, on a thread of its own, until the stream ends. */
    void follow(InputStream stream, String name) {
        Thread.ofPlatform().daemon().name(function + "-" + name).start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) line(line);
            } catch (IOException ended) {
                // the process is gone
            }
        });
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The number of lines written so far: a mark for {@link #since}. */
    public long mark() {
        synchronized (lines) {
            return written;
        }
    }

    /** The lines written after {@code mark}; fails if some of them are no longer kept. */
    public List<String> since(long mark) {
        synchronized (lines) {
            long dropped = written - lines.size();
            if (mark < dropped) throw new IllegalStateException(function + ": " + (dropped - mark) + " lines after the mark are no longer kept");
            return lines.stream().skip(mark - dropped).toList();
        }
    }
}
