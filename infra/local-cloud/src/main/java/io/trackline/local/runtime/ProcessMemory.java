package io.trackline.local.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's memory as Linux counts it ({@code /proc/<pid>/status}), in kB; 0 once the process has ended. */
public enum ProcessMemory {
    /** Resident now ({@code VmRSS}). */
    RESIDENT("VmRSS:"),
    /** The peak resident so far ({@code VmHWM}): what Lambda reports as Max Memory Used. */
    PEAK_RESIDENT("VmHWM:");

    private final String field;

    ProcessMemory(String field) {
        this.field = field;
    }

    public long kb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | RuntimeException gone) {
            // the process has ended
        }
        return 0;
    }
}
