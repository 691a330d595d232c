package hk.ccms.access.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One headless Chromium for one test, driven through the machine's chromedriver, with waits that
 * say what a person waits for (a text, a field) instead of sleeping, screenshots, and the browser
 * console kept so that a test can assert the page logged no error (a Content-Security-Policy
 * violation, an uncaught exception, a missing asset all show there).
 * Tests get one from {@link BrowserExtension}, which also saves what the page looked like when a test fails.
 */
public final class Browser implements AutoCloseable {

    /**
     * Debian's chromium and chromium-driver (installed by .ci/run). Naming both means Selenium Manager is
     * never run, so nothing is ever downloaded.
     */
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    /**
     * Without the networking switches Chromium keeps calling Google's hosts, which this machine's closed network
     * refuses, and can hang; without --no-sandbox it does not start as root. Even with them it still looks up
     * accounts.google.com, update.googleapis.com, content-autofill.googleapis.com (forms) and its search engine:
     * the host-resolver rule answers every name and address but localhost and 127.0.0.1 "not found" inside
     * Chromium, so no lookup or connection leaves the machine. A fresh profile per browser keeps tests from
     * sharing cookies or the remembered language.
     */
    private static final List<String> SWITCHES = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--password-store=basic",
            "--disable-features=AutofillServerCommunication,OptimizationHints,Translate,MediaRouter",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1", "--window-size=1280,900");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * How Chromium logs a request answered with an error status that is no error of the page: an API call the page
     * makes on purpose and whose problem it shows the person (a wrong code is answered 401).
     */
    private static final Pattern NOT_A_PAGE_ERROR = Pattern.compile(
            "^\\S+/api/\\S* - Failed to load resource: the server responded with a status of [45]\\d\\d\\b.*");

    /** Selenium warns at every start that it has no DevTools binding for this Chromium; these tests use none. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final List<LogEntry> console = new ArrayList<>();

    /** Starts a browser; {@link #close()} ends it and deletes its profile. */
    public Browser() {
        this(null);
    }

    /**
     * Starts a browser that holds one client certificate, a smartcard's {@code key} and {@code chain} (leaf first), and
     * presents it without asking when a page of {@code origin} ({@code https://host:port}) asks for one in the TLS
     * handshake; see {@link ClientCertificate}.
     */
    public static Browser withClientCertificate(PrivateKey key, List<X509Certificate> chain, String origin) {
        return new Browser(new ClientCertificate(key, chain, origin));
    }

