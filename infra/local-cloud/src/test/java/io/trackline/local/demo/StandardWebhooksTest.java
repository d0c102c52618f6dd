package io.trackline.local.demo;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StandardWebhooksTest {
    @Test
    void shouldMatchTheStandardWebhooksReferenceSignature_whenTheSecretHasTheWhsecPrefix() {
        // The example of the Standard Webhooks specification and its reference libraries.
        String signature = StandardWebhooks.signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldUseTheUtf8Bytes_whenTheSecretHasNoPrefix() {
        assertThat(StandardWebhooks.key("plain-secret")).isEqualTo("plain-secret".getBytes(StandardCharsets.UTF_8));
    }
}
