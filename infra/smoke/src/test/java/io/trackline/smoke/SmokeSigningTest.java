package io.trackline.smoke;

import io.trackline.domain.webhooks.StandardWebhooks;
import io.trackline.webhook.application.WebhookRejected;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.http.nativejson.NativeSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The smoke's own signing and payloads against the Standard Webhooks test vector and the webhook function itself. */
class SmokeSigningTest {
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final long NOW = 1_764_172_800L;

    @Test
    void shouldSignAsTheStandardWebhooksSpec_whenGivenItsTestVector() {
        // the example in the Standard Webhooks specification
        String signature = StandardWebhooks.signature(SPEC_SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldBeAcceptedByTheWebhookFunctionsVerifier_whenSignedWithTheActiveSecret() {
        byte[] body = smoke().scan("OUT_FOR_DELIVERY", "Out for delivery", OffsetDateTime.now(ZoneOffset.UTC));
        var request = new WebhookRequest("native", StandardWebhooks.headers(SPEC_SECRET, "msg_1", NOW, body), body);

        assertThatCode(() -> new NativeSource().verify(request, List.of(SPEC_SECRET), Instant.ofEpochSecond(NOW)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldBeAcceptedByTheVerifier_whenTheSecretIsPlainText() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        var request = new WebhookRequest("native", StandardWebhooks.headers("plain-secret", "msg_1", NOW, body), body);

        assertThatCode(() -> new NativeSource().verify(request, List.of("plain-secret"), Instant.ofEpochSecond(NOW)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldBeRefusedByTheVerifier_whenSignedWithAnotherSecret() {
        // the smoke's "401 bad webhook signature" step relies on this
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        var request = new WebhookRequest("native",
                StandardWebhooks.headers("whsec_bm90LXRoZS1zZWNyZXQtYXQtYWxsLTMyLWJ5dGVzIQ==", "msg_1", NOW, body), body);

        assertThatThrownBy(() -> new NativeSource().verify(request, List.of(SPEC_SECRET), Instant.ofEpochSecond(NOW)))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void shouldParseAsOneScanOfTheRunsPackage_whenTheWebhookFunctionReadsTheSmokesPayload() {
        Smoke smoke = smoke();
        byte[] body = smoke.scan("OUT_FOR_DELIVERY", "Out for delivery", OffsetDateTime.now(ZoneOffset.UTC));

        var delivery = new NativeSource().parse(new WebhookRequest("native",
                StandardWebhooks.headers(SPEC_SECRET, "msg_1", NOW, body), body));

        assertThat(delivery.packages()).singleElement().satisfies(update -> {
            assertThat(update.trackingNumber().value()).isEqualTo("SMOKE" + smoke.runId);
            assertThat(update.carrier().code()).isEqualTo(Smoke.CARRIER);
            assertThat(update.scans()).hasSize(1);
        });
    }

    private static Smoke smoke() {
        return new Smoke(new SmokeOptions(java.net.URI.create("http://localhost:1"), "tl_key", SPEC_SECRET,
                Duration.ofSeconds(1), Optional.of("+12025550100")), System.out);
    }
}
