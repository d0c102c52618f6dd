package io.trackline.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The resident memory of the whole local cloud, sampled while it works (issue 12's budget: 3 GB): this JVM (the local
 * cloud itself: gateway, pollers, schedules), the emulator it started (moto and its watchdog: the processes other than
 * a JVM that were already running when sampling began) and every function process (the JVMs under Lambda's runtime,
 * started on demand). The peak is the largest sum of one sample, not the sum of each process's own peak. Processes
 * other than a JVM started later (the cost bench's replay emulator) are not the local cloud's and are left out. Reads
 * {@code /proc/<pid>/status}: Linux only.
 */
final class MemoryFootprint implements AutoCloseable {
    /** One sample, in kB of resident memory ({@code VmRSS}). */
    record Sample(long cloudJvmKb, long emulatorKb, long functionsKb, int functionProcesses) {
        static final Sample NONE = new Sample(0, 0, 0, 0);

        long totalKb() {
            return cloudJvmKb + emulatorKb + functionsKb;
        }
    }

    private final ProcessHandle self = ProcessHandle.current();
    private final Set<Long> emulator;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "memory-footprint");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Sample peak = Sample.NONE;

    private MemoryFootprint() {
        this.emulator = self.descendants().filter(p -> !isJvm(p)).map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    static MemoryFootprint start(Duration every) {
        MemoryFootprint footprint = new MemoryFootprint();
        footprint.sampler.scheduleAtFixedRate(footprint::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return footprint;
    }

    Sample peak() {
        return peak;
    }

    private void sample() {
        long emulatorKb = 0;
        long functionsKb = 0;
        int functions = 0;
        for (ProcessHandle process : self.descendants().toList()) {
            if (emulator.contains(process.pid())) {
                emulatorKb += residentKb(process.pid());
            } else if (isJvm(process)) {
                functionsKb += residentKb(process.pid());
                functions++;
            }
        }
        Sample now = new Sample(residentKb(self.pid()), emulatorKb, functionsKb, functions);
        if (now.totalKb() > peak.totalKb()) peak = now;
    }

    private static boolean isJvm(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/java")).orElse(false);
    }

    /** 0 for a process that has just ended. */
    private static long residentKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
        } catch (IOException | NumberFormatException gone) {
            return 0;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
