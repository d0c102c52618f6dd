package io.trackline.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository a build or test runs in: the nearest directory upwards holding template.yaml. */
public final class Repository {
    private Repository() {
    }

    /** The nearest directory upwards from {@code start} holding template.yaml (tests run in a module directory), else the start. */
    public static Path root(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) return dir;
        }
        return start;
    }

    /** The root found from the working directory. */
    public static Path root() {
        return root(Path.of("").toAbsolutePath());
    }

    /** The repository's template.yaml: the single source of every table, queue, topic and function. */
    public static Path template() {
        return root().resolve("template.yaml");
    }

    /** A file of the repository's {@code events/} (the ones {@code sam local invoke} uses). */
    public static Path event(String fileName) {
        return root().resolve("events").resolve(fileName);
    }
}
