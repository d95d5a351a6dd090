package tw.gov.civitas.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** One headless Chromium (Debian's package) shared by every browser test of the run. */
public final class Browser {

  private static WebDriver driver;

  private Browser() {}

  public static synchronized WebDriver get() {
    if (driver == null) {
      driver = start();
    }
    return driver;
  }

  /**
   * A second Chromium with its own profile (cookies, sessions): another person at another desk. The
   * caller quits it.
   */
  public static WebDriver another() {
    return start();
  }

  private static WebDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("civitas.chromium", "/usr/bin/chromium"));
    try {
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1280,900",
          // under target/, not the machine's /tmp: the next clean build removes the profiles
          "--user-data-dir="
              + Files.createTempDirectory(
                      Files.createDirectories(java.nio.file.Path.of("target", "chromium-profiles")),
                      "profile")
                  .toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new java.io.File(
                    System.getProperty("civitas.chromedriver", "/usr/bin/chromedriver")))
            .build();
    WebDriver started = new ChromeDriver(service, options);
    started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return started;
  }

  /**
   * A fresh session for the next test: no cookies from the previous one, of any host (WebDriver's
   * own deleteAllCookies reaches only the current page's, which would leave Keycloak's single
   * sign-on).
   */
  public static synchronized WebDriver fresh() {
    WebDriver d = get();
    ((ChromeDriver) d).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
    d.manage().deleteAllCookies();
    return d;
  }

  static synchronized void quit() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }
}
