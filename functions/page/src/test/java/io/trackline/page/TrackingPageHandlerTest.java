package io.trackline.page;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.trackline.aws.Settings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingPageHandlerTest {

    @Test
    void shouldAnswerA503Page_whenTheTableCannotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var handler = new TrackingPageHandler(PageWiring.from(Settings.of(Map.of("TABLE_NAME", "TrackingTable",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + closedPort, "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "SDK_CALL_TIMEOUT", "PT2S", "SDK_CALL_ATTEMPT_TIMEOUT", "PT0.5S"))));

        APIGatewayV2HTTPResponse page = handler.handleRequest(APIGatewayV2HTTPEvent.builder()
                .withPathParameters(Map.of("shipmentId", "shp_4bT9xQ2mZr7LkP0aWc3Yd1"))
                .withQueryStringParameters(Map.of("lang", "es")).build(), null);

        assertThat(page.getStatusCode()).isEqualTo(503);
        assertThat(page.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("cache-control", "no-store").containsKey("content-security-policy");
        assertThat(page.getBody()).contains("<h1>El seguimiento no está disponible ahora</h1>");
    }
}
