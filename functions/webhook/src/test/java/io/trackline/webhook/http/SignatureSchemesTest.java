package io.trackline.webhook.http;

import io.trackline.webhook.application.WebhookSource;
import io.trackline.webhook.Fixtures;
import io.trackline.webhook.application.WebhookRejected;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.http.aftership.AfterShipSource;
import io.trackline.webhook.http.easypost.EasyPostSource;
import io.trackline.webhook.http.nativejson.NativeSource;
import io.trackline.webhook.http.shippo.ShippoSignature;
import io.trackline.webhook.http.shippo.ShippoSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.trackline.webhook.Fixtures.TEST_SECRETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every signature scheme against the same attacks; scheme-specific cases below. */
class SignatureSchemesTest {
    static final List<String> SOURCES = Fixtures.SOURCES;
    private static final long NOW = 1_764_172_800L;
    private static final Instant NOW_INSTANT = Instant.ofEpochSecond(NOW);
    private static final Map<String, WebhookSource> BY_NAME = Map.of("native", new NativeSource(),
            "easypost", new EasyPostSource(), "aftership", new AfterShipSource(), "shippo", new ShippoSource());

    private static WebhookRequest signed(String source, String secret, byte[] body, long at) {
        return new WebhookRequest(source, Fixtures.signatureHeaders(source, secret, body, at), body);
    }

    private static void verify(WebhookRequest request, List<String> secrets) {
        BY_NAME.get(request.source()).verify(request, secrets, NOW_INSTANT);
    }

    private static WebhookRequest withHeaders(WebhookRequest request, Map<String, String> changes) {
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.putAll(changes);
        return new WebhookRequest(request.source(), headers, request.body());
    }

    /** The header that carries the signature bytes, per scheme. */
    private static String signatureHeader(String source) {
        return switch (source) {
            case "native" -> "webhook-signature";
            case "easypost" -> EasyPostSource.HEADER;
            case "aftership" -> AfterShipSource.HEADER;
            default -> ShippoSignature.HEADER;
        };
    }

