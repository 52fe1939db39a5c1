package ladder.webapp.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium (Debian's {@code /usr/bin/chromium} driven through {@code /usr/bin/chromedriver};
 * Selenium never downloads a browser) for end-to-end tests, with helpers for Vaadin's components.
 * As an {@link ExecutionCondition} it disables a test with a visible reason when Chromium is missing.
 */
public final class Browser implements AutoCloseable, ExecutionCondition {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String base;
    private final Path profile;

    /** For JUnit's {@code @ExtendWith} only. */
    public Browser() {
        this.driver = null;
        this.wait = null;
        this.base = "";
        this.profile = null;
    }

    private Browser(int port) throws IOException {
        this.base = "http://localhost:" + port;
        this.profile = Files.createTempDirectory("ladder-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // for consoleMessages()
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    public static Browser open(int port) {
        try {
            return new Browser(port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute()) {
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
        }
        String reason = "SKIPPED: end-to-end test needs Debian's chromium and chromium-driver "
                + "(apt-get install chromium chromium-driver; .ci/run does)";
        System.err.println("[ladder] " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
        waitForVaadin();
    }

    public void signIn(String username, String password) {
        go("/login");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']")));
        user.clear();
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        waitForVaadin();
    }

    /** Types into the {@code <input>} of the Vaadin field with this id. */
    public void type(String fieldId, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + fieldId + " input")));
        input.clear();
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    public void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        waitForVaadin();
    }

    public void clickText(String tag, String text) {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//" + tag + "[normalize-space(.)='" + text + "']"))).click();
        waitForVaadin();
    }

    public void waitForText(String text) {
        wait.until(d -> pageText().contains(text));
    }

    /** The text of the page including Vaadin's overlays (dialogs, notifications). */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** What the page wrote to the console since the last call, Content-Security-Policy violations included. */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.Vaadin || !window.Vaadin.Flow "
                        + "|| !window.Vaadin.Flow.clients || Object.values(window.Vaadin.Flow.clients)"
                        + ".every(c => !c.isActive || !c.isActive()))")));
    }

    /** Saves a PNG of the window under {@code target/screenshots/}; returns its path. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }
}