    private Browser(ClientCertificate clientCertificate) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install Debian's chromium and chromium-driver (as .ci/run does)");
        }
        long started = System.nanoTime();
        try {
            profile = Files.createTempDirectory("ccms-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(SWITCHES);
        options.addArguments("--user-data-dir=" + profile);
        // The smartcard page is served over HTTPS with the local demo PKI's server certificate, which no browser trusts.
        options.setAcceptInsecureCerts(true);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService.Builder builder = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort();
        try {
            if (clientCertificate != null) {
                // Chromium, started by chromedriver, inherits its HOME and reads the certificate store there.
                builder.withEnvironment(Map.of("HOME", clientCertificate.installIn(profile).toString()));
            }
        } catch (RuntimeException e) {
            deleteProfile();
            throw e;
        }
        service = builder.build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteProfile();
            throw e;
        }
        System.out.printf("Chromium %s started in %d ms%n", driver.getCapabilities().getBrowserVersion(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Goes to {@code url} and returns once the page and its scripts have loaded. */
    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Types {@code text} into the field {@code id} (cleared first) once a person could. */
    public Browser type(String id, String text) {
        WebElement field = await("#" + id + " to be enabled", ExpectedConditions.elementToBeClickable(By.id(id)));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Sends keys to whatever has the focus, as a person at the keyboard does (e.g. {@code Keys.TAB}, {@code Keys.ENTER}). */
    public Browser keys(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
        return this;
    }

    /** Clicks {@code id} once it is visible and enabled. */
    public Browser click(String id) {
        await("#" + id + " to be clickable", ExpectedConditions.elementToBeClickable(By.id(id))).click();
        return this;
    }

    /** Waits until {@code id} is visible and shows {@code expected} (as part of its text); returns its whole text. */
    public String awaitText(String id, String expected) {
        await("#" + id + " to show \"" + expected + "\"",
                ExpectedConditions.and(ExpectedConditions.visibilityOfElementLocated(By.id(id)),
                        ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected)),
                () -> "it shows \"" + textIfPresent(id) + "\"");
        return textOf(id);
    }

    /** Waits until {@code id} is visible. */
    public WebElement awaitVisible(String id) {
        return awaitVisible(id, WAIT);
    }

    /** Waits up to {@code within} until {@code id} is visible, for what a page does on a timer of its own. */
    public WebElement awaitVisible(String id, Duration within) {
        return await("#" + id + " to be visible", ExpectedConditions.visibilityOfElementLocated(By.id(id)), within);
    }

    /** Waits until an element that {@code css} matches is visible; returns the first. */
    public WebElement awaitCss(String css) {
        return await(css + " to be visible", ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the address bar shows a URL containing {@code part}; returns the URL. */
    public String awaitUrl(String part) {
        await("the URL to contain " + part, ExpectedConditions.urlContains(part), () -> "it is " + driver.getCurrentUrl());
        return driver.getCurrentUrl();
    }

    /** The text {@code id} shows now, as a person sees it (hidden parts left out). */
    public String textOf(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** Whether {@code id} exists and is shown now. */
    public boolean isVisible(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    /** The elements {@code css} matches now. */
    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** The browser's cookie {@code name} for the current page (HttpOnly ones too), or null. */
    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /** Runs {@code script} in the page, as page script would; returns what it returns. */
    public Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Waits for {@code condition} (checked repeatedly in the page) with {@code description} in the failure. */
    public void awaitScript(String description, String script) {
        await(description, page -> Boolean.TRUE.equals(script(script)));
    }

    /** The page's HTML as it is now. */
    public String pageSource() {
        return driver.getPageSource();
    }

    /** Saves what the browser shows to {@code target/screenshots/<name>.png}; returns the file. */
    public Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Everything the pages logged to the console so far (errors, warnings, CSP violations). */
    public List<LogEntry> console() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        return List.copyOf(console);
    }

    /**
     * Fails if a page logged an error so far: a Content-Security-Policy violation (inline script or style that
     * would not run), an uncaught exception, an asset that failed to load. API calls answered with a problem are
     * not errors of the page (see {@link #NOT_A_PAGE_ERROR}).
     */
    public void assertNoConsoleErrors() {
        List<String> errors = console().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()
                        || entry.getMessage().contains("Content Security Policy"))
                .map(LogEntry::getMessage)
                .filter(message -> !NOT_A_PAGE_ERROR.matcher(message).matches())
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("The browser console shows errors:\n  " + String.join("\n  ", errors));
        }
    }

    /** After a failed test: a screenshot, the page's HTML and the console, named {@code <name>-failure.*}. */
    void saveFailure(String name) {
        try {
            screenshot(name + "-failure");
            write(SCREENSHOTS.resolve(name + "-failure.html"), pageSource().getBytes(StandardCharsets.UTF_8));
            String log = console().stream().map(entry -> entry.getLevel() + " " + entry.getMessage())
                    .collect(Collectors.joining("\n", "URL " + driver.getCurrentUrl() + "\n", "\n"));
            write(SCREENSHOTS.resolve(name + "-failure-console.txt"), log.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            System.err.println("Could not save the browser state of " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, condition, WAIT);
    }

    private <T> T await(String what, Function<WebDriver, T> condition, Duration within) {
        return new WebDriverWait(driver, within).withMessage(() -> "waiting for " + what).until(condition);
    }

    /** Waits up to {@link #WAIT} for {@code condition}; a timeout says what was awaited and what there was instead. */
    private <T> T await(String what, Function<WebDriver, T> condition, Supplier<String> instead) {
        return new WebDriverWait(driver, WAIT).withMessage(() -> "waiting for " + what + "; " + instead.get()).until(condition);
    }

    private String textIfPresent(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? "(no such element)" : found.get(0).getText();
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete the browser profile " + profile + ": " + e);
        }
    }
}
