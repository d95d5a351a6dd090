package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** A webmaster signs in to the editor through the real Keycloak login page. */
@ArquillianTest
class EditorLoginBrowserIT {

  @Test
  void aWebmasterSignsInAndSeesOnlyTheirOwnSite() {
    TestServices.keycloak();
    WebDriver browser = Browser.fresh();
    browser.get(Ports.BASE_URL + "/editor/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertTrue(browser.getCurrentUrl().startsWith(TestServices.keycloak().issuer()), browser.getCurrentUrl());
    browser.findElement(By.id("username")).sendKeys("transportation-webmaster");
    browser.findElement(By.id("password")).sendKeys("civitas-dev");
    browser.findElement(By.id("kc-login")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    assertTrue(browser.getCurrentUrl().startsWith(Ports.BASE_URL + "/editor/"), browser.getCurrentUrl());
    assertTrue(browser.findElement(By.id("signed-in")).getText().contains("transportation-webmaster"));
    String sites = browser.findElement(By.id("sites")).getText();
    assertTrue(sites.contains("transportation"), sites);
    assertTrue(sites.contains("site-admin"), sites);
    assertFalse(sites.contains("xitun-district"), sites);
    assertEquals(1, browser.findElements(By.cssSelector("#sites tbody tr")).size());
  }
}
