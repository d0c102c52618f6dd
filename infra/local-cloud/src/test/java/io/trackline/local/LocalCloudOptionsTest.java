package io.trackline.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalCloudOptionsTest {
    @Test
    void shouldUsePort3000AndShortVisibility_whenNothingIsConfigured() {
        LocalCloudOptions options = LocalCloudOptions.fromCommandLine(new String[0], Map.of());

        assertThat(options.port()).isEqualTo(3000);
        assertThat(options.visibilityTimeout()).contains(Duration.ofSeconds(2));
        assertThat(options.template().getFileName()).isEqualTo(Path.of("template.yaml"));
        assertThat(options.localJson()).hasValueSatisfying(p -> assertThat(p.toString()).endsWith(".trackline/local.json"));
    }

    @Test
    void shouldTakeThePortFromTheEnvironmentOrTheCommandLine_whenGiven() {
        assertThat(LocalCloudOptions.fromCommandLine(new String[0], Map.of("TRACKLINE_PORT", "3100")).port()).isEqualTo(3100);
        assertThat(LocalCloudOptions.fromCommandLine(new String[]{"--port", "3200"}, Map.of("TRACKLINE_PORT", "3100")).port())
                .isEqualTo(3200);
    }

    @Test
    void shouldWriteLocalJsonElsewhere_whenGivenOnTheCommandLine() {
        LocalCloudOptions options = LocalCloudOptions.fromCommandLine(new String[]{"--local-json", "build/smoke.json"}, Map.of());

        assertThat(options.localJson()).contains(Path.of("build/smoke.json").toAbsolutePath());
    }

    @Test
    void shouldSayWhatIsWrong_whenAnOptionIsBad() {
        assertThatThrownBy(() -> LocalCloudOptions.fromCommandLine(new String[]{"--port", "http"}, Map.of()))
                .hasMessage("port must be a number from 0 to 65535, got 'http'");
        assertThatThrownBy(() -> LocalCloudOptions.fromCommandLine(new String[]{"--verbose"}, Map.of()))
                .hasMessage("unknown option --verbose (known: --port N, --template FILE, --local-json FILE)");
        assertThatThrownBy(() -> LocalCloudOptions.fromCommandLine(new String[]{"--template"}, Map.of()))
                .hasMessage("--template needs a value");
    }
}
