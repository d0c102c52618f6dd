package io.trackline.domain.webhooks;

import io.trackline.domain.webhooks.port.WebhookSender;
import io.trackline.domain.webhooks.usecase.AttemptDelivery;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final List<Map<String, String>> sent = new ArrayList<>();
    private final List<List<InetAddress>> connectedTo = new ArrayList<>();
    private final WebhookSender sender = (url, addresses, headers, body) -> {
        sent.add(headers);
        connectedTo.add(addresses);
        return new WebhookSender.Response(200, "ok", null, 12);
    };

    @Test
    void shouldRefuseWithoutSending_whenTheNameRebindsToTheMetadataAddressAfterRegistration() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>("93.184.215.14");
        DestinationPolicy policy = new DestinationPolicy(false, host -> List.of(InetAddress.getByName(answer.get())));
        WebhookEndpoint endpoint = WebhookEndpoint.create("t1", policy.check("https://hooks.example.com/in?token=x"),
                Set.of(), null, NOW);

        answer.set("169.254.169.254");
        Attempt attempt = new AttemptDelivery(policy, sender, CLOCK).attempt(endpoint, delivery(endpoint), 1);

        assertThat(sent).isEmpty();
        assertThat(attempt.succeeded()).isFalse();
        assertThat(attempt.statusCode()).isNull();
        assertThat(attempt.error()).startsWith("refused:").contains("link-local");
    }

    @Test
    void shouldSendToTheCheckedAddressesSigned_whenTheNameStillResolvesToAPublicAddress() throws Exception {
        InetAddress checked = InetAddress.getByName("93.184.215.14");
        DestinationPolicy policy = new DestinationPolicy(false, host -> List.of(checked));
        WebhookEndpoint endpoint = WebhookEndpoint.create("t1", policy.check("https://hooks.example.com/in"), Set.of(), null, NOW);
        Delivery delivery = delivery(endpoint);

        Attempt attempt = new AttemptDelivery(policy, sender, CLOCK).attempt(endpoint, delivery, 3);

        assertThat(attempt.succeeded()).isTrue();
        assertThat(attempt.attempt()).isEqualTo(3);
        assertThat(connectedTo).containsExactly(List.of(checked));
        Map<String, String> headers = sent.getFirst();
        assertThat(headers).containsEntry("webhook-id", delivery.webhookId())
                .containsEntry("webhook-timestamp", Long.toString(NOW.getEpochSecond()))
                .containsEntry("content-type", "application/json");
        assertThat(StandardWebhooks.verifies(headers.get("webhook-signature"), List.of(endpoint.secrets().current()),
                delivery.webhookId(), NOW.getEpochSecond(), delivery.bodyBytes())).isTrue();
    }

    @Test
    void shouldLogTheUrlWithoutItsQueryString_whenALogLineNamesIt() {
        WebhookEndpoint endpoint = WebhookEndpoint.create("t1", URI.create("https://hooks.example.com:8443/in?token=secret#x"),
                Set.of(), null, NOW);

        assertThat(endpoint.loggableUrl()).isEqualTo("https://hooks.example.com:8443/in");
    }

    private static Delivery delivery(WebhookEndpoint endpoint) {
        return new Delivery("t1", endpoint.id(), "evt-1", EventType.STATUS_CHANGED, "{\"id\":\"evt-1\"}", NOW);
    }
}
