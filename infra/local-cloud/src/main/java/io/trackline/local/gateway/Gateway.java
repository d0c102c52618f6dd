package io.trackline.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.trackline.aws.Json;
import io.trackline.aws.http.Problem;
import io.trackline.aws.log.Log;
import io.trackline.local.lambda.LocalFunction;
import io.trackline.local.lambda.Schedules;
import io.trackline.local.lambda.RuntimeJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local HTTP API: serves the template's {@code HttpApi} routes on a loopback port by invoking their functions with
 * real {@link APIGatewayV2HTTPEvent}s and writing back their {@link APIGatewayV2HTTPResponse}s, with API Gateway's JWT
 * authorizer in front of routes that name one. Two local-only routes sit beside them:
 * {@code POST /local/schedules/{function}} runs a schedule now, and {@code GET /local-issuer/.well-known/jwks.json}
 * serves the local issuer's public key.
 */
public final class Gateway implements AutoCloseable {
    /** API Gateway's payload limit. */
    static final int MAX_BODY = 10 * 1024 * 1024;
    /** HTTP APIs are billed per request, each started 512 KB counting as one (aws.amazon.com/api-gateway/pricing). */
    static final int METERED_BYTES = 512 * 1024;
    public static final String ISSUER_PATH = "/local-issuer";
    private static final String SCHEDULES_PATH = "/local/schedules/";
    private static final Log LOG = Log.of(Gateway.class);

    /**
     * How long a client may take to send its request, and to take the response, before the connection is closed (API
     * Gateway gives up after 30 s as well). A slow client holds only its own (virtual) thread meanwhile, never the
     * others': invocations still run one at a time (LocalCloud), but reading and writing do not wait for each other.
     */
    static final java.time.Duration SLOW_CLIENT_LIMIT = java.time.Duration.ofSeconds(30);

