package io.trackline.aws;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings.region(): AWS_REGION, then AWS_DEFAULT_REGION, then the profile's region; the emulator's default last. */
class SettingsRegionTest {
    private static final String CONFIG_FILE = "aws.configFile";
    private final String configFileBefore = System.getProperty(CONFIG_FILE);

    @TempDir
    Path dir;

    @AfterEach
    void restoreConfigFile() {
        if (configFileBefore == null) System.clearProperty(CONFIG_FILE);
        else System.setProperty(CONFIG_FILE, configFileBefore);
    }

    @Test
    void shouldUseAwsDefaultRegion_whenAwsRegionIsAbsent() {
        assertThat(Settings.of(Map.of("AWS_DEFAULT_REGION", "eu-west-1")).region()).isEqualTo("eu-west-1");
    }

    @Test
    void shouldUseAwsRegion_whenBothAreSet() {
        assertThat(Settings.of(Map.of("AWS_REGION", "eu-central-1", "AWS_DEFAULT_REGION", "eu-west-1")).region())
                .isEqualTo("eu-central-1");
    }

    @Test
    void shouldUseTheProfilesRegion_whenNeitherVariableIsSet() throws IOException {
        useConfigFile("""
                [default]
                region = sa-east-1
                [profile trackline-ops]
                region = ap-southeast-2
                """);

        assertThat(Settings.of(Map.of("AWS_PROFILE", "trackline-ops")).region()).isEqualTo("ap-southeast-2");
        assertThat(Settings.of(Map.of("AWS_DEFAULT_REGION", "eu-west-1", "AWS_PROFILE", "trackline-ops")).region())
                .isEqualTo("eu-west-1");
    }

    @Test
    void shouldUseTheEmulatorsRegion_whenNothingNamesOneAndAnEndpointIsSet() throws IOException {
        useConfigFile("[profile other]\nregion = ap-southeast-2\n");

        assertThat(Settings.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000", "AWS_PROFILE", "none")).region())
                .isEqualTo("us-east-1");
    }

    @Test
    void shouldSaySoInsteadOfGuessing_whenNothingNamesARegionForAws() throws IOException {
        useConfigFile("[profile other]\nregion = ap-southeast-2\n");

        assertThatThrownBy(() -> Settings.of(Map.of("AWS_PROFILE", "none")).region())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_REGION").hasMessageContaining("AWS_DEFAULT_REGION").hasMessageContaining("none");
    }

    private void useConfigFile(String content) throws IOException {
        Path config = Files.writeString(dir.resolve("config"), content);
        System.setProperty(CONFIG_FILE, config.toString());
    }
}
