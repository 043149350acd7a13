package org.traza.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium driven by chromedriver (both installed by .ci/run; {@code it.chromium}
 * and {@code it.chromedriver} point elsewhere), in a window of the given size and browser language,
 * with the waits and screenshots the page tests share.
 */
public final class Browser implements AutoCloseable {

  public final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  public static Browser open(int width, int height, String language) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height,
        "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    // the console, for the Content-Security-Policy violations close() turns into a failure
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
            .build();
    return new Browser(new ChromeDriver(service, options));
  }

  public void get(String url) {
    driver.get(url);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The text of the first element matching {@code css}, or "" while there is none. */
  public String text(String css) {
    List<WebElement> found = all(css);
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  /**
   * Waits up to 30 s for {@code condition}, retrying on exceptions (elements not there yet). On a
   * timeout the page is kept as {@code failed-<page title>.png} and its text joins the error.
   */
  public void await(Callable<Boolean> condition) {
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(150))
          .ignoreExceptions()
          .until(condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      String title = driver.getTitle().replaceAll("[^A-Za-z0-9]+", "-");
      keep("failed-" + title + ".png");
      String page = driver.findElement(By.tagName("body")).getText();
      throw new AssertionError(
          "the page never got there; it shows: " + page.substring(0, Math.min(page.length(), 2000)),
          e);
    }
  }

  /** Clicks the element matching {@code css} once it is displayed. */
  public void click(String css) {
    shown(css).click();
  }

  /** Waits until an element matching {@code css} is displayed, and answers it. */
  public WebElement shown(String css) {
    await(() -> find(css).isDisplayed());
    return find(css);
  }

  /** Types into the field {@code name} of {@code form} (a CSS selector), replacing its value. */
  public void type(String form, String name, String value) {
    WebElement field = find(form + " [name='" + name + "']");
    field.clear();
    field.sendKeys(value);
  }

  /** Sets a field the keyboard cannot fill portably (a date), firing input and change. */
  public void set(String form, String name, String value) {
    script(
        "const el = document.querySelector(arguments[0]); el.value = arguments[1];"
            + " el.dispatchEvent(new Event('input', {bubbles: true}));"
            + " el.dispatchEvent(new Event('change', {bubbles: true}));",
        form + " [name='" + name + "']",
        value);
  }

  /** Chooses the option {@code value} of the select {@code name} in {@code form}. */
  public void choose(String form, String name, String value) {
    select(form + " [name='" + name + "']", value);
  }

  /** Chooses the option {@code value} of the select {@code css}, as a user's pick would. */
  public void select(String css, String value) {
    WebElement select = find(css);
    select.findElement(By.cssSelector("option[value='" + value.replace("'", "\\'") + "']")).click();
    await(() -> value.equals(select.getDomProperty("value")));
  }

  public void submit(String form) {
    find(form + " button[type=submit]").click();
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Where the axe-core WebJar (a test dependency) keeps the library. */
  private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

  /**
   * The WCAG 2 A and AA violations of serious or critical impact that axe-core finds on the page as
   * it is, each as {@code rule: first elements}.
   */
  @SuppressWarnings("unchecked")
  public List<String> accessibilityViolations() {
    try (var in = Browser.class.getResourceAsStream(AXE)) {
      script(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("axe-core is not on the test classpath at " + AXE, e);
    }
    if (!"object".equals(script("return typeof window.axe"))) {
      throw new IllegalStateException("axe-core did not load in the page");
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return (List<String>)
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " axe.run({exclude: [['.chart']]}, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
                    + ".then(r => done(r.violations"
                    + ".map(v => v.id + ': ' + v.nodes.slice(0, 3)"
                    + ".map(n => n.target.join(' ')).join(' | '))))"
                    + ".catch(e => done(['axe failed: ' + e]));");
  }

  /** Keeps a screenshot under target/server/examples for a reviewer. */
  public void keep(String name) {
    try {
      Path dir = Path.of(System.getProperty("it.workdir", "target"), "..", "examples").normalize();
      Files.createDirectories(dir);
      Files.write(dir.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private final List<String> violations = new java.util.ArrayList<>();

  /**
   * The Content-Security-Policy violations the browser reported on its console so far (each a
   * "Refused to ..." line naming the directive), from every page this browser showed.
   */
  public List<String> cspViolations() {
    try {
      for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
        if (e.getMessage().contains("Content Security Policy")) {
          violations.add(e.getMessage());
        }
      }
    } catch (org.openqa.selenium.WebDriverException e) {
      // the browser is gone; what was collected stands
    }
    return List.copyOf(violations);
  }

  /**
   * Closes the browser, and fails the test that used it when any page broke the
   * Content-Security-Policy: the server's policy and the pages must agree.
   */
  @Override
  public void close() {
    List<String> refused = cspViolations();
    driver.quit();
    if (!refused.isEmpty()) {
      throw new AssertionError(
          "the pages broke the Content-Security-Policy:\n" + String.join("\n", refused));
    }
  }
}