    static {
        // The JDK server reads these once, when its first instance is made.
        System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(SLOW_CLIENT_LIMIT.toSeconds()));
        System.setProperty("sun.net.httpserver.maxRspTime", Long.toString(SLOW_CLIENT_LIMIT.toSeconds()));
    }

    private final HttpServer server;
    private final AtomicLong meteredRequests = new AtomicLong();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("http-", 0).factory());
    private volatile HttpHandler handler = exchange -> {
        try (exchange) {
            write(exchange, 503, "application/json", "{\"message\":\"Service Unavailable\"}");
        }
    };

    private Gateway(HttpServer server) {
        this.server = server;
        server.createContext("/", exchange -> handler.handle(exchange));
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Takes the port now, so that a port in use fails before anything else starts; 0 picks a free one. Until
     * {@link #serve} it answers 503, as the local cloud is still starting.
     */
    public static Gateway bind(int port) {
        try {
            return new Gateway(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64));
        } catch (BindException e) {
            throw new PortInUse(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI url() {
        return URI.create("http://localhost:" + port());
    }

    /** The API requests received so far as API Gateway meters them (the local issuer and schedule paths are not the API). */
    public long meteredRequests() {
        return meteredRequests.get();
    }

    public void serve(Routes<LocalFunction> routes, Map<String, JwtAuthorizer> authorizers, LocalIssuer issuer, Schedules schedules,
                      String accountId) {
        handler = exchange -> {
            try (exchange) {
                handle(exchange, routes, authorizers, issuer, schedules, accountId);
            } catch (RuntimeException | IOException e) {
                LOG.error("gateway failed", "path", exchange.getRequestURI().getRawPath(), "error", e.toString());
            }
        };
    }

    private void handle(HttpExchange exchange, Routes<LocalFunction> routes, Map<String, JwtAuthorizer> authorizers, LocalIssuer issuer,
                        Schedules schedules, String accountId) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        if (method.equals("GET") && path.equals(ISSUER_PATH + "/.well-known/jwks.json")) {
            write(exchange, 200, "application/json", issuer.jwks());
            return;
        }
        if (path.startsWith(SCHEDULES_PATH)) {
            triggerSchedule(exchange, method, path.substring(SCHEDULES_PATH.length()), schedules);
            return;
        }
        byte[] body = readBody(exchange.getRequestBody());
        meteredRequests.addAndGet(body == null ? MAX_BODY / METERED_BYTES : Math.max(1, (body.length + METERED_BYTES - 1) / METERED_BYTES));
        if (body == null) {
            write(exchange, 413, "application/json", "{\"message\":\"Request Entity Too Large\"}");
            return;
        }
        var match = routes.match(method, path);
        if (match.isEmpty()) {
            writeProblem(exchange, Problem.of(404, "not-found", "Not Found",
                    "No route matches " + method + " " + path + "."));
            return;
        }
        APIGatewayV2HTTPEvent event = HttpEvents.of(exchange, body, match.get(), accountId);
        var route = match.get().route();
        if (route.authorizer().isPresent()) {
            var decision = authorizers.get(route.authorizer().get()).authorize(Optional.ofNullable(event.getHeaders().get("authorization")), route.scopes());
            if (decision instanceof JwtAuthorizer.Denied denied) {
                exchange.getResponseHeaders().add("www-authenticate", "Bearer");
                write(exchange, denied.status(), "application/json",
                        denied.status() == 401 ? "{\"message\":\"Unauthorized\"}" : "{\"message\":\"Forbidden\"}");
                return;
            }
            var allowed = (JwtAuthorizer.Allowed) decision;
            var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(allowed.claims());
            jwt.setScopes(allowed.scopes().isEmpty() ? null : allowed.scopes());
            var context = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            context.setJwt(jwt);
            event.getRequestContext().setAuthorizer(context);
        }
        Object result;
        try {
            result = route.target().invoke(event);
        } catch (LocalFunction.FunctionFailed e) {
            LOG.error("function failed", "function", route.target().name(), "route", route.routeKey(), "error", e.getMessage());
            // Locally the developer needs the handler's stack trace (a runtime process logs its own); API Gateway hides it.
            if (e.getCause() != null) e.getCause().printStackTrace();
            write(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}");
            return;
        }
        writeResult(exchange, result);
    }

    private void triggerSchedule(HttpExchange exchange, String method, String function, Schedules schedules) throws IOException {
        if (!method.equals("POST")) {
            writeProblem(exchange, Problem.of(405, "method-not-allowed", "Method Not Allowed", "Use POST to run a schedule."));
            return;
        }
        if (!schedules.has(function)) {
            writeProblem(exchange, Problem.of(404, "not-found", "Not Found",
                    "No scheduled function " + function + "; scheduled functions: " + schedules.functions() + "."));
            return;
        }
        try {
            schedules.trigger(function);
            write(exchange, 200, "application/json", Json.mapper().createObjectNode().put("function", function).put("ran", true).toString());
        } catch (LocalFunction.FunctionFailed e) {
            writeProblem(exchange, Problem.of(500, "function-failed", "Function Failed", e.getMessage()));
        }
    }

    /**
     * A {@link APIGatewayV2HTTPResponse} (or its JSON, with a {@code statusCode}) is written as it is; any other result is
     * JSON with 200, as API Gateway does with payload format 2.0.
     */
    private static void writeResult(HttpExchange exchange, Object result) throws IOException {
        if (result instanceof com.fasterxml.jackson.databind.JsonNode node && node.isObject() && node.has("statusCode")) {
            result = RuntimeJson.mapper().convertValue(node, APIGatewayV2HTTPResponse.class);
        }
        if (!(result instanceof APIGatewayV2HTTPResponse response)) {
            write(exchange, 200, "application/json", json(result));
            return;
        }
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
        }
        List<String> cookies = response.getCookies() == null ? List.of() : response.getCookies();
        cookies.forEach(cookie -> exchange.getResponseHeaders().add("set-cookie", cookie));
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        send(exchange, status, body);
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the function's result is not JSON-serialisable", e);
        }
    }

    private static void writeProblem(HttpExchange exchange, Problem problem) throws IOException {
        writeResult(exchange, problem.toResponse());
    }

    private static void write(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        exchange.getResponseHeaders().set("content-type", contentType);
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The body, or null when it is over {@link #MAX_BODY}. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The port is taken; the message says what to do. */
    public static final class PortInUse extends RuntimeException {
        public PortInUse(int port) {
            super("port " + port + " is in use: stop whatever listens there (e.g. an earlier `make run`), "
                    + "or choose another port with TRACKLINE_PORT=<port> make run");
        }
    }
}
