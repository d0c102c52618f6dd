package io.trackline.aws.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpWebhookSenderTest {
    @Test
    void shouldBuildItsHttpClientOnTheFirstSendOnly_whenAFunctionThatNeverSendsStarts() throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            long before = httpClientThreads();
            var sender = new HttpWebhookSender();
            // a JDK HttpClient starts its selector thread when built: none yet
            assertThat(httpClientThreads()).isEqualTo(before);

            var response = sender.send(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
                    List.of(InetAddress.getLoopbackAddress()), Map.of("content-type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));

            assertThat(response.statusCode()).as(String.valueOf(response.error())).isEqualTo(204);
            assertThat(httpClientThreads()).isEqualTo(before + 1);
        } finally {
            receiver.stop(0);
        }
    }

    private static long httpClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("HttpClient-") && thread.getName().endsWith("-SelectorManager")).count();
    }
}
