package cn.yunxi.kepu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff console in Debian's headless Chromium, driven through chromedriver (never a downloaded browser), at
 * 1366×768 — the screen of an ordinary office PC. Pages are found by their {@code data-test} hooks and form fields
 * by name. {@link #close()} fails the test when the page broke its content security policy or logged an error, so
 * every browser test also proves the console loads nothing from outside the jar.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String base;
    private final Path profile;
    final WebDriver driver;
    final WebDriverWait wait;

    ConsoleBrowser(int port) {
        assertThat(CHROMIUM).as("Chromium is required: apt-get install -y chromium chromium-driver").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver is required: apt-get install -y chromium-driver").isExecutable();
        assertThat(ConsoleBrowser.class.getResource("/static/admin/index.html"))
                .as("the console is not built: run the Maven build without -Dconsole.skip=true").isNotNull();
        this.base = "http://127.0.0.1:" + port;
        try {
            this.profile = Files.createTempDirectory("kepu-console-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=zh-CN", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // The page itself 1366×768 (the window size would include the browser's own bars).
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
        this.driver = chrome;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // A table re-rendered between finding a button and clicking it: find it again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Logs in on the login page (opening it first) and waits for the console's menu. */
    void logIn(String username, String password) {
        open("/admin/login");
        type("username", username);
        type("password", password);
        click("login-button");
        wait.until(d -> !d.getCurrentUrl().contains("/admin/login"));
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement test(String dataTest) {
        return find("[data-test='" + dataTest + "']");
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String dataTest) {
        press(d -> ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test='" + dataTest + "']")).apply(d));
    }

    /**
     * Clicks the element {@code locate} finds as soon as a person could: a dialog slides in and its positioning
     * layer covers the buttons for a moment, and chromedriver refuses such a click (intercepted, not interactable)
     * without delivering it, so a refused click is simply tried again until the element is on top (or the wait runs
     * out). Nor is anything clicked while it or a parent is still moving: chromedriver checks what is under the
     * element's centre and then sends the click there, and on a loaded machine a dialog zooming in has moved by then,
     * so the click lands on the mask around it, which closes the dialog as if the person had cancelled.
     */
    void press(Function<WebDriver, WebElement> locate) {
        wait.until(d -> {
            WebElement element = locate.apply(d);
            if (element == null || isMoving(element)) {
                return null;
            }
            try {
                element.click();
                return Boolean.TRUE;
            } catch (ElementNotInteractableException covered) {
                return null;
            }
        });
    }

    /** True while a CSS transition or animation runs on the element or one of its parents. */
    private boolean isMoving(WebElement element) {
        return Boolean.TRUE.equals(script("for (let e = arguments[0]; e; e = e.parentElement) {"
                + " if (e.getAnimations().some(a => a.playState === 'running')) return true; } return false;", element));
    }

    /**
     * Confirms the dialog on top: the one with {@code dialog} as its data-test, or (null) the last confirmation box
     * shown. Pages keep closed dialogs in the document, so only a displayed button counts.
     */
    void confirmDialog(String dialog) {
        String css = dialog == null ? ".t-dialog__confirm" : "[data-test='" + dialog + "'] .t-dialog__confirm";
        press(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed)
                .reduce((first, second) -> second).orElse(null));
    }

    /** Opens the page of the side menu's item for {@code path}. */
    void menu(String path) {
        WebElement item = find("[data-test='side-menu'] [data-path='" + path + "']");
        script("arguments[0].scrollIntoView({block: 'center'})", item);
        press(d -> ExpectedConditions.elementToBeClickable(item).apply(d));
    }

    /** Clicks the element showing {@code text} inside the element with {@code data-test} (a checkbox's label...). */
    void clickText(String dataTest, String text) {
        press(d -> ExpectedConditions.elementToBeClickable(By.xpath("//*[@data-test='" + dataTest
                + "']//*[normalize-space(text())='" + text + "']")).apply(d));
    }

    /** Replaces what is in the input or textarea named {@code name} (the visible one) with {@code text}. */
    void type(String name, String text) {
        WebElement input = find("input[name='" + name + "'], textarea[name='" + name + "']");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    /** Hands a file to a (possibly hidden) file input inside the element with {@code data-test}. */
    void attach(String dataTest, Path file) {
        WebElement input = wait.until(d -> d.findElement(By.cssSelector("[data-test='" + dataTest + "'] input[type='file'], input[type='file'][data-test='" + dataTest + "']")));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    String text(String css) {
        return find(css).getText();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Keeps a 1366×768 screenshot of the page as target/screenshots/{@code name}.png (a test artefact). */
    Path screenshot(String name) {
        try {
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(target)).isGreaterThan(5_000);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Messages the page logged as errors (a blocked load breaks the content security policy and lands here). */
    List<String> errors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // Answers the test provoked on purpose (a 401 for a wrong password, a 404 for another unit's item)
                // are logged by Chromium as failed loads; they are checked by the tests themselves.
                .filter(m -> !m.matches("(?s).*/api/.* - Failed to load resource: the server responded with a status of (400|401|403|404|409).*"))
                .toList();
    }

    @Override
    public void close() {
        try {
            List<String> errors = errors();
            assertThat(errors).as("the console logged errors (a resource from outside the jar, a script error)")
                    .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
        } finally {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
