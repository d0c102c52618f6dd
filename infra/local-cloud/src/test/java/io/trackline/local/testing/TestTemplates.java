package io.trackline.local.testing;

import io.trackline.local.LocalCloudOptions;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The repository's template.yaml and the runner's own test template. */
public final class TestTemplates {
    private TestTemplates() {
    }

    public static Path repository() {
        return LocalCloudOptions.repositoryRoot(Path.of("").toAbsolutePath()).resolve("template.yaml");
    }

    public static Path runnerTest() {
        try {
            return Path.of(TestTemplates.class.getResource("/runner-test-template.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
