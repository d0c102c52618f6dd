package io.trackline.webhook.application;

/**
 * A webhook we refuse, with the 4xx that tells the sender what to fix (the handler answers it as problem+json). {@code reason} is the stable problem type (also
 * the metric dimension); {@code field} is a JSON Pointer into the body when one field is to blame. Carries no stack
 * trace: rejections are expected traffic, and a trace must never reach a response or a log.
 */
public final class WebhookRejected extends RuntimeException {
    private final int status;
    private final String reason;
    private final String title;
    private final String field;

    private WebhookRejected(int status, String reason, String title, String detail, String field) {
        super(detail, null, false, false);
        this.status = status;
        this.reason = reason;
        this.title = title;
        this.field = field;
    }

    public static WebhookRejected unknownSource(String source) {
        return new WebhookRejected(404, "unknown-webhook-source", "Unknown webhook source",
                "no webhook source is called '" + printable(source) + "'; use native, easypost, aftership or shippo", null);
    }

    public static WebhookRejected tooLarge(int limit) {
        return new WebhookRejected(413, "payload-too-large", "Payload too large",
                "the body is larger than " + limit + " bytes", null);
    }

    public static WebhookRejected notJson(String detail) {
        return new WebhookRejected(415, "unsupported-media-type", "Unsupported media type", detail, null);
    }

    public static WebhookRejected unauthorized(String detail) {
        return new WebhookRejected(401, "invalid-signature", "Invalid webhook signature", detail, null);
    }

    /** The body as a whole cannot be read (not JSON, too deep, not UTF-8 ...). */
    public static WebhookRejected malformed(String detail) {
        return new WebhookRejected(400, "malformed-webhook", "Malformed webhook", detail, null);
    }

    /** One field is wrong; {@code field} is its JSON Pointer, e.g. {@code /data/tracking_number}. */
    public static WebhookRejected invalidField(String field, String detail) {
        return new WebhookRejected(400, "malformed-webhook", "Malformed webhook", field + ": " + detail, field);
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public String title() {
        return title;
    }

    /** A path segment echoed back is cut short and stripped of control characters. */
    private static String printable(String text) {
        String safe = text == null ? "" : text.replaceAll("[^A-Za-z0-9_.-]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "..." : safe;
    }
}
