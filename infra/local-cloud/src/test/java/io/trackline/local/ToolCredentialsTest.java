package io.trackline.local;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The infra/bin tools run on this module's runtime classpath (target/lib): there an SSO profile is read by the SDK's
 * sso module, so an operator's {@code aws sso login} session works, where a function jar (no sso module) would say the
 * module is missing. No SSO service is reached: with no cached login the provider says to log in.
 */
class ToolCredentialsTest {
    private final Map<String, String> before = new HashMap<>();

    @TempDir
    Path home;

    @BeforeEach
    void isolateTheProfileFiles() throws IOException {
        Path config = Files.writeString(home.resolve("config"), """
                [profile trackline-ops]
                sso_start_url = https://trackline-example.awsapps.com/start
                sso_region = eu-west-1
                sso_account_id = 123456789012
                sso_role_name = Operator
                region = eu-west-1
                """);
        set("aws.configFile", config.toString());
        set("aws.sharedCredentialsFile", Files.writeString(home.resolve("credentials"), "").toString());
        set("aws.disableEc2Metadata", "true");
        set("user.home", home.toString()); // where the SDK looks for the SSO login cache
    }

    @AfterEach
    void restore() {
        before.forEach((k, v) -> {
            if (v == null) System.clearProperty(k);
            else System.setProperty(k, v);
        });
    }

    @Test
    void shouldReadAnSsoProfile_whenAToolIsGivenAwsProfile() {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null, "keys in the environment come before any profile");
        Settings tool = Settings.of(Map.of("AWS_PROFILE", "trackline-ops"));

        assertThat(tool.region()).isEqualTo("eu-west-1");
        assertThatThrownBy(() -> AwsClients.credentials(tool).resolveCredentials())
                .hasMessageContaining("SSO session associated with this profile has expired or is otherwise invalid")
                .hasMessageContaining("aws sso login")
                .hasMessageNotContaining("must be on the class path");
    }

    private void set(String key, String value) {
        before.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }
}
