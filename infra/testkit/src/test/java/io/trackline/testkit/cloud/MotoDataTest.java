package io.trackline.testkit.cloud;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code /moto-api/data.json} answered as moto answers it while requests change its backends. */
class MotoDataTest {
    private static final String DATA = """
            {"sns": {"SMS": [{"phone_number": "+15555550100", "message": "Out for delivery", "message_id": "m-1"}]}}""";

    @Test
    void shouldReadTheSmsAgain_whenMotoAnswers500WhileItsBackendsChange() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer moto = moto(() -> requests.incrementAndGet() <= 2 ? 500 : 200);
        try {
            var sms = MotoData.sms(URI.create("http://127.0.0.1:" + moto.getAddress().getPort()));

            assertThat(sms).singleElement().satisfies(one -> assertThat(one.path("message_id").asText()).isEqualTo("m-1"));
            assertThat(requests).hasValue(3);
        } finally {
            moto.stop(0);
        }
    }

    @Test
    void shouldFailWithMotosAnswer_whenItNeverAnswers200() throws IOException {
        HttpServer moto = moto(() -> 500);
        try {
            assertThatThrownBy(() -> MotoData.read(URI.create("http://127.0.0.1:" + moto.getAddress().getPort())))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("answered 500 20 times");
        } finally {
            moto.stop(0);
        }
    }

    private static HttpServer moto(java.util.function.IntSupplier status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/moto-api/data.json", exchange -> {
            int code = status.getAsInt();
            byte[] body = (code == 200 ? DATA : "<title>500 Internal Server Error</title>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
