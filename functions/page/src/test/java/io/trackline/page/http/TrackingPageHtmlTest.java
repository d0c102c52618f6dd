package io.trackline.page.http;

import io.trackline.domain.Language;
import io.trackline.domain.tracking.Status;
import io.trackline.page.application.TrackedPackage;
import io.trackline.page.application.TrackedPackage.PackageScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.trackline.page.http.Packages.CLOCK;
import static io.trackline.page.http.Packages.ID;
import static org.assertj.core.api.Assertions.assertThat;

/** The page per state and language, on a pinned clock (Monday 2026-11-30). */
class TrackingPageHtmlTest {
    private static final String PORTAL = "https://shop.example.com/account/tracking";
    private final TrackingPageHtml html = new TrackingPageHtml(CLOCK, Optional.of(PORTAL));

    @Test
    void shouldSayTheDayItArrives_whenInTransitWithAnEstimate() {
        String page = html.page(Packages.inTransit(), Language.EN);

        assertThat(headline(page)).isEqualTo("Arriving tomorrow");
        assertThat(page).contains("UPS package, tracking number ending 6784")
                .contains("<dt>Expected</dt><dd><time datetime=\"2026-12-01\">Tuesday 1 December 2026</time>")
                .doesNotContain("Promised");
    }

    @Test
    void shouldNameTheWeekday_whenTheLabelIsCreatedAndDeliveryIsThreeDaysOut() {
        assertThat(headline(html.page(Packages.labelCreated(), Language.EN))).isEqualTo("Arriving Thursday");
        assertThat(headline(html.page(Packages.labelCreated(), Language.ES))).isEqualTo("Llega el jueves");
        assertThat(headline(html.page(Packages.labelCreated(), Language.DE))).isEqualTo("Ankunft am Donnerstag");
    }

    @Test
    void shouldSayOutForDelivery_inEachLanguage() {
        assertThat(headline(html.page(Packages.outForDelivery(), Language.EN))).isEqualTo("Out for delivery");
        assertThat(headline(html.page(Packages.outForDelivery(), Language.ES))).isEqualTo("En reparto");
        assertThat(headline(html.page(Packages.outForDelivery(), Language.DE))).isEqualTo("In Zustellung");
    }

    @Test
    void shouldShowThePromiseBesideTheLatestEstimate_whenDelayed() {
        String page = html.page(Packages.delayed(), Language.EN);

        assertThat(headline(page)).isEqualTo("Delayed \u2013 now expected Thursday");
        assertThat(page).contains("<dt>Promised</dt><dd><time datetime=\"2026-11-30\">Monday 30 November 2026</time>")
                .contains("<dt>Latest estimate</dt><dd><time datetime=\"2026-12-03\">Thursday 3 December 2026</time>");
        assertThat(headline(html.page(Packages.delayed(), Language.ES))).isEqualTo("Con retraso: ahora llega el jueves");
        assertThat(headline(html.page(Packages.delayed(), Language.DE))).isEqualTo("Verspätet \u2013 jetzt erwartet am Donnerstag");
    }

    @Test
    void shouldSayWhatHappenedAndWhatToDo_whenTheCarrierNeedsTheCustomer() {
        String page = html.page(Packages.exception(), Language.EN);

        assertThat(headline(page)).isEqualTo("Delivery attempted");
        assertThat(page).contains("<h2 id=\"problem\">What happened</h2>\n<p>Nobody was available to receive the package.</p>")
                .contains("<h2>What to do</h2>\n<p>Be available at the next attempt or arrange a pickup with the carrier.</p>");
        assertThat(html.page(Packages.customsHold(), Language.DE))
                .contains("<h1>Es gibt ein Problem mit der Zustellung</h1>")
                .contains("Das Paket wird vom Zoll zurückgehalten.")
                .contains("Der Zoll meldet sich eventuell bei Ihnen; folgen Sie seinen Anweisungen.");
    }

    @Test
    void shouldSayTheDayAndLocalTime_whenDelivered() {
        assertThat(headline(html.page(Packages.delivered(), Language.EN))).isEqualTo("Delivered today 14:05");
        var twoDaysLater = new TrackingPageHtml(java.time.Clock.offset(CLOCK, java.time.Duration.ofDays(2)), Optional.empty());
        assertThat(headline(twoDaysLater.page(Packages.delivered(), Language.EN))).isEqualTo("Delivered Monday 14:05");
        assertThat(headline(twoDaysLater.page(Packages.delivered(), Language.ES))).isEqualTo("Entregado el lunes a las 14:05");
        assertThat(headline(twoDaysLater.page(Packages.delivered(), Language.DE))).isEqualTo("Zugestellt am Montag um 14:05");
    }

    @Test
    void shouldShowNoDeliveryDateNorAddressChange_whenReturned() {
        String page = html.page(Packages.returned(), Language.EN);

        assertThat(headline(page)).isEqualTo("Returned to the seller");
        assertThat(page).doesNotContain("id=\"dates\"").doesNotContain("change-address").contains("action=report-problem");
    }

    @Test
    void shouldMarkTheReachedMilestoneAsTheCurrentStep_forScreenReaders() {
        String page = html.page(Packages.inTransit(), Language.EN);

        assertThat(page).contains("""
                <ol class="steps">
                <li class="done">Label created <span class="sr">(done)</span></li>
                <li class="done">Picked up <span class="sr">(done)</span></li>
                <li class="current" aria-current="step">In transit <span class="sr">(current step)</span></li>
                <li class="todo">Out for delivery <span class="sr">(not yet)</span></li>
                <li class="todo">Delivered <span class="sr">(not yet)</span></li>
                </ol>""");
        assertThat(Pattern.compile("aria-current=\"step\"").matcher(page).results().count()).isEqualTo(1);
    }

