package io.trackline.webhook;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.trackline.domain.tracking.CarrierText;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.webhook.application.IngestResult;
import io.trackline.webhook.application.IngestWebhook;
import io.trackline.webhook.application.WebhookRejected;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.application.SourceDelivery;
import io.trackline.webhook.application.WebhookSource;
import io.trackline.webhook.http.aftership.AfterShipSource;
import io.trackline.webhook.http.easypost.EasyPostSource;
import io.trackline.webhook.http.nativejson.NativeSource;
import io.trackline.webhook.http.shippo.ShippoSignature;
import io.trackline.webhook.http.shippo.ShippoSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parser and signature-header parser under arbitrary input: the only exception allowed out is a mapped
 * {@link WebhookRejected} 4xx. The {@code *ToQueue} targets take a body through the whole ingest (parse, group, the
 * queue codec): it is refused with a 4xx, or every message it makes holds only characters SQS accepts, in body and
 * attributes, and decodes back to the very reports queued ({@link Fixtures.RecordingQueue}), whose carrier text is
 * printable. Plain {@code mvn test} replays the checked-in corpus under
 * {@code src/test/resources/io/trackline/webhook/WebhookFuzzTestInputs/<method>/} (regression mode);
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=WebhookFuzzTest} fuzzes for real, each target for at most {@code maxDuration}.
 */
class WebhookFuzzTest {
    private static final Instant NOW = Instant.ofEpochSecond(Fixtures.EVENTS_SIGNED_AT);

    private static void parse(WebhookSource source, byte[] body) {
        try {
            source.parse(new WebhookRequest(source.name(), Map.of("webhook-id", "msg_fuzz"), body));
        } catch (WebhookRejected e) {
            assertThat(e.status()).isEqualTo(400);
        }
    }

    private static void verify(WebhookSource source, Map<String, String> headers, byte[] body) {
        try {
            source.verify(new WebhookRequest(source.name(), headers, body), List.of(Fixtures.TEST_SECRETS.get(source.name())), NOW);
        } catch (WebhookRejected e) {
            assertThat(e.status()).isEqualTo(401);
        }
    }

    /** The source without its signature check: the fuzzer cannot sign, and the parse is what is under test. */
    private static WebhookSource unsigned(WebhookSource source) {
        return new WebhookSource() {
            public String name() {
                return source.name();
            }

            public void verify(WebhookRequest request, List<String> secrets, Instant now) {
            }

            public SourceDelivery parse(WebhookRequest request) {
                return source.parse(request);
            }
        };
    }

    private static void toQueue(WebhookSource source, byte[] body) {
        Fixtures.RecordingQueue queue = new Fixtures.RecordingQueue();
        IngestWebhook ingest = new IngestWebhook(List.of(unsigned(source)), Fixtures.testSecrets(), queue,
                new Fixtures.RecordingMetrics(), Fixtures.clockAt(Fixtures.EVENTS_SIGNED_AT));
        IngestResult result;
        try {
            result = ingest.ingest(new WebhookRequest(source.name(),
                    Map.of("webhook-id", "msg_fuzz", "content-type", "application/json"), body));
        } catch (WebhookRejected e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(queue.reports).isEmpty();
            return;
        }
        assertThat(queue.reports.stream().mapToInt(r -> r.scans().size()).sum()).isEqualTo(result.accepted());
        for (ScanReport report : queue.reports) {
            for (Scan scan : report.scans()) {
                Location l = scan.location();
                for (String text : new String[]{scan.description(), scan.rawStatus(), scan.rawSubStatus(), l.city(),
                        l.region(), l.postalCode(), l.country()}) {
                    assertThat(CarrierText.isClean(text)).isTrue();
                }
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void nativeToQueue(byte[] body) {
        toQueue(new NativeSource(), body);
    }

    @FuzzTest(maxDuration = "30s")
    void easyPostToQueue(byte[] body) {
        toQueue(new EasyPostSource(), body);
    }

    @FuzzTest(maxDuration = "30s")
    void afterShipToQueue(byte[] body) {
        toQueue(new AfterShipSource(), body);
    }

    @FuzzTest(maxDuration = "30s")
    void shippoToQueue(byte[] body) {
        toQueue(new ShippoSource(), body);
    }

    @FuzzTest(maxDuration = "30s")
    void nativeParser(byte[] body) {
        parse(new NativeSource(), body);
    }

    @FuzzTest(maxDuration = "30s")
    void easyPostParser(byte[] body) {
        parse(new EasyPostSource(), body);
    }

    @FuzzTest(maxDuration = "30s")
    void afterShipParser(byte[] body) {
        parse(new AfterShipSource(), body);
    }

    @FuzzTest(maxDuration = "30s")
    void shippoParser(byte[] body) {
        parse(new ShippoSource(), body);
    }

    @FuzzTest(maxDuration = "30s")
    void standardWebhooksHeaders(FuzzedDataProvider data) {
        Map<String, String> headers = Map.of("webhook-id", data.consumeString(64), "webhook-timestamp", data.consumeString(16),
                "webhook-signature", data.consumeString(3000));
        verify(new NativeSource(), headers, data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = "30s")
    void easyPostHeader(FuzzedDataProvider data) {
        verify(new EasyPostSource(), Map.of(EasyPostSource.HEADER, data.consumeString(3000)), data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = "30s")
    void afterShipHeader(FuzzedDataProvider data) {
        verify(new AfterShipSource(), Map.of(AfterShipSource.HEADER, data.consumeString(3000)), data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = "30s")
    void shippoHeader(FuzzedDataProvider data) {
        verify(new ShippoSource(), Map.of(ShippoSignature.HEADER, data.consumeString(3000)), data.consumeRemainingAsBytes());
    }
}
