package io.trackline.local.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JavaRuntimeTest {
    /** The runtime's jars as the build copies them (process-resources). */
    private static final Path RUNTIME_JARS = Path.of("target", "lambda-runtime");
    private static final byte[] ELF = {0x7F, 'E', 'L', 'F'};

    @Test
    void shouldNameOneJniLibraryUnpackedInItsWorkDirectoryToEveryProcess_whenTheProcessesShareTmp(@TempDir Path work) throws IOException {
        JavaRuntime runtime = new JavaRuntime(RUNTIME_JARS, work);

        List<String> webhook = runtime.command(function("WebhookFunction"));
        List<String> processor = runtime.command(function("ProcessorFunction"));

        Path library = work.resolve(".libaws-lambda-jni.so").toAbsolutePath();
        String option = "-D" + JavaRuntime.JNI_LIBRARY_PROPERTY + "=" + library;
        assertThat(webhook).contains(option);
        assertThat(processor).contains(option);
        assertThat(webhook.indexOf(option)).as("a JVM option, before the client's main class").isLessThan(webhook.indexOf(JavaRuntime.ENTRY));
        assertThat(Arrays.copyOf(Files.readAllBytes(library), ELF.length)).as("a shared library").isEqualTo(ELF);
    }

    private static FunctionConfiguration function(String name) {
        return new FunctionConfiguration(name, "arn:aws:lambda:us-east-1:123456789012:function:" + name,
                "io.trackline.Handler::handleRequest", 512, 10, Path.of(name + ".jar"), Map.of());
    }
}
