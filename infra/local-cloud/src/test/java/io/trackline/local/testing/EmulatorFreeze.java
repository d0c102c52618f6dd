package io.trackline.local.testing;

import io.trackline.local.LocalCloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.util.List;

/**
 * Freezes the local cloud's moto (SIGSTOP) until closed (SIGCONT): every AWS call of every function then hangs, as in
 * an outage or a long GC pause of a dependency, and resumes where it was. The process is the one the emulator started
 * ({@link io.trackline.emulator.Emulator#process()}; its watchdog shell is left running).
 */
public final class EmulatorFreeze implements AutoCloseable {
    private final ProcessHandle moto;

    private EmulatorFreeze(ProcessHandle moto) {
        this.moto = moto;
    }

    public static EmulatorFreeze of(LocalCloud cloud) {
        ProcessHandle moto = cloud.emulator().process().orElseThrow(() -> new IllegalStateException(
                "the " + cloud.emulator().kind() + " emulator is no process of this JVM: only a moto it started can be frozen"));
        EmulatorFreeze freeze = new EmulatorFreeze(moto);
        freeze.signal("-STOP");
        return freeze;
    }

    /** Whether the emulator answers within a second (it must not while frozen). */
    public static boolean answers(LocalCloud cloud) {
        try {
            HttpURLConnection connection = (HttpURLConnection) cloud.awsEndpoint().resolve("/moto-api/data.json").toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(1000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        signal("-CONT");
    }

    private void signal(String signal) {
        List<String> command = List.of("kill", signal, Long.toString(moto.pid()));
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
