package io.trackline.testkit.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The CloudFormation that the SAM transform (aws-sam-translator, as CloudFormation runs it) makes of the template,
 * through {@code infra/deploy-check/transform.py}: the functions as {@code AWS::Lambda::Function}s and their roles with
 * the policy templates expanded into statements, and what triggers them ({@link Triggers}: event source mappings, the
 * HTTP API's OpenAPI body, schedule rules), as a deploy creates them. Needs a python3 with aws-sam-translator:
 * {@code .trackline/venv} (where {@code infra/bin/check-deploy} installs cfn-lint, which brings it) or the PATH's.
 */
public final class SamTransform {
    private SamTransform() {
    }

    /** Runs the transform on its own thread (about 1.5 s of Python), beside the emulator's start. */
    public static CompletableFuture<Template> start(Path template, Path repository) {
        return CompletableFuture.supplyAsync(() -> run(template, repository));
    }

    /** The venv's python when the venv holds aws-sam-translator (a venv made for moto alone does not). */
    private static java.util.Optional<String> venvWithTranslator(Path venv) {
        try (var libs = Files.list(venv.resolve("lib"))) {
            return libs.filter(lib -> Files.isDirectory(lib.resolve("site-packages/samtranslator"))).findFirst()
                    .map(lib -> venv.resolve("bin/python3").toString());
        } catch (IOException noVenv) {
            return java.util.Optional.empty();
        }
    }

    /** The transformed template, now; {@code repository} holds {@code infra/deploy-check/transform.py}. */
    public static Template run(Path template, Path repository) {
        Path script = repository.resolve("infra/deploy-check/transform.py");
        String python = venvWithTranslator(repository.resolve(".trackline/venv")).orElse("python3");
        try {
            Path out = Files.createTempFile("trackline-transformed-", ".json");
            Path err = Files.createTempFile("trackline-transform-", ".log");
            try {
                Process process = new ProcessBuilder(List.of(python, script.toString(), template.toAbsolutePath().toString()))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new TemplateException("the SAM transform did not finish within 120 s");
                }
                if (process.exitValue() != 0) {
                    String why = Files.readString(err, StandardCharsets.UTF_8).strip();
                    throw new TemplateException(why.contains("No module named") ? "the local cloud runs the SAM transform, which needs "
                            + "python3 with aws-sam-translator: run infra/bin/check-deploy once (it installs cfn-lint, which brings it, "
                            + "into .trackline/venv) or pip install aws-sam-translator" : why);
                }
                return Template.parse(Files.readString(out, StandardCharsets.UTF_8), template + " (transformed)");
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new TemplateException("the local cloud runs the SAM transform with " + python + ", which could not start: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemplateException("interrupted while running the SAM transform");
        }
    }
}
