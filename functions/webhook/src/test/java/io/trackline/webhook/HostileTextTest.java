package io.trackline.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trackline.aws.Json;
import io.trackline.domain.tracking.CarrierText;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanReport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any string (lone surrogates, C0 and C1 controls, bidirectional controls, non-characters, anything) in any text field
 * of any source's {@code events/} payload, signed, through the handler: the answer is 202 with every queued carrier
 * text printable and every message one SQS accepts that decodes to the queued report ({@link Fixtures.RecordingQueue}),
 * the changed field listed in {@code cleaned} if it was cleaned; or 400 naming that field. Never a 5xx, never an
 * exception. The fields are found by walking the payloads, so a field added to a fixture is covered too.
 */
class HostileTextTest {
    private static final long NOW = Fixtures.EVENTS_SIGNED_AT;

    record Target(String source, String pointer) {
    }

    record Case(Target target, String text) {
    }

    @Property(tries = 1500)
    void shouldAcceptCleanedOrRefuseNamingTheField_whateverTextAFieldHolds(@ForAll("cases") Case hostile) throws Exception {
        // given
        Target target = hostile.target();
        ObjectNode body = (ObjectNode) Json.mapper().readTree(Fixtures.payload(target.source()));
        JsonNode parent = body.at(JsonPointer.compile(target.pointer()).head());
        String last = JsonPointer.compile(target.pointer()).last().getMatchingProperty();
        if (parent instanceof ArrayNode array) array.set(Integer.parseInt(last), TextNode.valueOf(hostile.text()));
        else ((ObjectNode) parent).set(last, TextNode.valueOf(hostile.text()));
        // escaped, as a sender's serializer may write them (raw bytes are the fuzz corpus's)
        byte[] bytes = Json.mapper().writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(body);
        Fixtures.RecordingQueue queue = new Fixtures.RecordingQueue();
        WebhookHandler handler = new WebhookHandler(new WebhookWiring(queue, Fixtures.testSecrets(), new Fixtures.RecordingMetrics(),
                Fixtures.clockAt(NOW)));
        var event = Fixtures.event(Fixtures.signedRequest(target.source(), bytes, NOW));
        event.setBody(Base64.getEncoder().encodeToString(bytes));
        event.setIsBase64Encoded(true);

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        JsonNode answer = Json.mapper().readTree(response.getBody());
        assertThat(response.getStatusCode()).as(response.getBody()).isIn(202, 400);
        if (response.getStatusCode() == 400) {
            assertThat(answer.path("field").asText()).as(response.getBody()).isEqualTo(target.pointer());
            assertThat(queue.reports).isEmpty();
            return;
        }
        assertThat(answer.get("accepted").asInt()).isEqualTo(queue.reports.stream().mapToInt(r -> r.scans().size()).sum());
        for (ScanReport report : queue.reports) {
            for (Scan scan : report.scans()) {
                Location l = scan.location();
                for (String text : new String[]{scan.description(), scan.rawStatus(), scan.rawSubStatus(), l.city(),
                        l.region(), l.postalCode(), l.country()}) {
                    assertThat(CarrierText.isClean(text)).as("printable: %s", text).isTrue();
                }
            }
        }
        List<String> cleaned = new ArrayList<>();
        answer.path("cleaned").forEach(c -> cleaned.add(c.asText()));
        assertThat(cleaned).isSubsetOf(target.pointer());
    }

    @Provide
    Arbitrary<Case> cases() {
        List<Target> targets = new ArrayList<>();
        for (String source : Fixtures.SOURCES) {
            try {
                textFields(source, "", Json.mapper().readTree(Fixtures.payload(source)), targets);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Combinators.combine(Arbitraries.of(targets), texts()).as(Case::new);
    }

    private static void textFields(String source, String at, JsonNode node, List<Target> into) {
        if (node.isTextual()) into.add(new Target(source, at));
        if (node.isObject()) node.properties().forEach(e -> textFields(source, at + "/" + e.getKey(), e.getValue(), into));
        if (node.isArray()) for (int i = 0; i < node.size(); i++) textFields(source, at + "/" + i, node.get(i), into);
    }

    /** Arbitrary strings, and the characters the class is about mixed into plain text. */
    static Arbitrary<String> texts() {
        Arbitrary<String> hostile = Arbitraries.of("\ud800", "\udfff", "\u0000", "\u0007", "\t", "\r\nSubject: injected",
                "\u001b[31m", "\u007f", "\u0085", "\u009b", "\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
                "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u2028", "\ufffe", "\uffff", "<script>");
        Arbitrary<String> plain = Arbitraries.strings().alpha().numeric().withChars(' ', '-').ofMaxLength(8);
        Arbitrary<String> mixed = Combinators.combine(plain, hostile, plain, hostile.injectNull(0.5))
                .as((a, h, b, h2) -> a + h + b + (h2 == null ? "" : h2));
        return Arbitraries.oneOf(mixed, Arbitraries.strings().all().ofMaxLength(12), hostile);
    }
}
