package io.trackline.local.runtime;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One execution environment of a function: a runtime process and the Runtime API it talks to, one invocation at a
 * time. Started on the invocation that finds none (a cold start); an invocation longer than the function's
 * {@code Timeout} is killed with the process, reported as Lambda reports it, and the next invocation starts a new one.
 * Each invocation ends with Lambda's {@code START}, {@code END} and {@code REPORT} lines in the function's log.
 */
final class Sandbox implements AutoCloseable {
    /**
     * How long init may take here: Lambda allows 10 s, but a JVM starting beside five others on a shared 2-core machine
     * has been seen to need more; an init that takes longer than this fails the invocation.
     */
    static final Duration INIT_LIMIT = Duration.ofSeconds(60);
    private static final Duration MEMORY_CHECK = Duration.ofMillis(50);

    private final FunctionConfiguration function;
    private final JavaRuntime runtime;
    private final Supplier<Map<String, String>> localEnvironment;
    private final FunctionLog log;
    private final Semaphore coldStartSlot;
    private Process process;
    private RuntimeApi api;
    private long startedNanos;
    /** Set when the current process outgrew the function's MemorySize and was killed for it. */
    private AtomicBoolean outOfMemory = new AtomicBoolean();

    /**
     * @param localEnvironment what the local cloud adds per process start: the endpoint, the role's fresh credentials
     * @param coldStartSlot    taken for a cold start, init and first invocation ({@link ColdStarts})
     */
    Sandbox(FunctionConfiguration function, JavaRuntime runtime, Supplier<Map<String, String>> localEnvironment, FunctionLog log,
            Semaphore coldStartSlot) {
        this.function = function;
        this.runtime = runtime;
        this.localEnvironment = localEnvironment;
        this.log = log;
        this.coldStartSlot = coldStartSlot;
    }

    Outcome invoke(String requestId, byte[] payload) {
        if (process != null && process.isAlive()) return run(requestId, payload, false);
        try {
            coldStartSlot.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.Failure.local("Runtime.Interrupted", "the local cloud is stopping");
        }
        try {
            start();
            return run(requestId, payload, true);
        } finally {
            coldStartSlot.release();
        }
    }

    private Outcome run(String requestId, byte[] payload, boolean cold) {
        Process process = this.process;
        RuntimeApi api = this.api;
        RuntimeApi.Invocation invocation = api.submit(requestId, payload, function.timeoutSeconds() * 1000L, function.arn());
        Outcome.Failure initFailure = awaitTaken(invocation, process, api);
        if (initFailure != null) {
            log.line(String.format(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: error\tError Type: %s",
                    millisSince(startedNanos), initFailure.errorType()));
            stop();
            return initFailure;
        }
        long taken = invocation.taken.join();
        double initMillis = cold ? (taken - startedNanos) / 1e6 : -1;
        log.line("START RequestId: " + requestId + " Version: $LATEST");
        Outcome outcome;
        String status = "";
        try {
            long left = taken + TimeUnit.SECONDS.toNanos(function.timeoutSeconds()) - System.nanoTime();
            CompletableFuture.anyOf(invocation.outcome, process.onExit()).get(Math.max(0, left), TimeUnit.NANOSECONDS);
            outcome = invocation.outcome.getNow(null);
            if (outcome == null) {
                boolean killed = outOfMemory.get();
                outcome = Outcome.Failure.local("Runtime.ExitError", "RequestId: " + requestId + " Error: Runtime exited with error: "
                        + (killed ? "signal: killed" : "exit status " + process.exitValue()));
                status = "\tStatus: error\tError Type: " + (killed ? "Runtime.OutOfMemory" : "Runtime.ExitError");
            }
        } catch (TimeoutException late) {
            String message = Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + requestId + " Task timed out after "
                    + String.format(Locale.ROOT, "%.2f", (double) function.timeoutSeconds()) + " seconds";
            log.line(message);
            outcome = Outcome.Failure.local("Sandbox.Timedout", message);
            status = "\tStatus: timeout";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.Failure.local("Runtime.Interrupted", "the local cloud is stopping");
        } catch (ExecutionException e) {
            throw new IllegalStateException("an invocation's outcome never fails", e);
        }
        double duration = millisSince(taken);
        // a process killed for its memory reports the whole MemorySize used, as Lambda does
        long maxMemory = outOfMemory.get() ? function.memoryMb() : ProcessMemory.PEAK_RESIDENT.kb(process.pid()) / 1024;
        if (!status.isEmpty()) stop();
        log.line("END RequestId: " + requestId);
        log.line(Report.line(requestId, duration, initMillis, function.memoryMb(), maxMemory) + status);
        return outcome;
    }

    /** Waits until the runtime takes the event; a failed or too long init, or a process gone, is the outcome instead. */
    private static Outcome.Failure awaitTaken(RuntimeApi.Invocation invocation, Process process, RuntimeApi api) {
        try {
            CompletableFuture.anyOf(invocation.taken, api.initError, process.onExit()).get(INIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Outcome.Failure.local("Sandbox.Timedout", "init did not finish within " + INIT_LIMIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.Failure.local("Runtime.Interrupted", "the local cloud is stopping");
        } catch (ExecutionException e) {
            throw new IllegalStateException("never completed exceptionally", e);
        }
        if (invocation.taken.isDone()) return null;
        if (api.initError.isDone()) return api.initError.join();
        return Outcome.Failure.local("Runtime.ExitError", "RequestId: " + invocation.requestId
                + " Error: Runtime exited with error: exit status " + process.exitValue());
    }

    private void start() {
        stop();
        api = RuntimeApi.start();
        ProcessBuilder builder = new ProcessBuilder(runtime.command(function)).directory(runtime.taskRoot(function).toFile());
        builder.environment().clear();
        builder.environment().putAll(runtime.environment(function, api.address(), localEnvironment.get(), System.getenv()));
        startedNanos = System.nanoTime();
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("cannot start " + function.name() + "'s runtime: " + e.getMessage(), e);
        }
        log.follow(process.getInputStream(), "stdout");
        log.follow(process.getErrorStream(), "stderr");
        outOfMemory = new AtomicBoolean();
        watchMemory(process, outOfMemory);
    }

    /**
     * Lambda stops an execution environment whose memory exceeds the function's MemorySize: so does this, checking the
     * process's resident memory every {@link #MEMORY_CHECK} while it lives (the heap alone is capped at 85 % of it by
     * the runtime's options; the rest, metaspace, threads, direct buffers, is not).
     */
    private void watchMemory(Process process, AtomicBoolean killed) {
        long limitKb = function.memoryMb() * 1024L;
        Thread.ofVirtual().name(function.name() + "-memory").start(() -> {
            while (process.isAlive()) {
                if (ProcessMemory.RESIDENT.kb(process.pid()) > limitKb) {
                    killed.set(true);
                    process.destroyForcibly();
                    return;
                }
                try {
                    Thread.sleep(MEMORY_CHECK);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }

    /** Kills the process (Lambda freezes or discards an environment; nothing of it survives here). */
    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (api != null) {
            api.close();
            api = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
