package io.trackline.smoke;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmokeOptionsTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    @TempDir
    Path root;

    private SmokeOptions parse(Map<String, String> environment, String... args) {
        return SmokeOptions.parse(args, environment, root);
    }

    private SmokeOptions parse(String... args) {
        return parse(Map.of(), args);
    }

    @Test
    void shouldTakeUrlKeyAndNativeSecret_whenAllAreGiven() {
        SmokeOptions options = parse("--api-url", "https://abc.execute-api.eu-west-1.amazonaws.com/", "--api-key", "tl_key",
                "--webhook-secret", "native=" + SECRET);

        assertThat(options.apiUrl()).hasToString("https://abc.execute-api.eu-west-1.amazonaws.com");
        assertThat(options.apiKey()).isEqualTo("tl_key");
        assertThat(options.nativeSecret()).isEqualTo(SECRET);
        assertThat(options.waitLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.phone()).as("a deployed stack gets no SMS unless --phone names a number").isEmpty();
    }

    @Test
    void shouldKeepBase64Padding_whenTheSecretEndsInEquals() {
        assertThat(parse("--api-url", "http://localhost:3000", "--api-key", "k", "--webhook-secret", "native=whsec_YWJj==")
                .nativeSecret()).isEqualTo("whsec_YWJj==");
    }

    @Test
    void shouldReadTheSecretsFromTheEnvironment_whenTheOptionsAreAbsent() {
        SmokeOptions options = parse(Map.of("TRACKLINE_API_KEY", "tl_env", "TRACKLINE_WEBHOOK_SECRET", SECRET),
                "--api-url", "http://localhost:3000");

        assertThat(options.apiKey()).isEqualTo("tl_env");
        assertThat(options.nativeSecret()).isEqualTo(SECRET);
    }

    @Test
    void shouldReadLocalJson_whenLocal() throws IOException {
        Files.createDirectories(root.resolve(".trackline"));
        Files.writeString(root.resolve(".trackline/local.json"), """
                {"apiUrl":"http://localhost:3100","awsEndpoint":"http://127.0.0.1:5000","region":"us-east-1",
                 "tenants":[{"id":"tenant-1","apiKey":"tl_one"},{"id":"tenant-2","apiKey":"tl_two"}],
                 "customers":[],"webhookSecrets":{"native":"%s","easypost":"x"}}""".formatted(SECRET));

        SmokeOptions options = parse("--local", "--wait", "5", "--no-sms");

        assertThat(options.apiUrl()).hasToString("http://localhost:3100");
        assertThat(options.apiKey()).isEqualTo("tl_one");
        assertThat(options.nativeSecret()).isEqualTo(SECRET);
        assertThat(options.waitLimit()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.phone()).isEmpty();
    }

    @Test
    void shouldRegisterAFictionalPhone_whenLocalAndNoSmsChoiceIsGiven() throws IOException {
        Files.createDirectories(root.resolve(".trackline"));
        Files.writeString(root.resolve(".trackline/local.json"), """
                {"apiUrl":"http://localhost:3100","tenants":[{"id":"tenant-1","apiKey":"tl_one"}],
                 "webhookSecrets":{"native":"%s"}}""".formatted(SECRET));

        assertThat(parse("--local").phone()).hasValueSatisfying(p -> assertThat(p).matches("\\+120255501[0-9]{2}").doesNotEndWith("99"));
        assertThat(parse("--local", "--phone", "+14155550123").phone()).contains("+14155550123");
    }

    @Test
    void shouldSayToStartTheLocalCloud_whenLocalJsonIsMissing() {
        assertThatThrownBy(() -> parse("--local")).isInstanceOf(SmokeOptions.UsageException.class).hasMessageContaining("make run");
    }

    @Test
    void shouldRefuse_whenSomethingIsMissingOrWrong() {
        assertThatThrownBy(() -> parse("--api-key", "k", "--webhook-secret", "native=s"))
                .isInstanceOf(SmokeOptions.UsageException.class).hasMessageContaining("--api-url");
        assertThatThrownBy(() -> parse("--api-url", "http://x", "--webhook-secret", "native=s"))
                .isInstanceOf(SmokeOptions.UsageException.class).hasMessageContaining("--api-key");
        assertThatThrownBy(() -> parse("--api-url", "http://x", "--api-key", "k"))
                .isInstanceOf(SmokeOptions.UsageException.class).hasMessageContaining("--webhook-secret");
        assertThatThrownBy(() -> parse("--api-url", "ftp://x", "--api-key", "k", "--webhook-secret", "native=s"))
                .isInstanceOf(SmokeOptions.UsageException.class).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> parse("--api-url", "http://x", "--api-key", "k", "--webhook-secret", "native=s", "--wait", "0"))
                .isInstanceOf(SmokeOptions.UsageException.class).hasMessageContaining("--wait");
        assertThatThrownBy(() -> parse("--api-url", "http://x", "--api-key", "k", "--webhook-secret", "native=s", "--phone", "555"))
                .isInstanceOf(SmokeOptions.UsageException.class).hasMessageContaining("E.164");
        assertThatThrownBy(() -> parse("--bogus")).isInstanceOf(SmokeOptions.UsageException.class).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> parse("--api-url")).isInstanceOf(SmokeOptions.UsageException.class).hasMessageContaining("needs a value");
    }

    @Test
    void shouldNotEchoTheSecret_whenTheWebhookSecretLacksItsSource() {
        assertThatThrownBy(() -> parse("--api-url", "http://x", "--api-key", "k", "--webhook-secret", SECRET))
                .isInstanceOf(SmokeOptions.UsageException.class)
                .hasMessageContaining("native=SECRET")
                .message().doesNotContain("MfKQ9r8");
    }
}
