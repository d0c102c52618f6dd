package io.trackline.local.runtime;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Runtime API (version 2018-06-01) for one runtime process, as the runtime interface client calls it on
 * {@code AWS_LAMBDA_RUNTIME_API}: {@code GET /runtime/invocation/next} hands over the next event (blocking until there
 * is one) with its request id, deadline and function ARN in Lambda's headers; {@code POST /runtime/invocation/{id}/response}
 * and {@code /error} end it; {@code POST /runtime/init/error} reports a failed init. One server per process lifetime, so a
 * killed process's waiting {@code next} can never take a later event.
 */
final class RuntimeApi implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern END = Pattern.compile(PREFIX + "invocation/([^/]+)/(response|error)");
    private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

    /** One event on its way through the runtime: {@code taken} when the runtime fetched it, then its outcome. */
    static final class Invocation {
        final String requestId;
        final byte[] payload;
        final long timeoutMillis;
        final String functionArn;
        final CompletableFuture<Long> taken = new CompletableFuture<>();
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

        Invocation(String requestId, byte[] payload, long timeoutMillis, String functionArn) {
            this.requestId = requestId;
            this.payload = payload;
            this.timeoutMillis = timeoutMillis;
            this.functionArn = functionArn;
        }
    }

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> running = new ConcurrentHashMap<>();
    /** Completed when the runtime reports that its init failed. */
    final CompletableFuture<Outcome.Failure> initError = new CompletableFuture<>();

    private RuntimeApi(ServerSocket server) {
        this.server = server;
        executor.execute(this::accept);
    }

    static RuntimeApi start() {
        try {
            return new RuntimeApi(new ServerSocket(0, 16, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve a Lambda Runtime API: " + e.getMessage(), e);
        }
    }

    /** {@code AWS_LAMBDA_RUNTIME_API}: host and port, no scheme. */
    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    Invocation submit(String requestId, byte[] payload, long timeoutMillis, String functionArn) {
        Invocation invocation = new Invocation(requestId, payload, timeoutMillis, functionArn);
        running.put(requestId, invocation);
        pending.add(invocation);
        return invocation;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                // Each answer is one write, and goes out at once rather than waiting for the runtime's delayed ACK.
                socket.setTcpNoDelay(true);
                executor.execute(() -> serve(socket));
            } catch (IOException | RuntimeException closed) {
                return;
            }
        }
    }

    /**
     * HTTP/1.1 on one connection, request after request (the runtime keeps its connection). Served here rather than by
     * the JDK's HTTP server, whose response time limit (the gateway's 30 s, a JVM-wide setting) would cut off a
     * {@code next} that waits longer for its event, and with it the runtime.
     */
    private void serve(Socket socket) {
        try (socket; var in = new BufferedInputStream(socket.getInputStream()); var out = socket.getOutputStream()) {
            while (true) {
                HttpMessage request = HttpMessage.read(in, out);
                if (request == null) return;
                handle(request, out);
                if ("close".equalsIgnoreCase(request.headers().get("connection"))) return;
            }
        } catch (IOException | InterruptedException gone) {
            // the process ended or the API closed
        }
    }

    private void handle(HttpMessage request, OutputStream out) throws IOException, InterruptedException {
        String path = request.path();
        if (request.method().equals("GET") && path.equals(PREFIX + "invocation/next")) {
            next(out);
            return;
        }
        if (request.method().equals("POST") && path.equals(PREFIX + "init/error")) {
            initError.complete(Outcome.Failure.of(request.body()));
            HttpMessage.respond(out, 202, Map.of(), ACCEPTED);
            return;
        }
        Matcher end = END.matcher(path);
        Invocation invocation = end.matches() && request.method().equals("POST") ? running.remove(end.group(1)) : null;
        if (invocation == null) {
            HttpMessage.respond(out, 404, Map.of(), "{\"errorMessage\":\"unknown request id or path\",\"errorType\":\"InvalidRequestID\"}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        invocation.outcome.complete(end.group(2).equals("response")
                ? new Outcome.Success(request.body()) : Outcome.Failure.of(request.body()));
        HttpMessage.respond(out, 202, Map.of(), ACCEPTED);
    }

    /** Blocks until there is an event (Lambda's {@code next} has no time limit), then hands it over. */
    private void next(OutputStream out) throws IOException, InterruptedException {
        Invocation invocation = pending.take();
        long now = System.currentTimeMillis();
        invocation.taken.complete(System.nanoTime());
        String id = invocation.requestId.replace("-", "");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(now + invocation.timeoutMillis));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn);
        headers.put("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(now / 1000) + "-" + id.substring(0, 24)
                + ";Parent=" + id.substring(16) + ";Sampled=0");
        HttpMessage.respond(out, 200, headers, invocation.payload);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        executor.shutdownNow();
    }
}
