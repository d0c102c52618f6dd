package io.trackline.local.bench;

import io.trackline.local.runtime.ProcessMemory;

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
                emulatorKb += ProcessMemory.RESIDENT.kb(process.pid());
            } else if (isJvm(process)) {
                functionsKb += ProcessMemory.RESIDENT.kb(process.pid());
                functions++;
            }
        }
        Sample now = new Sample(ProcessMemory.RESIDENT.kb(self.pid()), emulatorKb, functionsKb, functions);
        if (now.totalKb() > peak.totalKb()) peak = now;
    }

    private static boolean isJvm(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/java")).orElse(false);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
