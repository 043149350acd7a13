package org.traza.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Browser;
import org.traza.testing.ItDatabase;
import org.traza.testing.Relay;

/**
 * The browser station page in headless Debian Chromium (installed by .ci/run), in a phone-sized
 * window, reaching the server through a relay the test can cut: a scan online, scans while the
 * network is gone (kept in IndexedDB, shown as pending), and once it is back every scan is on the
 * server exactly once, in order.
 */
class StationPageIT extends AgainstServer {

  private Browser page;
  private ChromeDriver browser;
  private Relay relay;

  @BeforeEach
  void open() {
    page = Browser.open(390, 844, "en-US");
    browser = page.driver;
    URI server = api.base();
    relay = new Relay(0, server.getHost(), server.getPort());
  }

  @AfterEach
  void close() {
    try {
      if (relay != null) {
        relay.close();
      }
    } finally {
      if (page != null) {
        page.close();
      }
    }
  }

  @Test
  void a_phone_sized_page_scans_online_and_offline_and_each_scan_is_recorded_once()
      throws Exception {
    long armoury = api.location("ARMOURY", null);
    long vault = api.location("VAULT", armoury);
    String credential = api.station(armoury);
    String code = credential.substring(0, credential.indexOf(':'));
    String user = api.newUserIn(armoury, Api.Role.ARMOURER).username();
    String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    List<String> serials = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      serials.add("WB" + run + i);
      api.register(aFirearm().withSerial(serials.get(i)).build());
    }

    browser.get("http://127.0.0.1:" + relay.port() + "/station/");
    browser.findElement(By.id("user")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(Api.USER_PASSWORD);
    browser.findElement(By.id("credential")).sendKeys(credential);
    browser.findElement(By.cssSelector("#login button[type=submit]")).click();
    page.await(() -> browser.findElement(By.id("work")).isDisplayed());
    assertThat(browser.switchTo().activeElement().getDomAttribute("id"))
        .as("the scan field has the focus, for keyboard-wedge scanners")
        .isEqualTo("scan");
    browser.findElement(By.id("target")).sendKeys(String.valueOf(vault));
    WebElement scan = browser.findElement(By.id("scan"));

    scan.sendKeys(serials.get(0), Keys.ENTER);
    page.await(() -> "ACCEPTED".equals(firstKind()));

    relay.cutOff();
    scan.sendKeys(serials.get(1), Keys.ENTER);
    scan.sendKeys(serials.get(2), Keys.ENTER);
    scan.sendKeys(serials.get(2), Keys.ENTER);
    page.await(
        () -> "2".equals(browser.findElement(By.id("pending")).getDomAttribute("data-count")));
    page.await(() -> browser.findElement(By.id("net")).getText().startsWith("Offline"));
    assertThat(events(code)).containsExactly(serials.get(0));
    page.keep("station-page-offline.png");

    relay.restore();
    page.await(
        () -> "0".equals(browser.findElement(By.id("pending")).getDomAttribute("data-count")));
    assertThat(events(code)).containsExactlyElementsOf(serials);

    long count =
        api.post(
                "/api/stock-counts",
                api.as(Api.Role.ARMOURER),
                jakarta.json.Json.createObjectBuilder().add("locationId", vault).build())
            .json()
            .getJsonNumber("id")
            .longValue();
    browser.findElement(By.cssSelector("#mode option[value=COUNT]")).click();
    assertThat(browser.findElement(By.id("target-label")).getText()).isEqualTo("Stock count id");
    browser.findElement(By.id("target")).clear();
    browser.findElement(By.id("target")).sendKeys(String.valueOf(count));
    scan.sendKeys(serials.get(1), Keys.ENTER);
    page.await(() -> "ACCEPTED".equals(firstKind()) && firstLog().contains("counted"));
    assertThat(
            api.get("/api/stock-counts/" + count, api.as(Api.Role.ARMOURER)).json().getInt("scans"))
        .isEqualTo(1);
    page.keep("station-page.png");
  }

  /** The kind of the newest scan (its class: ACCEPTED, REFUSED…; the text shown is translated). */
  private String firstKind() {
    List<WebElement> items = browser.findElements(By.cssSelector("#log li"));
    return items.isEmpty() ? "" : items.get(0).getDomAttribute("class");
  }

  private String firstLog() {
    List<WebElement> items = browser.findElements(By.cssSelector("#log li"));
    return items.isEmpty() ? "" : items.get(0).getText();
  }

  /** Serials of the custody events a station made, in the order the server recorded them. */
  private static List<String> events(String stationCode) throws Exception {
    try (Connection c = ItDatabase.adminConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT f.serial_number FROM custody_event e JOIN firearm f ON f.id = e.firearm_id"
                    + " WHERE e.idempotency_key LIKE ? ORDER BY e.id")) {
      ps.setString(1, stationCode + "-%");
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }
}
