package io.trackline.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately broken copy of the repository's template.yaml in a directory of its own, its CodeUris made absolute
 * (they are relative to the template): each break replaces a part of the text that occurs exactly once, so a change of
 * the template that moves it fails the test instead of leaving the copy unbroken.
 */
public final class BrokenTemplate {
    private String text;

    private BrokenTemplate(String text) {
        this.text = text;
    }

    public static BrokenTemplate ofRepository() {
        Path template = TestTemplates.repository();
        try {
            String text = Files.readString(template)
                    .replace("CodeUri: functions/", "CodeUri: " + template.getParent().resolve("functions") + "/");
            return new BrokenTemplate(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one match of {@code regex} ({@link Pattern#MULTILINE}); group references as in {@link Matcher#replaceFirst}. */
    public BrokenTemplate replace(String regex, String replacement) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        if (!matcher.find()) throw new IllegalStateException("template.yaml no longer holds " + regex);
        int start = matcher.start();
        if (matcher.find()) throw new IllegalStateException("template.yaml holds " + regex + " more than once");
        text = text.substring(0, start) + Pattern.compile(regex, Pattern.MULTILINE).matcher(text.substring(start)).replaceFirst(replacement);
        return this;
    }

    public Path writeTo(Path directory) {
        try {
            Path copy = directory.resolve("template.yaml");
            Files.writeString(copy, text);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
