package io.trackline.local;

import io.trackline.testkit.Repository;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No test code in what is deployed: the function jars the reactor built (this module builds after them) carry neither
 * the test kit nor a test double. Skipped when no function jar has been built (a test-compile or a lone module run).
 */
class FunctionJarsTest {

    @Test
    void shouldCarryNoTestKitAndNoTestDouble_whenAFunctionJarIsBuilt() throws IOException {
        List<Path> jars;
        try (Stream<Path> modules = Files.list(Repository.root().resolve("functions"))) {
            jars = modules.map(m -> m.resolve("target/function.jar")).filter(Files::isRegularFile).toList();
        }
        assumeTrue(!jars.isEmpty(), "no function.jar built");

        List<String> testCode = new ArrayList<>();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().map(e -> e.getName())
                        .filter(name -> name.startsWith("io/trackline/testkit/") || name.startsWith("io/trackline/")
                                && (name.contains("/InMemory") || name.contains("/Recording")))
                        .forEach(name -> testCode.add(jar.getParent().getParent().getFileName() + ": " + name));
            }
        }

        assertThat(testCode).isEmpty();
    }
}