    @ParameterizedTest
    @FieldSource("SOURCES")
    void shouldVerify_whenSignedWithTheActiveSecret(String source) {
        // given
        WebhookRequest request = signed(source, TEST_SECRETS.get(source), Fixtures.payload(source), NOW);

        // when / then
        assertThatCode(() -> verify(request, List.of(TEST_SECRETS.get(source)))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @FieldSource("SOURCES")
    void shouldReject_whenSignedWithAnotherSecret(String source) {
        WebhookRequest request = signed(source, "not-the-secret", Fixtures.payload(source), NOW);

        assertThatThrownBy(() -> verify(request, List.of(TEST_SECRETS.get(source))))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("does not match");
    }

    @ParameterizedTest
    @FieldSource("SOURCES")
    void shouldReject_whenOneByteOfTheBodyChanged(String source) {
        // given
        byte[] body = Fixtures.payload(source);
        WebhookRequest request = signed(source, TEST_SECRETS.get(source), body, NOW);
        byte[] tampered = body.clone();
        tampered[tampered.length / 2] ^= 0x01;

        // when / then
        assertThatThrownBy(() -> verify(new WebhookRequest(source, request.headers(), tampered), List.of(TEST_SECRETS.get(source))))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @ParameterizedTest
    @FieldSource("SOURCES")
    void shouldReject_whenTheJsonWasReserialisedWithOtherWhitespace(String source) throws Exception {
        // given: the same JSON document, compacted
        byte[] body = Fixtures.payload(source);
        WebhookRequest request = signed(source, TEST_SECRETS.get(source), body, NOW);
        byte[] compact = io.trackline.aws.Json.mapper().readTree(body).toString().getBytes(StandardCharsets.UTF_8);
        assertThat(compact).isNotEqualTo(body);

        // when / then
        assertThatThrownBy(() -> verify(new WebhookRequest(source, request.headers(), compact), List.of(TEST_SECRETS.get(source))))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @ParameterizedTest
    @FieldSource("SOURCES")
    void shouldReject_whenTheSignatureHeaderIsMissing(String source) {
        WebhookRequest request = signed(source, TEST_SECRETS.get(source), Fixtures.payload(source), NOW);
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.remove(signatureHeader(source));

        assertThatThrownBy(() -> verify(new WebhookRequest(source, headers, request.body()), List.of(TEST_SECRETS.get(source))))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("missing");
    }

    @ParameterizedTest
    @FieldSource("SOURCES")
    void shouldReject_whenTheSignatureHeaderIsEmpty(String source) {
        WebhookRequest request = withHeaders(signed(source, TEST_SECRETS.get(source), Fixtures.payload(source), NOW),
                Map.of(signatureHeader(source), " "));

        assertThatThrownBy(() -> verify(request, List.of(TEST_SECRETS.get(source))))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @ParameterizedTest
    @FieldSource("SOURCES")
    void shouldReject_whenTheSignatureHeaderIsOversized(String source) {
        // given: the valid signature followed by 4 KiB of padding
        WebhookRequest valid = signed(source, TEST_SECRETS.get(source), Fixtures.payload(source), NOW);
        String header = signatureHeader(source);
        WebhookRequest request = withHeaders(valid, Map.of(header, valid.header(header) + " " + "A".repeat(4096)));

        assertThatThrownBy(() -> verify(request, List.of(TEST_SECRETS.get(source))))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("too long");
    }

    @ParameterizedTest
    @FieldSource("SOURCES")
    void shouldAcceptBothSecrets_whileRotating(String source) {
        // given: the new secret is active next to the old one
        byte[] body = Fixtures.payload(source);
        List<String> rotating = List.of("the-new-secret", TEST_SECRETS.get(source));

        // when / then
        assertThatCode(() -> verify(signed(source, TEST_SECRETS.get(source), body, NOW), rotating)).doesNotThrowAnyException();
        assertThatCode(() -> verify(signed(source, "the-new-secret", body, NOW), rotating)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @FieldSource("SOURCES")
    void shouldReject_whenSignedWithARetiredSecret(String source) {
        WebhookRequest request = signed(source, TEST_SECRETS.get(source), Fixtures.payload(source), NOW);

        assertThatThrownBy(() -> verify(request, List.of("the-new-secret", "the-newer-secret")))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @ParameterizedTest
    @FieldSource("SOURCES")
    void shouldReject_whenNoSecretIsConfigured(String source) {
        WebhookRequest request = signed(source, TEST_SECRETS.get(source), Fixtures.payload(source), NOW);

        assertThatThrownBy(() -> verify(request, List.of()))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("no signing secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "shippo"})
    void shouldReject_whenTheTimestampIsMoreThanFiveMinutesOld(String source) {
        WebhookRequest request = signed(source, TEST_SECRETS.get(source), Fixtures.payload(source), NOW - 301);

        assertThatThrownBy(() -> verify(request, List.of(TEST_SECRETS.get(source))))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("5 minutes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "shippo"})
    void shouldReject_whenTheTimestampIsMoreThanFiveMinutesAhead(String source) {
        WebhookRequest request = signed(source, TEST_SECRETS.get(source), Fixtures.payload(source), NOW + 301);

        assertThatThrownBy(() -> verify(request, List.of(TEST_SECRETS.get(source))))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("5 minutes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "shippo"})
    void shouldVerify_whenTheTimestampIsJustInsideTheWindow(String source) {
        byte[] body = Fixtures.payload(source);

        assertThatCode(() -> verify(signed(source, TEST_SECRETS.get(source), body, NOW - 300), List.of(TEST_SECRETS.get(source))))
                .doesNotThrowAnyException();
        assertThatCode(() -> verify(signed(source, TEST_SECRETS.get(source), body, NOW + 300), List.of(TEST_SECRETS.get(source))))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldReject_whenTheNativeTimestampWasChangedAfterSigning() {
        WebhookRequest request = withHeaders(signed("native", TEST_SECRETS.get("native"), Fixtures.payload("native"), NOW),
                Map.of("webhook-timestamp", Long.toString(NOW - 1)));

        assertThatThrownBy(() -> verify(request, List.of(TEST_SECRETS.get("native")))).isInstanceOf(WebhookRejected.class);
    }

    // ---- hex/base64 confusion: the right MAC in the other encoding is still refused

    @Test
    void shouldReject_whenEasyPostSignatureIsBase64InsteadOfHex() {
        byte[] body = Fixtures.payload("easypost");
        String hex = EasyPostSource.sign(TEST_SECRETS.get("easypost"), body).substring("hmac-sha256-hex=".length());
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
        WebhookRequest request = new WebhookRequest("easypost", Map.of(EasyPostSource.HEADER, "hmac-sha256-hex=" + base64), body);

        assertThatThrownBy(() -> verify(request, List.of(TEST_SECRETS.get("easypost")))).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void shouldReject_whenAfterShipSignatureIsHexInsteadOfBase64() {
        byte[] body = Fixtures.payload("aftership");
        String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(AfterShipSource.sign(TEST_SECRETS.get("aftership"), body)));
        WebhookRequest request = new WebhookRequest("aftership", Map.of(AfterShipSource.HEADER, hex), body);

        assertThatThrownBy(() -> verify(request, List.of(TEST_SECRETS.get("aftership")))).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void shouldReject_whenShippoSignatureIsBase64InsteadOfHex() {
        byte[] body = Fixtures.payload("shippo");
        String hex = ShippoSignature.sign(TEST_SECRETS.get("shippo"), NOW, body).split("v1=")[1];
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
        WebhookRequest request = new WebhookRequest("shippo", Map.of(ShippoSignature.HEADER, "t=" + NOW + ",v1=" + base64), body);

        assertThatThrownBy(() -> verify(request, List.of(TEST_SECRETS.get("shippo")))).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void shouldReject_whenNativeSignatureIsHexInsteadOfBase64() {
        byte[] body = Fixtures.payload("native");
        WebhookRequest valid = signed("native", TEST_SECRETS.get("native"), body, NOW);
        String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(valid.header("webhook-signature").substring(3)));

        assertThatThrownBy(() -> verify(withHeaders(valid, Map.of("webhook-signature", "v1," + hex)), List.of(TEST_SECRETS.get("native"))))
                .isInstanceOf(WebhookRejected.class);
    }

    // ---- scheme details

    @Test
    void shouldVerify_whenOneOfSeveralNativeSignaturesMatches() {
        WebhookRequest valid = signed("native", TEST_SECRETS.get("native"), Fixtures.payload("native"), NOW);
        String several = "v1,bm90LWEtc2lnbmF0dXJl v1a,ignored " + valid.header("webhook-signature");

        assertThatCode(() -> verify(withHeaders(valid, Map.of("webhook-signature", several)), List.of(TEST_SECRETS.get("native"))))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldUseTheUtf8BytesAsKey_whenTheNativeSecretHasNoWhsecPrefix() {
        byte[] body = Fixtures.payload("native");
        WebhookRequest request = signed("native", "plain-secret", body, NOW);

        assertThatCode(() -> verify(request, List.of("plain-secret"))).doesNotThrowAnyException();
        assertThat(io.trackline.webhook.http.nativejson.StandardWebhooksSignature.key("plain-secret"))
                .isEqualTo("plain-secret".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldNormaliseTheEasyPostSecretNfkd_whenItHasCompatibilityCharacters() {
        // given: "ﬁ" (U+FB01) NFKD-normalises to "fi", as EasyPost's libraries do before keying the HMAC
        byte[] body = Fixtures.payload("easypost");
        WebhookRequest request = signed("easypost", "secret-ﬁve", body, NOW);

        assertThatCode(() -> verify(request, List.of("secret-five"))).doesNotThrowAnyException();
    }

    @Test
    void shouldReject_whenTheShippoHeaderHasNoTimestamp() {
        byte[] body = Fixtures.payload("shippo");
        String v1 = ShippoSignature.sign(TEST_SECRETS.get("shippo"), NOW, body).split(",")[1];

        assertThatThrownBy(() -> verify(new WebhookRequest("shippo", Map.of(ShippoSignature.HEADER, v1), body), List.of(TEST_SECRETS.get("shippo"))))
                .isInstanceOf(WebhookRejected.class).hasMessageContaining("timestamp");
    }
}
