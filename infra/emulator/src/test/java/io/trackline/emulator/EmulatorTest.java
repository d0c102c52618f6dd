package io.trackline.emulator;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorTest {
    @Test
    void shouldNameTheMotoServerItStarted_andStopIt_whenClosed() {
        var env = new HashMap<>(System.getenv());
        env.remove("AWS_ENDPOINT_URL");
        env.remove("TRACKLINE_EMULATOR");
        ProcessHandle moto;
        try (Emulator emulator = Emulator.start(env)) {
            moto = emulator.process().orElseThrow();

            assertThat(moto.isAlive()).isTrue();
            assertThat(moto.parent().flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                    .as("moto below its watchdog, below this JVM").contains(ProcessHandle.current().pid());
            assertThat(String.join(" ", moto.info().arguments().orElse(new String[0])))
                    .as("the process serving the endpoint").endsWith("-p " + emulator.endpoint().getPort());
        }
        assertThat(moto.isAlive()).isFalse();
    }

    @Test
    void shouldNameNoProcess_whenTheEmulatorIsExternal() {
        try (Emulator emulator = Emulator.start(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1"))) {
            assertThat(emulator.process()).isEmpty();
        }
    }
}