    @Test
    void shouldListTheHistoryNewestFirst_eachInItsOwnLocalTimeAndCity() {
        String page = html.page(Packages.inTransit(), Language.EN);

        int chicago = page.indexOf("<time datetime=\"2026-11-30T06:10-06:00\">Mon 30 Nov, 06:10 (GMT-6)</time> \u00b7 Chicago, IL, US");
        int pickedUp = page.indexOf("<time datetime=\"2026-11-29T17:45-05:00\">Sun 29 Nov, 17:45 (GMT-5)</time> \u00b7 Brooklyn, NY, US");
        assertThat(chicago).isPositive();
        assertThat(pickedUp).isGreaterThan(chicago);
        assertThat(page).contains("<p class=\"what\">Picked up by the carrier</p>");
        assertThat(html.page(Packages.inTransit(), Language.DE)).contains("Mo., 30. Nov., 06:10 (GMT-6)");
    }

    @Test
    void shouldLinkToThePortalsFlows_andOfferTheAddressChangeOnlyBeforePickup() {
        String early = html.page(Packages.labelCreated(), Language.ES);
        String late = html.page(Packages.inTransit(), Language.EN);

        assertThat(early).contains("<a href=\"" + PORTAL + "?shipment=" + ID + "&amp;action=report-problem&amp;lang=es\">Informar de un problema</a>")
                .contains("<a href=\"" + PORTAL + "?shipment=" + ID + "&amp;action=change-address&amp;lang=es\">Cambiar la dirección de entrega</a>");
        assertThat(late).contains("action=report-problem").doesNotContain("action=change-address");
    }

    @Test
    void shouldSayWhereToGoInstead_whenNoPortalIsConfigured() {
        String page = new TrackingPageHtml(CLOCK, Optional.of(" ")).page(Packages.labelCreated(), Language.EN);

        assertThat(page).contains("sign in where you placed your order").doesNotContain("<a href=\"http");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void shouldDeclareItsLanguageAndOfferTheOthers(Language language) {
        String page = html.page(Packages.inTransit(), language);

        assertThat(page).startsWith("<!doctype html>\n<html lang=\"" + language.tag() + "\">")
                .contains("<a href=\"?lang=" + language.tag() + "\" hreflang=\"" + language.tag() + "\" lang=\""
                        + language.tag() + "\" aria-current=\"page\">");
        for (Language other : Language.values()) assertThat(page).contains("href=\"?lang=" + other.tag() + "\"");
    }

    @Test
    void shouldEscapeEveryCarrierValue() {
        var hostile = new PackageScan(Status.IN_TRANSIT, null, Packages.at("2026-11-30T06:10", ZoneOffset.UTC),
                "<script>alert(1)</script>", "\"onmouseover='x'", "US");
        String page = html.page(withHistory(List.of(hostile)), Language.EN);

        assertThat(page).doesNotContain("<script").doesNotContain("\"onmouseover")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;, &quot;onmouseover=&#39;x&#39;, US");
    }

    @Test
    void shouldStayUnder30Kilobytes_withTheLongestHistoryShown() {
        List<PackageScan> scans = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            scans.add(new PackageScan(Status.EXCEPTION, io.trackline.domain.tracking.ExceptionReason.LOCATION_INACCESSIBLE,
                    Packages.at("2026-11-30T06:10", ZoneOffset.ofHours(-5)).minusHours(i), "Llanfairpwllgwyngyll-gogerychwyrndrobwll",
                    "Isle of Anglesey and the Welsh Marches", "GB"));
        }
        for (Language language : Language.values()) {
            assertThat(html.page(withHistory(scans), language).getBytes(StandardCharsets.UTF_8).length)
                    .as(language.tag()).isLessThan(30 * 1024);
        }
    }

    @Test
    void shouldBeAFriendlyPage_whenTheLinkNamesNoShipment() {
        assertThat(html.notFound(Language.EN)).contains("<h1>Tracking link not found</h1>")
                .contains("Check the link in your text message or email");
        assertThat(html.notFound(Language.DE)).contains("<h1>Sendungslink nicht gefunden</h1>");
    }

    @Test
    void shouldAllowItsOwnStyleByHashAndNothingElse() {
        assertThat(TrackingPageHtml.CONTENT_SECURITY_POLICY).startsWith("default-src 'none'; style-src 'sha256-")
                .doesNotContain("unsafe").doesNotContain("script-src");
        String page = html.page(Packages.inTransit(), Language.EN);
        String style = page.substring(page.indexOf("<style>") + 7, page.indexOf("</style>"));
        assertThat(TrackingPageHtml.CONTENT_SECURITY_POLICY).contains("'sha256-" + java.util.Base64.getEncoder()
                .encodeToString(sha256(style)) + "'");
        assertThat(page).doesNotContain("<script").doesNotContain("<img").doesNotContain("<link");
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static TrackedPackage withHistory(List<PackageScan> scans) {
        TrackedPackage p = Packages.inTransit();
        return new TrackedPackage(p.shipmentId(), p.carrier(), p.trackingNumberEnd(), p.status(), p.milestone(),
                p.exceptionReason(), p.actionRequired(), p.delayed(), p.terminal(), p.statusAt(), p.promised(),
                p.latestEstimate(), scans);
    }

    static String headline(String page) {
        return page.substring(page.indexOf("<h1>") + 4, page.indexOf("</h1>"));
    }
}
