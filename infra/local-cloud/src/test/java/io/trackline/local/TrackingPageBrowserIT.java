package io.trackline.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.local.testing.PackageStates;
import io.trackline.local.testing.RunningCloud;
import io.trackline.local.testing.Walkthrough;
import io.trackline.testkit.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.trackline.local.testing.Walkthrough.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's browser proof: headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by
 * {@code infra/bin/ensure-browser} when missing) opens the tracking page on the local cloud for a shipment in each
 * state, checks what it shows, saves a screenshot at 360 px and at 1280 px under {@code target/tracking-page/}, finds
 * no horizontal scroll (at 320 px too: WCAG reflow, which is 1280 px zoomed to 400 %), and runs axe-core (the npm
 * package, pinned and fetched by {@code infra/bin/ensure-axe}) injected into the page: no serious or critical
 * violation of WCAG 2.2 A/AA or axe's best practices.
 */
class TrackingPageBrowserIT {
    private static final Path SCREENSHOTS = Path.of("target", "tracking-page");
    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    @RegisterExtension
    static final RunningCloud CLOUD = RunningCloud.shared();

    private static ChromeDriver browser;
    private static String axe;

    @BeforeAll
    static void startBrowser() throws Exception {
        run("infra/bin/ensure-browser");
        axe = Files.readString(Repository.root().resolve(run("infra/bin/ensure-axe").strip()), StandardCharsets.UTF_8);
        ChromeOptions options = new ChromeOptions().setBinary(which("chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(which("chromedriver")))
                .build(), options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @ParameterizedTest
    @EnumSource(PackageStates.State.class)
    void shouldShowTheStateReadablyAtEveryWidth_withNoSeriousAccessibilityViolation(PackageStates.State state) throws IOException {
        LocalCloud cloud = CLOUD.cloud();
        String shipmentId = new PackageStates(cloud).shipmentIn(state, new Walkthrough(cloud));

        browser.get(cloud.apiUrl() + "/t/" + shipmentId + "?lang=en");

        // what the customer reads
        assertThat(browser.getTitle()).endsWith("Track your package");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith(state.headline);
        assertThat(browser.findElement(By.cssSelector(".package")).getText()).startsWith("USPS package, tracking number ending ");
        assertThat(browser.findElements(By.cssSelector("[aria-current=step]"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".history li"))).isNotEmpty()
                .allSatisfy(li -> assertThat(li.getText()).contains("Springfield, IL, US"));
        if (state == PackageStates.State.EXCEPTION) {
            assertThat(browser.findElement(By.cssSelector(".problem")).getText())
                    .contains("The carrier could not use the delivery address.")
                    .contains("Check your delivery address and contact support if it is wrong.");
        }
        // at a phone's width and a desktop's, and at 320 px (1280 px at 400 %), nothing scrolls sideways
        for (int width : new int[]{320, 360, 1280}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            assertThat(((Number) script("return window.innerWidth")).intValue()).as("viewport").isEqualTo(width);
            assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue())
                    .as(state + " at " + width + " px").isLessThanOrEqualTo(width);
            if (width != 320) screenshot(state.name().toLowerCase(Locale.ROOT) + "-" + width + ".png");
        }
        // axe-core finds no serious or critical violation
        JsonNode report = axe();
        System.out.printf("axe %s: %d rules passed, %d violated%n", state, report.path("passes").asInt(),
                report.path("violations").size());
        assertThat(report.path("passes").asInt()).as("axe checked the page").isPositive();
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : report.path("violations")) {
            String impact = violation.path("impact").asText();
            System.out.printf("axe %s %s: %s (%s, %d nodes)%n", state, impact, violation.path("id").asText(),
                    violation.path("help").asText(), violation.path("nodes").size());
            if (impact.equals("serious") || impact.equals("critical")) serious.add(violation.path("id").asText());
        }
        assertThat(serious).as(state + ": serious or critical axe violations").isEmpty();
    }

    /** axe.run on the page with the WCAG 2.2 A/AA and best-practice rules: its violations and how many rules passed. */
    private static JsonNode axe() {
        script(axe);
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                   .then(r => done(JSON.stringify({violations: r.violations, passes: r.passes.length})))
                   .catch(e => done(JSON.stringify({error: String(e)})));""", AXE_TAGS);
        JsonNode report = json(String.valueOf(result));
        assertThat(report.has("error")).as(report.path("error").asText()).isFalse();
        return report;
    }

    private static Object script(String source) {
        return ((JavascriptExecutor) browser).executeScript(source);
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs a repository script; its standard output. Fails the test class with the script's own words. */
    private static String run(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Repository.root().resolve(script).toString())
                .directory(Repository.root().toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(script + " (see its message above)").isZero();
        return out;
    }

    private static String which(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) return candidate.toString();
        }
        throw new AssertionError(command + " is not on the PATH after infra/bin/ensure-browser");
    }
}
