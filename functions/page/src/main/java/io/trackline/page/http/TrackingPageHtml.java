package io.trackline.page.http;

import io.trackline.domain.Language;
import io.trackline.domain.tracking.Milestone;
import io.trackline.page.application.TrackedPackage;
import io.trackline.page.application.TrackedPackage.PackageScan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tracking page as HTML: server-rendered, its CSS inline (allowed by hash in {@link #CONTENT_SECURITY_POLICY}), no
 * script, no image, no external resource. Every value that is not the page's own literal goes through {@link Html}.
 */
public final class TrackingPageHtml {
    private static final String CSS = resource("page.css");
    /** Nothing may load but the page's own style: no script, frame, form, font or remote image. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(CSS)
            + "'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Clock clock;
    private final Optional<String> customerPortal;

    /**
     * @param customerPortal where customers sign in to the customer API's flows (report a problem, change the address);
     *                       the page links there with {@code shipment} and {@code action}; empty: no links
     */
    public TrackingPageHtml(Clock clock, Optional<String> customerPortal) {
        this.clock = clock;
        this.customerPortal = customerPortal.filter(url -> !url.isBlank());
    }

    public String page(TrackedPackage p, Language language) {
        PageTexts t = PageTexts.of(language);
        ZoneOffset where = p.statusAt() != null ? p.statusAt().getOffset() : ZoneOffset.UTC;
        LocalDate today = LocalDate.now(clock.withZone(where));
        String headline = Headline.of(p, t, today);
        StringBuilder body = new StringBuilder(8192);
        body.append("<p class=\"package\">")
                .append(Html.text(t.get("package", "carrier", p.carrier().toUpperCase(Locale.ROOT), "end", p.trackingNumberEnd())))
                .append("</p>\n<h1>").append(Html.text(headline)).append("</h1>\n");
        problem(body, p, t);
        dates(body, p, t);
        progress(body, p, t);
        history(body, p, t);
        help(body, p, t);
        return document(t, headline, body);
    }

    public String notFound(Language language) {
        PageTexts t = PageTexts.of(language);
        return document(t, t.get("notFound.title"), new StringBuilder()
                .append("<h1>").append(Html.text(t.get("notFound.title"))).append("</h1>\n<p>")
                .append(Html.text(t.get("notFound.text"))).append("</p>\n<p>")
                .append(Html.text(t.get("notFound.help"))).append("</p>\n"));
    }

    public String unavailable(Language language) {
        PageTexts t = PageTexts.of(language);
        return document(t, t.get("unavailable.title"), new StringBuilder()
                .append("<h1>").append(Html.text(t.get("unavailable.title"))).append("</h1>\n<p>")
                .append(Html.text(t.get("unavailable.text"))).append("</p>\n"));
    }

    /** What went wrong and what to do about it, when the status is an exception or the carrier asks for action. */
    private static void problem(StringBuilder out, TrackedPackage p, PageTexts t) {
        if (p.exceptionReason() == null && !p.actionRequired()) return;
        String reason = p.exceptionReason() == null ? "OTHER" : p.exceptionReason().name();
        String action = t.has("action." + reason) ? t.get("action." + reason) : t.get("action.default");
        out.append("<section class=\"problem\" aria-labelledby=\"problem\">\n<h2 id=\"problem\">")
                .append(Html.text(t.get("problem.heading"))).append("</h2>\n<p>")
                .append(Html.text(t.get("exception." + reason))).append("</p>\n<h2>")
                .append(Html.text(t.get("problem.action"))).append("</h2>\n<p>")
                .append(Html.text(action)).append("</p>\n</section>\n");
    }

    /** The promised date beside the carrier's latest estimate when they differ, else the one expected date. */
    private static void dates(StringBuilder out, TrackedPackage p, PageTexts t) {
        if (p.ended() || p.expected() == null) return;
        out.append("<section aria-labelledby=\"dates\">\n<h2 id=\"dates\">").append(Html.text(t.get("dates.heading")))
                .append("</h2>\n<dl>\n");
        if (p.estimateDiffersFromPromise()) {
            date(out, t, "dates.promised", p.promised());
            date(out, t, "dates.latest", p.latestEstimate());
        } else {
            date(out, t, "dates.expected", p.expected());
        }
        out.append("</dl>\n</section>\n");
    }

    private static void date(StringBuilder out, PageTexts t, String label, LocalDate date) {
        out.append("<div><dt>").append(Html.text(t.get(label))).append("</dt><dd><time datetime=\"").append(date)
                .append("\">").append(Html.text(t.format("format.fullDate", date))).append("</time></dd></div>\n");
    }

    /** The milestones in order; the one reached is the current step (aria-current), each state spelled for readers. */
    private static void progress(StringBuilder out, TrackedPackage p, PageTexts t) {
        out.append("<section aria-labelledby=\"progress\">\n<h2 id=\"progress\">")
                .append(Html.text(t.get("progress.heading"))).append("</h2>\n<ol class=\"steps\">\n");
        for (Milestone m : Milestone.values()) {
            String state = p.milestone() == null || p.milestone().isBefore(m) ? "todo" : m == p.milestone() ? "current" : "done";
            out.append("<li class=\"").append(state).append('"').append(state.equals("current") ? " aria-current=\"step\"" : "")
                    .append('>').append(Html.text(t.get("milestone." + m.name())))
                    .append(" <span class=\"sr\">(").append(Html.text(t.get("progress." + state))).append(")</span></li>\n");
        }
        out.append("</ol>\n</section>\n");
    }

    /** Newest first: our words for each scan, its local time in its own offset, its city. */
    private static void history(StringBuilder out, TrackedPackage p, PageTexts t) {
        out.append("<section aria-labelledby=\"history\">\n<h2 id=\"history\">")
                .append(Html.text(t.get("history.heading"))).append("</h2>\n");
        if (p.history().isEmpty()) {
            out.append("<p>").append(Html.text(t.get("history.empty"))).append("</p>\n</section>\n");
            return;
        }
        out.append("<ol class=\"history\">\n");
        for (PackageScan scan : p.history()) {
            String place = Stream.of(scan.city(), scan.region(), scan.country()).filter(Objects::nonNull)
                    .filter(s -> !s.isBlank()).collect(Collectors.joining(", "));
            String at = t.get("history.at", "time", t.format("format.scanTime", scan.occurredAt()),
                    "zone", t.format("format.zone", scan.occurredAt()));
            out.append("<li><p class=\"what\">").append(Html.text(t.get("scan." + scan.status().name()))).append("</p>");
            if (scan.exceptionReason() != null) {
                out.append("<p>").append(Html.text(t.get("exception." + scan.exceptionReason().name()))).append("</p>");
            }
            out.append("<p class=\"meta\"><time datetime=\"").append(Html.text(scan.occurredAt().toString())).append("\">")
                    .append(Html.text(at)).append("</time>").append(place.isEmpty() ? "" : " \u00b7 " + Html.text(place))
                    .append("</p></li>\n");
        }
        out.append("</ol>\n</section>\n");
    }

    /** Links into the customer portal's flows, the address change only while it is allowed; else where to go. */
    private void help(StringBuilder out, TrackedPackage p, PageTexts t) {
        out.append("<section aria-labelledby=\"help\">\n<h2 id=\"help\">").append(Html.text(t.get("help.heading")))
                .append("</h2>\n");
        if (customerPortal.isEmpty()) {
            out.append("<p>").append(Html.text(t.get("help.portal"))).append("</p>\n</section>\n");
            return;
        }
        out.append("<ul>\n");
        link(out, p, t, "report-problem", "help.report");
        if (p.addressChangeOpen()) link(out, p, t, "change-address", "help.address");
        out.append("</ul>\n</section>\n");
    }

    private void link(StringBuilder out, TrackedPackage p, PageTexts t, String action, String label) {
        String portal = customerPortal.orElseThrow();
        String href = portal + (portal.contains("?") ? "&" : "?") + "shipment=" + p.shipmentId() + "&action=" + action
                + "&lang=" + t.language().tag();
        out.append("<li><a href=\"").append(Html.text(href)).append("\">").append(Html.text(t.get(label)))
                .append("</a></li>\n");
    }

    private static String document(PageTexts t, String title, StringBuilder body) {
        StringBuilder out = new StringBuilder(body.length() + CSS.length() + 1024);
        out.append("<!doctype html>\n<html lang=\"").append(t.language().tag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"robots\" content=\"noindex\">\n<title>")
                .append(Html.text(title + " \u2013 " + t.get("title"))).append("</title>\n<style>").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n").append(body).append("</main>\n");
        languages(out, t);
        return out.append("</body>\n</html>\n").toString();
    }

    private static void languages(StringBuilder out, PageTexts t) {
        out.append("<footer>\n<nav aria-label=\"").append(Html.text(t.get("language.heading"))).append("\">\n<ul class=\"langs\">\n");
        for (Language language : Language.values()) {
            out.append("<li><a href=\"?lang=").append(language.tag()).append("\" hreflang=\"").append(language.tag())
                    .append("\" lang=\"").append(language.tag()).append('"')
                    .append(language == t.language() ? " aria-current=\"page\"" : "").append('>')
                    .append(Html.text(PageTexts.of(language).get("lang.name"))).append("</a></li>\n");
        }
        out.append("</ul>\n</nav>\n</footer>\n");
    }

    private static String resource(String name) {
        try (InputStream in = TrackingPageHtml.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
