package io.trackline.local.testing;

import io.trackline.local.LocalCloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.util.List;

/**
 * Freezes the local cloud's moto (SIGSTOP) until closed (SIGCONT): every AWS call of every function then hangs, as in
 * an outage or a long GC pause of a dependency, and resumes where it was. moto is found among this JVM's descendants
 * as the process started with {@code -p <the emulator's port>} (its watchdog shell is left running).
 */
public final class EmulatorFreeze implements AutoCloseable {
    private final List<ProcessHandle> moto;

    private EmulatorFreeze(List<ProcessHandle> moto) {
        this.moto = moto;
    }

    public static EmulatorFreeze of(LocalCloud cloud) {
        String port = Integer.toString(cloud.awsEndpoint().getPort());
        List<ProcessHandle> moto = ProcessHandle.current().descendants()
                .filter(p -> listensOn(p, port))
                .toList();
        if (moto.isEmpty()) throw new IllegalStateException("no moto_server process with -p " + port + " below this JVM");
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

    private static boolean listensOn(ProcessHandle process, String port) {
        List<String> arguments = List.of(process.info().arguments().orElse(new String[0]));
        int flag = arguments.indexOf("-p");
        return flag >= 0 && flag + 1 < arguments.size() && arguments.get(flag + 1).equals(port);
    }

    private void signal(String signal) {
        var command = new java.util.ArrayList<>(List.of("kill", signal));
        moto.forEach(p -> command.add(Long.toString(p.pid())));
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
