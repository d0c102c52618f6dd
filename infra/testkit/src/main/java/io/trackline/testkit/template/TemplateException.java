package io.trackline.testkit.template;

/** The template cannot be read or used; the message is one line saying where and what to fix. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
