package io.trackline.local.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request as a Lambda runtime sends it to the Runtime API (a body by {@code Content-Length} or chunked,
 * {@code Expect: 100-continue} answered), and the responses the API writes.
 */
record HttpMessage(String method, String path, Map<String, String> headers, byte[] body) {
    private static final int MAX_HEADER_LINE = 64 * 1024;
    /** Lambda's largest synchronous response (6 MB), with room for the error's stack trace. */
    private static final int MAX_BODY = 7 * 1024 * 1024;

    /** The next request on the connection, or null when the peer closed it. */
    static HttpMessage read(InputStream in, OutputStream out) throws IOException {
        String requestLine = line(in);
        while (requestLine != null && requestLine.isEmpty()) requestLine = line(in);
        if (requestLine == null) return null;
        String[] parts = requestLine.split(" ");
        if (parts.length < 2) throw new IOException("not an HTTP request: " + requestLine);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        String path = parts[1].contains("?") ? parts[1].substring(0, parts[1].indexOf('?')) : parts[1];
        return new HttpMessage(parts[0].toUpperCase(Locale.ROOT), path, headers, body(in, headers));
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var body = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                if (size == null) throw new IOException("connection closed inside a chunked body");
                int length = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (length == 0) {
                    while (true) {
                        String trailer = line(in);
                        if (trailer == null || trailer.isEmpty()) return body.toByteArray();
                    }
                }
                if (body.size() + length > MAX_BODY) throw new IOException("body over " + MAX_BODY + " bytes");
                body.write(in.readNBytes(length));
                line(in);
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        if (length > MAX_BODY) throw new IOException("body over " + MAX_BODY + " bytes");
        byte[] body = in.readNBytes(length);
        if (body.length < length) throw new IOException("connection closed inside the body");
        return body;
    }

    /** A line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            if (b == '\n') break;
            if (b != '\r') line.write(b);
            if (line.size() > MAX_HEADER_LINE) throw new IOException("header line too long");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    static void respond(OutputStream out, int status, Map<String, String> headers, byte[] body) throws IOException {
        var head = new StringBuilder("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : status == 202 ? " Accepted" : " Not Found")
                .append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = Arrays.copyOf(start, start.length + body.length);
        System.arraycopy(body, 0, message, start.length, body.length);
        out.write(message);
        out.flush();
    }
}
