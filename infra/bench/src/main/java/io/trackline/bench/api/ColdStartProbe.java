package io.trackline.bench.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import io.trackline.api.ApiHandler;
import io.trackline.api.ApiWiring;
import io.trackline.aws.Settings;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Runs in a fresh JVM on the API's function.jar alone (as Lambda does): builds ApiHandler from settings, answers one
 * "Track package" request against the emulator, and prints how long that took from the JVM's start.
 * Args: endpoint, table, shipment id, customer id, shipment-events topic ARN.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        long beforeInit = System.currentTimeMillis();
        var handler = new ApiHandler(ApiWiring.from(Settings.of(Map.of("AWS_ENDPOINT_URL", args[0], "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "TABLE_NAME", args[1],
                "SHIPMENT_EVENTS_TOPIC_ARN", args[4]))));
        long afterInit = System.currentTimeMillis();
        var event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /v1/me/shipments/{id}").withRawPath("/v1/me/shipments/" + args[2])
                .withPathParameters(Map.of("id", args[2]))
                .withRequestContext(RequestContext.builder()
                        .withHttp(RequestContext.Http.builder().withMethod("GET").withPath("/v1/me/shipments/" + args[2]).build())
                        .withAuthorizer(RequestContext.Authorizer.builder().withJwt(RequestContext.Authorizer.JWT.builder()
                                .withClaims(Map.of("sub", args[3])).build()).build())
                        .build())
                .build();
        int status = handler.handleRequest(event, null).getStatusCode();
        long done = System.currentTimeMillis();
        // CPU time as well as wall time: on a shared machine wall time mostly measures the neighbours.
        long cpuMillis = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        System.out.printf("status=%d jvmToMain=%d init=%d firstResponse=%d total=%d cpu=%d%n",
                status, beforeInit - started, afterInit - beforeInit, done - afterInit, done - started, cpuMillis);
    }
}
