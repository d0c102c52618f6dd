package io.trackline.local;

import io.trackline.emulator.Emulator;
import io.trackline.local.gateway.Gateway;
import io.trackline.testkit.template.TemplateException;
import io.trackline.local.testing.TestTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failures at start say what to do in one line and leave nothing behind; none of these reach an emulator. */
class LocalCloudTest {
    @TempDir
    Path home;

    private LocalCloudOptions withoutMoto() {
        return LocalCloudOptions.defaults(Map.of("PATH", "", "TRACKLINE_HOME", home.toString()))
                .withTemplate(TestTemplates.repository()).withPort(0).withLocalJson(Optional.empty());
    }

    @Test
    void shouldSayHowToGetMotoAndFreeThePort_whenMotoIsMissing() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        LocalCloudOptions options = withoutMoto().withPort(port);

        assertThatThrownBy(() -> LocalCloud.start(options))
                .isInstanceOf(Emulator.EmulatorUnavailable.class)
                .hasMessageContaining("moto_server was not found");
        Gateway.bind(port).close();
    }

    @Test
    void shouldNameTheProblem_whenTheTemplateIsBroken() throws Exception {
        Path broken = Files.writeString(home.resolve("template.yaml"), "Resources: [\n");

        assertThatThrownBy(() -> LocalCloud.start(withoutMoto().withTemplate(broken)))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml is not valid YAML at line");
    }

    @Test
    void shouldSayThePortIsTaken_whenSomethingListensThere() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalCloud.start(withoutMoto().withPort(taken.getLocalPort())))
                    .isInstanceOf(Gateway.PortInUse.class)
                    .hasMessage("port " + taken.getLocalPort() + " is in use: stop whatever listens there (e.g. an earlier "
                            + "`make run`), or choose another port with TRACKLINE_PORT=<port> make run");
        }
        assertThat(home).isEmptyDirectory();
    }
}
