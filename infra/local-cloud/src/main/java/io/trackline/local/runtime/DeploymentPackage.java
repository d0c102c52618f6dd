package io.trackline.local.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A deployment package made on the spot: one handler's class, and jars under {@code lib/} (a layout Lambda's runtime loads). */
public final class DeploymentPackage {
    private DeploymentPackage() {
    }

    /** @return the package, {@code <handler's simple name>.zip} in {@code directory} */
    public static Path of(Path directory, Class<?> handler, List<Path> jars) throws IOException {
        Path zip = directory.resolve(handler.getSimpleName() + ".zip");
        String entry = handler.getName().replace('.', '/') + ".class";
        try (var out = new ZipOutputStream(Files.newOutputStream(zip));
             var in = handler.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new ZipEntry(entry));
            in.transferTo(out);
            for (Path jar : jars) {
                out.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
                Files.copy(jar, out);
            }
        }
        return zip;
    }
}
