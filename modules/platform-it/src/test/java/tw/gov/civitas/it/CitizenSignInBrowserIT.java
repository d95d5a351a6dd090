package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Browser;
import tw.gov.civitas.it.support.Ports;
import tw.gov.civitas.it.support.TestServices;

/**
 * A citizen signs in once from one agency's site, is signed in on another's, and signs out of all.
 */
@ArquillianTest
class CitizenSignInBrowserIT {

  @Test
  void oneSignInForEverySiteAndOneSignOutForAll() {
    TestServices.keycloak();
    String slug = ContentSliceIT.createAndPublish("transportation-webmaster", "transportation");
    WebDriver browser = Browser.fresh();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    browser.get(Ports.BASE_URL + "/sites/transportation/" + slug);
    browser.findElement(By.id("account")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertTrue(
        browser.getCurrentUrl().contains("code_challenge_method=S256"), browser.getCurrentUrl());
    browser.findElement(By.id("username")).sendKeys("citizen");
    browser.findElement(By.id("password")).sendKeys("civitas-dev");
    browser.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.urlContains("/sites/transportation/" + slug));

    browser.get(Ports.BASE_URL + "/account/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    assertTrue(browser.findElement(By.id("signed-in-as")).getText().contains("citizen"));

    // another agency's site: already signed in, no password asked
    browser.get(Ports.BASE_URL + "/sites/xitun-district/");
    browser.findElement(By.id("account")).click();
    wait.until(ExpectedConditions.urlContains("/sites/xitun-district/"));
    assertTrue(browser.findElements(By.id("password")).isEmpty());

    // one sign-out ends it everywhere
    browser.get(Ports.BASE_URL + "/account/logout");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
    browser.get(Ports.BASE_URL + "/account/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.get(Ports.BASE_URL + "/editor/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
  }
}
