package io.trackline.domain.webhooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StandardWebhooksTest {
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldSignAsTheSpecification_whenGivenItsTestVector() {
        assertThat(StandardWebhooks.signature(SPEC_SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, SPEC_BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldVerifyWithEitherSecret_whenSignedWithTwoDuringARotation() {
        SigningSecrets rotated = new SigningSecrets("whsec_bmV3LXNlY3JldC1uZXctc2VjcmV0LW5ldy1zZWNyZXQ=", SPEC_SECRET,
                java.time.Instant.parse("2026-03-02T00:00:00Z"));
        String header = StandardWebhooks.signatures(rotated.active(java.time.Instant.parse("2026-03-01T12:00:00Z")),
                "msg_1", 1L, SPEC_BODY);

        assertThat(header.split(" ")).hasSize(2).allMatch(entry -> entry.startsWith("v1,"));
        assertThat(StandardWebhooks.verifies(header, List.of(SPEC_SECRET), "msg_1", 1L, SPEC_BODY)).isTrue();
        assertThat(StandardWebhooks.verifies(header, List.of(rotated.current()), "msg_1", 1L, SPEC_BODY)).isTrue();
        assertThat(rotated.active(java.time.Instant.parse("2026-03-02T00:00:00Z"))).containsExactly(rotated.current());
    }

    @Test
    void shouldNotVerify_whenTheBodyOrIdOrTimestampDiffer() {
        String header = StandardWebhooks.signature(SPEC_SECRET, "msg_1", 1L, SPEC_BODY);

        assertThat(StandardWebhooks.verifies(header, List.of(SPEC_SECRET), "msg_2", 1L, SPEC_BODY)).isFalse();
        assertThat(StandardWebhooks.verifies(header, List.of(SPEC_SECRET), "msg_1", 2L, SPEC_BODY)).isFalse();
        assertThat(StandardWebhooks.verifies(header, List.of(SPEC_SECRET), "msg_1", 1L, new byte[]{'{', '}'})).isFalse();
        assertThat(StandardWebhooks.verifies("v1a,abc v2,xyz v1,%%%", List.of(SPEC_SECRET), "msg_1", 1L, SPEC_BODY)).isFalse();
    }

    @Test
    void shouldKeepTheWebhookIdStable_whenTheSameEventGoesToTheSameEndpoint() {
        String id = WebhookIds.of("evt-1", "we_1");

        assertThat(id).isEqualTo(WebhookIds.of("evt-1", "we_1")).startsWith("msg_").hasSize(26)
                .isNotEqualTo(WebhookIds.of("evt-1", "we_2")).isNotEqualTo(WebhookIds.of("evt-2", "we_1"));
    }

    @Test
    void shouldNotPrintSecrets_whenTheSecretsArePrinted() {
        SigningSecrets secrets = SigningSecrets.generate();

        assertThat(secrets.current()).startsWith("whsec_");
        assertThat(StandardWebhooks.key(secrets.current())).hasSize(32);
        assertThat(secrets.toString()).doesNotContain(secrets.current());
    }
}
