package io.trackline.local.runtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpMessageTest {

    @Test
    void shouldWriteHeadAndBodyInOneWrite_whenAnsweringTheRuntime() throws IOException {
        // A head and a body written apart wait for the runtime's delayed ACK (Nagle): about 40 ms per invocation.
        List<byte[]> writes = new ArrayList<>();
        OutputStream socket = new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(new byte[]{(byte) b});
            }

            @Override
            public void write(byte[] b, int off, int len) {
                var copy = new ByteArrayOutputStream();
                copy.write(b, off, len);
                writes.add(copy.toByteArray());
            }
        };

        HttpMessage.respond(socket, 200, Map.of("Lambda-Runtime-Aws-Request-Id", "r-1"), "{\"order\":42}".getBytes(StandardCharsets.UTF_8));

        assertThat(writes).hasSize(1);
        String message = new String(writes.getFirst(), StandardCharsets.ISO_8859_1);
        assertThat(message).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 12\r\n")
                .contains("Lambda-Runtime-Aws-Request-Id: r-1\r\n").endsWith("\r\n\r\n{\"order\":42}");
    }
}
