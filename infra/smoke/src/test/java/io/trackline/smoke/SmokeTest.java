package io.trackline.smoke;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner's contract, against a stand-in server: one line per step, stop at the first failure, no secret printed. */
class SmokeTest {
    private static final String API_KEY = "tl_0123456789abcdefghijABCDEFGHIJ0123456789";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void shouldStopWithExitOneAtTheFirstFailure_andPrintNoSecret() throws Exception {
        // given an "API" whose every answer echoes the API key back, with the wrong status
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("{\"openapi\":\"3.1.0\",\"echo\":\"" + exchange.getRequestHeaders().getFirst("x-api-key") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            SmokeOptions options = new SmokeOptions(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), API_KEY,
                    SECRET, Duration.ofSeconds(1), Optional.of("+12025550100"));

            // when
            int exit = new Smoke(options, new PrintStream(output, true, StandardCharsets.UTF_8)).run();

            // then the first step passes, the second fails (200 instead of 401) and nothing after it runs
            String printed = output.toString(StandardCharsets.UTF_8);
            assertThat(exit).isEqualTo(Smoke.FAILED);
            assertThat(printed.lines().filter(l -> l.startsWith("ok   ") || l.startsWith("FAIL "))).satisfiesExactly(
                    first -> assertThat(first).startsWith("ok   API reachable"),
                    second -> assertThat(second).startsWith("FAIL 401 without API key").contains("answered 200, expected 401"));
            assertThat(printed).contains("smoke test FAILED after 1 steps").doesNotContain("register shipment");
            assertThat(printed).doesNotContain(API_KEY, SECRET, SECRET.substring(6));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldFailTheFirstStep_whenNothingListens() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        SmokeOptions options = new SmokeOptions(URI.create("http://127.0.0.1:1"), API_KEY, SECRET, Duration.ofSeconds(1),
                Optional.empty());

        int exit = new Smoke(options, new PrintStream(output, true, StandardCharsets.UTF_8)).run();

        assertThat(exit).isEqualTo(Smoke.FAILED);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("FAIL API reachable", "cannot reach 127.0.0.1");
    }

    @Test
    void shouldRedactTheSecrets_whenTheyAppearInText() {
        Smoke smoke = new Smoke(new SmokeOptions(URI.create("http://x"), API_KEY, SECRET, Duration.ofSeconds(1), Optional.empty()),
                System.out);

        assertThat(smoke.redact("key " + API_KEY + " secret " + SECRET)).isEqualTo("key *** secret ***");
    }
}
