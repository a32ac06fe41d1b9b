package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpMethod;
import org.springframework.util.FileSystemUtils;

/**
 * The ops console walked as a person would, in a real headless Chromium on the shared pipeline: a wrong key is
 * refused, the ops key signs in, the samples and a file with bad rows are uploaded through the file picker, the
 * report and its rejections (on the page and as the downloaded CSV) are read, a card is looked up and its
 * timeline seen with each entry's reason, action and a link to its file's report, a webhook subscription is listed
 * with its last attempts, paused, resumed, sent a test event and redelivered to a real receiver, the work queue's
 * counts, filters (kept in the URL), a link from its list to a card's timeline and its CSV export, and signing out
 * ends the session. A screenshot of each page is kept under
 * {@code target/console-screenshots/}. Skipped where Debian's {@code chromium} and {@code chromium-driver} are not
 * installed.
 */
@ExtendWith(PipelineExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf(
        value = "chromiumInstalled",
        disabledReason = "no Chromium here (/usr/bin/chromium, /usr/bin/chromedriver): "
                + "install it with 'apt-get install -y chromium chromium-driver' (as .ci/run does) to run the console's "
                + "browser tests")
class ConsoleBrowserIntegrationTests {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Path FILES = Path.of("target", "console-files");
    private static final SampleSet SAMPLES = SampleSet.next();
    private static final String BAD_FILE = "Bad rows - Pickup.csv";
    private static final Instant STARTED = Instant.now();

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String console;
    private static Path downloads;

    /** Checked before the pipeline is asked for, so a machine without Chromium starts nothing for these tests. */
    static boolean chromiumInstalled() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    @BeforeAll
    static void openBrowser(Pipeline pipeline) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        downloads = Path.of("target", "console-downloads").toAbsolutePath();
        FileSystemUtils.deleteRecursively(downloads);
        Files.createDirectories(downloads);
        ChromeOptions options = new ChromeOptions();
        // both paths given: Selenium Manager has nothing to look for and downloads nothing
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100");
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // the pages re-render their lists (a refresh after an action, a poll): an element read as that happens is
        // stale, and the condition is asked again
        wait.ignoring(StaleElementReferenceException.class);
        console = pipeline.ingestUrl();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void refusesAWrongKey() {
        browser.get(console + "/");
        wait.until(ExpectedConditions.urlContains("/console/sign-in"));
        screenshot("1-sign-in");
        signIn(TestCredentials.UNKNOWN_KEY);

        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).contains("not accepted");
        assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in?error");
        screenshot("2-wrong-key");
    }

    @Test
    @Order(2)
    void signsInWithTheOpsKeyIntoAnHttpOnlySession() {
        signInFromTheKeyboard(TestCredentials.OPS_KEY);

        wait.until(ExpectedConditions.textToBe(By.id("who"), "Signed in as ops-test"));
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("Strict");
        screenshot("3-console");
    }

    @Test
    @Order(3)
    void uploadsTheSamplesAndAFileWithBadRowsWithAProgressBarEach() throws IOException {
        List<String> paths = new ArrayList<>();
        for (String file : SampleSet.FILES) {
            paths.add(write(file, SAMPLES.file(file)).toString());
        }
        paths.add(write(BAD_FILE, badRows()).toString());
        browser.findElement(By.id("files")).sendKeys(String.join("\n", paths));
        browser.findElement(By.id("upload-button")).click();

        wait.until(driver ->
                driver.findElements(By.cssSelector("#upload-list li .ok")).size() == paths.size());
        assertThat(browser.findElements(By.cssSelector("#upload-list progress")))
                .extracting(bar -> bar.getDomProperty("value"))
                .containsOnly("100");
        assertThat(browser.findElement(By.id("upload-list")).getText())
                .contains(BAD_FILE)
                .contains("3 rows: 1 accepted, 2 rejected, 0 warnings");
        wait.until(driver -> driver.findElement(By.id("recent")).getText().contains(BAD_FILE));
        assertThat(browser.findElement(By.id("recent")).getText())
                .contains("COMPLETED")
                .doesNotContain("PROCESSING");
        screenshot("4-uploads");
    }

    @Test
    @Order(4)
    void showsTheReportOfTheFileWithBadRows() {
        browser.findElement(By.cssSelector("#upload-list button[aria-label='Report of " + BAD_FILE + "']"))
                .click();

        wait.until(ExpectedConditions.textToBe(By.id("report-heading"), "Report: " + BAD_FILE));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("report-heading");
        assertThat(browser.findElement(By.id("report-counts")).getText())
                .contains("Rows total\n3", "Accepted\n1", "Rejected\n2", "Uploaded by\nops-test");
        List<WebElement> rejections = browser.findElements(By.cssSelector("#rejections tbody tr"));
        assertThat(rejections)
                .extracting(WebElement::getText)
                .satisfiesExactly(
                        row -> assertThat(row).startsWith("3 ").contains("card ID is empty"),
                        row -> assertThat(row).startsWith("4 ").contains("timestamp 'yesterday'"));
        assertThat(browser.findElement(By.id("page-info")).getText()).isEqualTo("Page 1 of 1");
        screenshot("5-report");
    }

    @Test
    @Order(5)
    void downloadsTheRejectionsAsCsv() {
        browser.findElement(By.id("rejections-csv")).click();

        Path csv = wait.until(driver -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().matches("rejections-.*\\.csv"))
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        List<String> lines = wait.until(driver -> {
            try {
                List<String> read = Files.readAllLines(csv, StandardCharsets.UTF_8);
                return read.size() == 3 ? read : null;
            } catch (IOException e) {
                return null;
            }
        });
        assertThat(lines.get(0)).isEqualTo("line,reason");
        assertThat(lines.get(1)).startsWith("3,\"").contains("card ID is empty");
        assertThat(lines.get(2)).startsWith("4,\"").contains("timestamp 'yesterday'");
    }

    @Test
    @Order(6)
    void looksACardUpAndShowsItsHistoryAsATimeline(Pipeline pipeline) {
        new PipelineClient(pipeline).awaitIdle();
        String card = SAMPLES.card("ZYW8890");
        browser.findElement(By.id("card-id")).sendKeys(card, Keys.ENTER);

        wait.until(ExpectedConditions.textToBe(By.cssSelector("#card h3"), "Card " + card));
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Card " + card);
        assertThat(browser.findElement(By.cssSelector("#card dl")).getText())
                .contains("Status\nRETURNED", "Phone\n+971" + SAMPLES.phone("534534534"), "Delivery exceptions\n1");
        assertThat(browser.findElements(By.cssSelector("#card ol.timeline li strong")))
                .extracting(WebElement::getText)
                .containsExactly("PICKED_UP", "DELIVERY_EXCEPTION", "RETURNED");
        WebElement exception =
                browser.findElements(By.cssSelector("#card ol.timeline li")).get(1);
        assertThat(exception.getText()).contains("recipient unavailable · contact cardholder");
        assertThat(browser.findElement(By.cssSelector("#card dl")).getText())
                .contains("Action required\ncontact cardholder", "Attempts\n1", "Partner\ndefault");
        screenshot("6-card-lookup");

        WebElement line = exception.findElement(By.cssSelector("button.link"));
        assertThat(line.getText()).isEqualTo("Sample Card Status Info - Delivery exceptions.csv, line 2");
        line.click();
        wait.until(ExpectedConditions.textToBe(
                By.id("report-heading"), "Report: Sample Card Status Info - Delivery exceptions.csv"));
        assertThat(browser.findElement(By.id("report-line")).getText()).contains("line 2 of this file");
        assertThat(browser.findElement(By.id("unmapped-heading")).getText()).isEqualTo("Unmapped reasons");
        // the projection's generations, the one lookups answer from marked current
        browser.findElement(By.id("rebuilds-refresh")).click();
        // read within the wait: the section re-renders its table when the refresh answers
        wait.until(driver -> {
            List<WebElement> current = driver.findElements(By.cssSelector("#rebuilds tbody tr.rebuild-current"));
            return current.size() == 1
                    && current.get(0)
                            .findElements(By.tagName("td"))
                            .get(1)
                            .getText()
                            .equals("current");
        });
        screenshot("7-rebuilds");

        browser.findElement(By.id("card-id")).clear();
        browser.findElement(By.id("phone")).sendKeys("0" + SAMPLES.phone("534534534"));
        browser.findElement(By.cssSelector("#lookup-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#card h3"), "Card " + card));

        // the lookup audit lists the console's lookups of this card (under the console's key), by card and by phone
        browser.findElement(By.id("audit-card")).sendKeys(card);
        browser.findElement(By.cssSelector("#audit-form button")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("#audit tbody tr")).stream()
                        .map(WebElement::getText)
                        .filter(row -> row.contains("ops-test") && row.contains(card))
                        .map(row -> row.contains(" phone ") ? "phone" : row.contains(" card ") ? "card" : "?")
                        .distinct()
                        .count()
                == 2);
        assertThat(browser.findElement(By.id("audit")).getText()).doesNotContain(SAMPLES.phone("534534534"));
        screenshot("7b-lookup-audit");
    }

    @Test
    @Order(7)
    void listsASubscriptionWithItsAttemptsPausesResumesSendsATestAndRedelivers(Pipeline pipeline) throws IOException {
        PipelineClient client = new PipelineClient(pipeline);
        try (WebhookReceiver receiver = WebhookReceiver.start(ChildJvm.freePort())) {
            PipelineClient.Answer created = client.postJson(
                    pipeline.notifierUrl() + "/api/v1/subscriptions",
                    "{\"url\":\"" + receiver.url() + "\",\"statuses\":[\"DELIVERED\"]}");
            assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
            String id = created.body().get("id").asString();
            String secret = created.body().get("secret").asString();
            String subscription = pipeline.notifierUrl() + "/api/v1/subscriptions/" + id;
            receiver.trust(secret);
            try {
                String card = "ZYWC" + ProcessHandle.current().pid() % 10_000;
                assertThat(client.postJson(
                                        pipeline.ingestUrl() + "/events",
                                        "{\"type\":\"DELIVERED\",\"card_id\":\"" + card
                                                + "\",\"occurred_at\":\"2024-03-02T09:00:00Z\"}")
                                .status())
                        .isEqualTo(200);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> receiver.about(card).size() == 1);
                String delivered = receiver.about(card).get(0).webhookId();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> !client.get(subscription + "/attempts")
                                .body()
                                .get("attempts")
                                .isEmpty());

                browser.findElement(By.linkText("Webhook subscriptions")).click();
                WebElement listed =
                        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subscription-" + id)));
                wait.until(driver -> !driver.findElements(By.cssSelector("#subscription-" + id + " table.attempts"))
                        .isEmpty());
                listed = browser.findElement(By.id("subscription-" + id));
                assertThat(listed.findElement(By.tagName("h3")).getText()).isEqualTo(receiver.url());
                assertThat(listed.findElement(By.tagName("dl")).getText())
                        .contains("State\nactive", "Filter\nstatuses: DELIVERED", "Backlog\nnone", "by ops-test")
                        .doesNotContain(secret);
                assertThat(listed.findElement(By.cssSelector("table.attempts tbody"))
                                .getText())
                        .contains(delivered)
                        .contains("204");
                assertThat(browser.getPageSource()).doesNotContain(secret);
                browser.findElement(By.id("url-filter")).sendKeys(String.valueOf(receiver.port()));
                assertThat(browser.findElements(By.cssSelector("article.subscription")))
                        .singleElement()
                        .satisfies(only -> assertThat(only.getAttribute("id")).isEqualTo("subscription-" + id));
                screenshot("8-subscriptions");

                button(id, "Pause").click();
                wait.until(driver -> text(id).contains("paused since") && text(id).contains("Paused."));
                assertThat(text(id)).contains("paused in the console by ops-test");
                assertThat(client.get(subscription).body().get("state").asString())
                        .isEqualTo("paused");
                new Select(browser.findElement(By.id("state-filter"))).selectByValue("active");
                assertThat(browser.findElements(By.id("subscription-" + id))).isEmpty();
                new Select(browser.findElement(By.id("state-filter"))).selectByValue("paused");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subscription-" + id)));
                button(id, "Resume").click();
                wait.until(driver -> text(id).contains("State\nactive") && text(id).contains("Resumed."));
                assertThat(client.get(subscription).body().get("state").asString())
                        .isEqualTo("active");
                new Select(browser.findElement(By.id("state-filter"))).selectByValue("");

                button(id, "Send a test event").click();
                wait.until(driver -> text(id).contains("Test event answered 204 in"));
                WebhookReceiver.Received test = receiver.received().stream()
                        .filter(r -> r.event().get("type").asString().equals("com.zywa.card.test"))
                        .findFirst()
                        .orElseThrow();
                assertThat(test.verifiedBy()).containsExactly(true);
                wait.until(driver -> text(id).contains(test.webhookId()));

                button(id, "Redeliver").click();
                wait.until(driver -> text(id).contains("1 webhook sent again"));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> receiver.about(card).size() == 2);
                assertThat(receiver.about(card))
                        .allSatisfy(r -> assertThat(r.webhookId()).isEqualTo(delivered))
                        .allSatisfy(r -> assertThat(r.verifiedBy()).containsExactly(true));
                screenshot("9-subscription-actions");
            } finally {
                client.send(HttpMethod.DELETE, subscription, Map.of("X-API-Key", TestCredentials.OPS_KEY), null, null);
            }
        }
        browser.findElement(By.linkText("Uploads and cards")).click();
        wait.until(ExpectedConditions.textToBe(By.id("who"), "Signed in as ops-test"));
    }

    @Test
    @Order(8)
    void theWorkQueueCountsFiltersLinksToTimelinesAndExportsKeepingItsFiltersInTheUrl(Pipeline pipeline)
            throws Exception {
        String stalled = SAMPLES.card("ZYW9901");
        StallIntegrationTests.publish(
                pipeline,
                List.of(StallIntegrationTests.event(
                        EventType.PICKED_UP, stalled, Instant.now().minus(Duration.ofDays(4)))));
        String returned = SAMPLES.card("ZYW8890");
        browser.get(
                console + "/console/queue?partner=default&action_required=CONTACT_CARDHOLDER&updated_since=" + STARTED);

        assertThat(new Select(browser.findElement(By.id("f-action")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("CONTACT_CARDHOLDER");
        assertThat(browser.findElement(By.id("f-partner")).getDomProperty("value"))
                .isEqualTo("default");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), returned));
        assertThat(browser.findElements(By.cssSelector("#queue tbody tr")))
                .extracting(WebElement::getText)
                .allSatisfy(row -> assertThat(row).contains("default", "CONTACT_CARDHOLDER"));
        // counted every second in the test pipeline, stalled every two seconds: the page is read again until the
        // stalled card is in the stalled column (the last) of its partner's row
        WebElement stalledCount = wait.until(driver -> {
            WebElement link = driver.findElements(By.cssSelector("#counts tbody tr")).stream()
                    .filter(row ->
                            row.findElement(By.cssSelector("th")).getText().equals(Pipeline.STALL_PARTNER))
                    .map(row -> row.findElements(By.cssSelector("td")))
                    .flatMap(cells -> cells.get(cells.size() - 1).findElements(By.cssSelector("a")).stream())
                    .findFirst()
                    .orElse(null);
            if (link == null) {
                driver.navigate().refresh();
            }
            return link;
        });
        screenshot("10-work-queue");

        stalledCount.click();
        wait.until(ExpectedConditions.urlContains("stalled=true"));
        assertThat(browser.getCurrentUrl()).contains("partner=" + Pipeline.STALL_PARTNER);
        // the counts may show another stalled card of the test partner before this one's stall is checked (every 2 s
        // here): the page is read again until this card is listed, and its row is the one looked at
        WebElement stalledRow = wait.until(driver -> {
            WebElement row = driver.findElements(By.cssSelector("#queue tbody tr.stalled")).stream()
                    .filter(candidate -> candidate.getText().contains(stalled))
                    .findFirst()
                    .orElse(null);
            if (row == null) {
                driver.navigate().refresh();
            }
            return row;
        });
        assertThat(stalledRow.getText()).contains("PICKED_UP");
        screenshot("11-work-queue-stalled");

        browser.findElement(By.id("queue-csv")).click();
        Path csv = wait.until(driver -> {
            try {
                Path file = downloads.resolve("cards.csv");
                return Files.exists(file) && Files.readString(file).contains(stalled) ? file : null;
            } catch (IOException e) {
                return null;
            }
        });
        assertThat(Files.readAllLines(csv).get(0)).startsWith("card_id,status,status_at,user_phone,partner");

        browser.findElement(By.linkText(stalled)).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#card h3"), "Card " + stalled));
        screenshot("12-timeline-from-the-queue");
    }

    @Test
    @Order(9)
    void listsTheQuarantineAndAcceptsAnEventHandingTheCardOver(Pipeline pipeline) {
        PipelineClient client = new PipelineClient(pipeline);
        String card = SAMPLES.card("ZYWQ001");
        String event = "{\"type\":\"%s\",\"card_id\":\"" + card + "\",\"occurred_at\":\"%s\"}";
        for (String[] sent : List.of(
                new String[] {TestCredentials.PARTNER_KEY, "PICKED_UP", "2023-11-20T08:00:00Z"},
                new String[] {TestCredentials.FASTCOURIER_KEY, "DELIVERED", "2023-11-21T08:00:00Z"})) {
            assertThat(client.send(
                                    HttpMethod.POST,
                                    pipeline.ingestUrl() + "/events",
                                    Map.of("X-API-Key", sent[0]),
                                    org.springframework.http.MediaType.APPLICATION_JSON,
                                    event.formatted(sent[1], sent[2]))
                            .status())
                    .isEqualTo(200);
            client.awaitIdle();
        }
        browser.get(console + "/console/");

        // the list re-renders on each refresh: ask again until this card's row is there
        By row = By.xpath("//table[@id='quarantine']//tr[td[1][text()='" + card + "']]");
        wait.until(driver -> {
            if (driver.findElements(row).isEmpty()) {
                driver.findElement(By.id("quarantine-refresh")).click();
                return false;
            }
            return true;
        });
        assertThat(browser.findElement(row).getText()).contains("default", "fastcourier", "DELIVERED");
        screenshot("13-quarantine");

        browser.findElement(row)
                .findElement(By.cssSelector("button[aria-label^='accept']"))
                .click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quarantine-note"), "accept sent"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(client.cardStatus("card_id=" + card)
                                .body()
                                .get("status")
                                .asString())
                        .isEqualTo("DELIVERED"));
        wait.until(driver -> {
            driver.findElement(By.id("quarantine-refresh")).click();
            return driver.findElements(row).isEmpty();
        });
    }

    @Test
    @Order(10)
    void signsOutAndTheConsoleAsksForTheKeyAgain() {
        browser.findElement(By.cssSelector("#sign-out button")).click();

        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).isEqualTo("You are signed out.");
        screenshot("14-signed-out");
        browser.get(console + "/console/");
        wait.until(ExpectedConditions.urlContains("/console/sign-in"));
    }

    /** The button of a subscription's article whose label starts with {@code action}. */
    private static WebElement button(String subscription, String action) {
        return browser.findElement(
                By.cssSelector("#subscription-" + subscription + " button[aria-label^='" + action + "']"));
    }

    /** What a subscription's article says now. */
    private static String text(String subscription) {
        List<WebElement> article = browser.findElements(By.id("subscription-" + subscription));
        return article.isEmpty() ? "" : article.get(0).getText();
    }

    private static void signIn(String key) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.id("key")));
        field.clear();
        field.sendKeys(key);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
    }

    /** Signs in from the keyboard alone: the key field has the focus, Enter sends the form. */
    private static void signInFromTheKeyboard(String key) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("key")));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("key");
        browser.switchTo().activeElement().sendKeys(key, Keys.ENTER);
    }

    /** A pickup file of three rows: one good, one without a card ID, one with a time nobody can read. */
    private static byte[] badRows() {
        return ("ID,Card ID,User Mobile,Timestamp\n"
                        + "1," + SAMPLES.card("ZYW0001") + ",585000001,12-11-2023 10:00\n"
                        + "2,,585000002,12-11-2023 10:00\n"
                        + "3," + SAMPLES.card("ZYW0003") + ",585000003,yesterday\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Path write(String name, byte[] content) throws IOException {
        return Files.write(Files.createDirectories(FILES).resolve(name), content)
                .toAbsolutePath();
    }

    /** The whole page, not only what the window shows: the window is made as tall as the page for the shot. */
    private static void screenshot(String name) {
        Dimension window = browser.manage().window().getSize();
        long height =
                (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int)
                Math.max(height + 140, window.getHeight())));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        browser.manage().window().setSize(window);
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
