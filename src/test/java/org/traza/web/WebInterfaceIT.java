package org.traza.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;
import org.traza.testing.Browser;
import org.traza.testing.Symbols;

/**
 * The web interface in headless Chromium, one flow per role as a new user would do it, plus the
 * language switch and an ended session. Screenshots of the main pages are kept under
 * target/server/examples.
 */
class WebInterfaceIT extends AgainstServer {

  private Browser browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  private String url(String path) {
    return api.base().resolve(path).toString();
  }

  private void logIn(String username, String password) {
    browser.shown("#login [name=username]");
    browser.type("#login", "username", username);
    browser.type("#login", "password", password);
    browser.submit("#login");
    browser.shown("#nav a");
  }

  private void go(String hash) {
    browser.click("#nav a[href='" + hash + "']");
  }

  @Test
  void an_armourer_receives_a_weapon_into_a_vault_and_issues_it() {
    long armoury = api.location("ARMOURY", null);
    long vault = api.location("VAULT", armoury);
    long officer = api.holder("OFFICER");
    String armourer = api.newUserIn(armoury, Role.ARMOURER).username();
    JsonObject f = api.register(aFirearm().with("calibre", "762X39").build());
    long id = f.getInt("id");
    String serial = f.getString("serialNumber");

    browser = Browser.open(1280, 900, "en-US");
    browser.get(url("/"));
    logIn(armourer, Api.USER_PASSWORD);
    assertThat(browser.text("#nav")).contains("Armoury").doesNotContain("Administration");
    browser.shown("#kpi-holdings");

    go("#/armoury");
    browser.click(".tabs a[href='#/armoury/custody']");
    browser.shown("#custody [name=scannedText]");
    browser.type("#custody", "scannedText", serial);
    browser.choose("#custody", "action", "RECEIVE");
    browser.choose("#custody", "locationId", String.valueOf(vault));
    browser.submit("#custody");
    browser.await(() -> browser.text("#custody-result").contains("now In stock"));

    browser.type("#custody", "scannedText", serial);
    browser.choose("#custody", "action", "ISSUE");
    browser.choose("#custody", "locationId", "");
    browser.choose("#custody", "holderId", String.valueOf(officer));
    browser.submit("#custody");
    browser.await(() -> browser.text("#custody-result").contains("now Issued"));
    browser.keep("web-armoury-custody.png");

    // a refused action says why, in words
    browser.type("#custody", "scannedText", serial);
    browser.choose("#custody", "action", "ISSUE");
    browser.submit("#custody");
    browser.await(() -> browser.text("#custody .problem").contains("does not allow"));

    JsonObject record = api.get("/api/firearms/" + id, api.admin()).json();
    assertThat(record.getString("status")).isEqualTo("ISSUED");
    assertThat(api.get("/api/firearms/" + id + "/custody-events", api.admin()).array())
        .hasSize(2)
        .allMatch(e -> e.asJsonObject().getString("actor").equals(armourer));

    browser.get(url("/#/firearms/" + id));
    browser.await(() -> browser.text("#chain").contains("2 events, none altered"));
    assertThat(browser.all("#timeline tbody tr")).hasSize(2);
    assertThat(browser.text("#firearm-facts")).contains(serial).contains("7.62×39 mm");
    browser.await(() -> browser.all("#symbols img[data-loaded]").size() == 3);
    browser.keep("web-firearm.png");

    go("#/dashboard");
    browser.shown("#chart-status canvas");
    // a tooltip, drawn in the canvas: no inline style for the Content-Security-Policy to refuse
    new org.openqa.selenium.interactions.Actions(browser.driver)
        .moveToElement(browser.find("#chart-status canvas"))
        .perform();
    browser.keep("web-dashboard.png");
  }

  @Test
  void an_investigator_files_a_trace_with_live_hints_and_answers_it() throws Exception {
    String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    String serial = "B8" + run + "74";
    String asRead = "B8" + run.substring(0, 3) + "?" + run.substring(4) + "74";
    long id = api.register(aFirearm().withSerial(serial).build()).getInt("id");
    String investigator = api.newUser(Role.INVESTIGATOR).username();
    String caseReference = "CASE-WEB-" + run;

    browser = Browser.open(1280, 1000, "en-US");
    browser.get(url("/"));
    logIn(investigator, Api.USER_PASSWORD);
    go("#/tracing");
    browser.click("#new-trace");
    browser.shown("#trace-request");
    browser.type("#trace-request", "requestingAuthority", "Fiscalía General de la Nación");
    browser.type("#trace-request", "requestingCountry", "CO");
    browser.type("#trace-request", "contact", "rastreo@fiscalia.gov.co");
    browser.type("#trace-request", "caseReference", caseReference);
    browser.type("#trace-request", "legalBasis", "CIFTA Art. XIII");
    browser.type("#trace-request", "illicitReason", "recovered at a crime scene");
    browser.type("#trace-request", "intendedUse", "criminal investigation");
    browser.set("#trace-request", "recoveredOn", "2026-11-20");
    browser.type("#trace-request", "recoveryPlace", "Cali");
    browser.type("#trace-request", "weaponType", "PISTOL");
    browser.type("#trace-request", "weaponMake", "GLOKC");
    browser.type("#trace-request", "serialAsRead", asRead);
    // the live check: an unknown make, with the closest entries offered
    browser.await(() -> browser.text("#check-warnings").contains("GLOCK"));
    browser.keep("web-trace-form.png");
    browser.all("#check-warnings button").stream()
        .filter(b -> b.getText().startsWith("GLOCK"))
        .findFirst()
        .orElseThrow()
        .click();
    browser.await(
        () ->
            "GLOCK".equals(browser.find("#trace-request [name=weaponMake]").getDomProperty("value"))
                && !browser.text("#check").contains("GLOKC"));
    browser.submit("#trace-request");

    browser.click("#acknowledge");
    browser.await(() -> browser.text("#candidates li").contains(serial));
    browser.click("#start");
    browser.await(() -> !browser.all("#candidates li button").isEmpty());
    WebElement first = browser.all("#candidates > li").get(0);
    assertThat(first.getText()).contains("score");
    first.findElement(org.openqa.selenium.By.cssSelector("button")).click();
    assertThat(browser.find("#answer [name=firearmId]").getDomProperty("value"))
        .isEqualTo(String.valueOf(id));
    browser.submit("#answer");
    browser.await(() -> browser.text("#response-weapon").contains(serial));
    assertThat(browser.find("#response-pdf").isDisplayed()).isTrue();
    browser.keep("web-trace-response.png");
    Path photo = Files.createTempFile("recovered", ".png");
    Files.write(photo, Symbols.png());
    browser.find("#trace-photo [name=photo]").sendKeys(photo.toString());
    browser.submit("#trace-photo");
    browser.await(() -> browser.all("#trace-photos img[src^='blob:']").size() == 1);

    JsonObject filed =
        api.get("/api/trace-requests?status=ANSWERED", api.admin()).array().stream()
            .map(v -> v.asJsonObject())
            .filter(
                r -> r.getJsonObject("request").getString("caseReference").equals(caseReference))
            .findFirst()
            .orElseThrow();
    assertThat(filed.getString("outcome")).isEqualTo("IDENTIFIED");
    assertThat(filed.getJsonNumber("firearmId").longValue()).isEqualTo(id);
    assertThat(api.audit("action=trace-query.run&actor=" + investigator))
        .isNotEmpty()
        .allMatch(e -> e.getString("targetId").equals(caseReference));
  }

  @Test
  void an_auditor_verifies_a_destruction_certificate_by_number_and_by_its_pdf() throws Exception {
    String number = certificate();
    String auditor = api.newUser(Role.AUDITOR).username();
    byte[] pdf =
        api.getBytes("/api/destruction-certificates/" + number + "/pdf", api.admin()).body();
    Path genuine = Files.createTempFile("certificate", ".pdf");
    Files.write(genuine, pdf);
    byte[] altered = pdf.clone();
    int at = indexOf(altered, "Carlos Ruiz");
    altered[at] = 'K';
    Path forged = Files.createTempFile("forged", ".pdf");
    Files.write(forged, altered);

    browser = Browser.open(1280, 1000, "en-US");
    browser.get(url("/"));
    logIn(auditor, Api.USER_PASSWORD);
    go("#/destruction");
    browser.shown("#verify-number");
    browser.type("#verify-number", "number", number);
    browser.submit("#verify-number");
    browser.await(() -> browser.text("#verdict").contains("is valid"));
    assertThat(browser.all("#checks tbody tr")).isNotEmpty();
    assertThat(browser.text("#checks")).doesNotContain("failed");

    browser.find("#certificate-file").sendKeys(genuine.toString());
    browser.submit("#verify-file");
    browser.await(() -> browser.text("#verdict").contains("is valid"));
    browser.keep("web-certificate-verified.png");

    browser.find("#certificate-file").clear();
    browser.find("#certificate-file").sendKeys(forged.toString());
    browser.submit("#verify-file");
    browser.await(() -> browser.text("#verdict").contains("NOT valid"));
    assertThat(browser.text("#checks")).contains("failed");

    go("#/audit");
    browser.click("#verify-chains");
    browser.await(() -> browser.text("#audit-chain").contains("intact"));
    assertThat(browser.text("#custody-chain")).contains("intact");
    browser.await(() -> !browser.all("#audit-results tbody tr").isEmpty());
    browser.keep("web-audit.png");
  }

  @Test
  void an_administrator_creates_a_user_who_then_logs_in_with_that_role() {
    String username = "web" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    browser = Browser.open(1280, 900, "en-US");
    browser.get(url("/"));
    logIn("admin", Api.ADMIN_PASSWORD);
    go("#/admin");
    browser.shown("#new-user");
    browser.type("#new-user", "username", username);
    browser.type("#new-user", "fullName", "Ana Investigadora");
    browser.type("#new-user", "password", "short");
    browser.find("#new-user [name=role-INVESTIGATOR]").click();
    browser.submit("#new-user");
    // the server's answer is shown beside the field it names (a weak-password problem since issue
    // 17)
    browser.await(() -> browser.text("#new-user .problem").contains("The password is too weak"));
    assertThat(browser.text("#new-user .field-error")).isNotEmpty();
    browser.type("#new-user", "password", Api.USER_PASSWORD);
    browser.submit("#new-user");
    browser.await(() -> browser.text("#users").contains(username));
    browser.keep("web-admin-users.png");

    browser.find("#logout").click();
    logIn(username, Api.USER_PASSWORD);
    assertThat(browser.text("#nav")).contains("Tracing").doesNotContain("Administration");
    assertThat(api.get("/api/users/" + username, api.admin()).json().getJsonArray("roles"))
        .extracting(v -> v.toString().replace("\"", ""))
        .containsExactly("INVESTIGATOR");
  }

  @Test
  void an_administrator_renames_a_vault_and_corrects_a_holder() {
    long armoury = api.location("ARMOURY", null);
    long vault = api.location("VAULT", armoury);
    long officer = api.holder("OFFICER");
    String code = api.get("/api/locations/" + vault, api.admin()).json().getString("code");

    browser = Browser.open(1280, 900, "en-US");
    browser.get(url("/"));
    logIn("admin", Api.ADMIN_PASSWORD);
    browser.get(url("/#/armoury/holdings/" + vault));
    browser.shown("#edit-location");
    assertThat(browser.find("#edit-location [name=name]").getDomProperty("value"))
        .isEqualTo("vault");
    browser.type("#edit-location", "name", "Vault B, north wing");
    browser.type("#edit-location", "countFrequencyDays", "90");
    browser.submit("#edit-location");
    browser.await(() -> browser.text("main").contains(code + " · Vault B, north wing"));
    JsonObject place = api.get("/api/locations/" + vault, api.admin()).json();
    assertThat(place.getInt("countFrequencyDays")).isEqualTo(90);
    browser.keep("web-location-edit.png");

    browser.get(url("/#/armoury/holdings"));
    browser.shown("#edit-holder");
    browser.choose("#edit-holder", "holderId", String.valueOf(officer));
    browser.submit("#edit-holder");
    // nothing to change: the server says so inside the form
    browser.await(() -> !browser.text("#edit-holder .problem").isEmpty());
    browser.type("#edit-holder", "name", "Sgt. Ana Ruiz");
    browser.submit("#edit-holder");
    browser.await(() -> browser.text("main").contains(" updated."));
    assertThat(browser.text("#edit-holder option[value='" + officer + "']"))
        .endsWith("Sgt. Ana Ruiz");
    assertThat(
            api.get("/api/holders", api.admin()).array().stream()
                .map(v -> v.asJsonObject())
                .filter(x -> x.getInt("id") == officer)
                .findFirst()
                .orElseThrow()
                .getString("name"))
        .isEqualTo("Sgt. Ana Ruiz");
    assertThat(api.audit("action=location.updated&targetId=" + vault)).hasSize(1);
  }

  @Test
  void the_language_follows_the_browser_then_the_user_and_an_ended_session_says_so() {
    JsonObject f = api.register(aFirearm().with("calibre", "762X39").build());
    String armourer = api.newUser(Role.ARMOURER).username();
    browser = Browser.open(820, 1180, "es-AR"); // a tablet
    browser.get(url("/"));
    browser.await(() -> browser.text("h1").equals("Iniciar sesión"));
    assertThat(browser.accessibilityViolations()).as("the login page").isEmpty();
    browser.type("#login", "username", armourer);
    browser.type("#login", "password", "wrong password");
    browser.submit("#login");
    browser.await(
        () -> browser.text("#login .problem").contains("Usuario o contraseña incorrectos"));
    // by keyboard alone: the user name, Tab to the password, Enter
    browser.find("#login [name=username]").clear();
    browser.find("#login [name=password]").clear();
    browser
        .find("#login [name=username]")
        .sendKeys(armourer + Keys.TAB + Api.USER_PASSWORD + Keys.ENTER);
    browser.shown("#nav a");
    assertThat(browser.text("#nav")).contains("Armas de fuego").contains("Armería");

    browser.get(url("/#/firearms/" + f.getInt("id")));
    browser.await(() -> browser.text("#firearm-facts").contains("7,62×39 mm"));
    assertThat(browser.text("#firearm-facts")).contains("Registrada");
    browser.keep("web-firearm-es.png");

    browser.select("#language", "en");
    browser.await(() -> browser.text("#nav").contains("Firearms"));
    browser.driver.navigate().refresh();
    browser.await(() -> browser.text("#nav").contains("Firearms"));
    browser.select("#language", "pt");
    browser.await(() -> browser.text("#nav").contains("Armas de fogo"));

    // the token's end: the page returns to the login and says why
    browser.script(
        "const s = JSON.parse(sessionStorage.getItem('traza.session'));"
            + " s.expiresAt = new Date(Date.now() - 1000).toISOString();"
            + " sessionStorage.setItem('traza.session', JSON.stringify(s));");
    browser.driver.navigate().refresh();
    browser.await(() -> browser.text("#session-ended").contains("Sua sessão terminou"));

    // the station page shares the choice of language, and passes the same checks
    browser.get(url("/station/"));
    browser.await(() -> browser.text("#login-title").equals("Entrar"));
    assertThat(browser.text("label[for=credential]")).startsWith("Credencial da estação");
    assertThat(browser.accessibilityViolations()).as("the station page").isEmpty();
  }

  /** Labels a missing bundle entry would leave on screen as its key. */
  private static final java.util.regex.Pattern RAW_KEY =
      java.util.regex.Pattern.compile(
          "\\b(nav|common|firearm|custody|armoury|count|case|order|certificate|trace|audit|user"
              + "|station|stationPage|reference|location|holder|dashboard|correction|marking"
              + "|problem|chart)\\.[a-zA-Z]+\\b");

  @Test
  void every_page_opens_in_spanish_and_passes_the_accessibility_checks() throws Exception {
    long armoury = api.location("ARMOURY", null);
    long vault = api.location("VAULT", armoury);
    String armourer = api.as(Role.ARMOURER);
    JsonObject f = api.register(aFirearm().build());
    long id = f.getInt("id");
    assertThat(api.custody(armourer, id, "RECEIVE", vault).status()).isEqualTo(201);
    long count =
        api.post(
                "/api/stock-counts",
                armourer,
                Json.createObjectBuilder().add("locationId", vault).build())
            .json()
            .getJsonNumber("id")
            .longValue();
    String order = certificate();
    long orderId =
        api.get("/api/destruction-certificates/" + order, api.admin())
            .json()
            .getJsonNumber("orderId")
            .longValue();
    Reply trace = api.post("/api/trace-requests", api.as(Role.INVESTIGATOR), traceRequest());
    assertThat(trace.status()).as(trace.toString()).isEqualTo(201);
    long traceId = trace.json().getJsonNumber("id").longValue();
    String everyRole =
        api.newUser(Role.ARMOURER, Role.INVESTIGATOR, Role.AUDITOR, Role.SUPERVISOR, Role.ADMIN)
            .username();

    browser = Browser.open(1280, 900, "es-MX");
    browser.get(url("/"));
    logIn(everyRole, Api.USER_PASSWORD);
    List<String> pages =
        List.of(
            "dashboard",
            "firearms",
            "firearms/new",
            "firearms/" + id,
            "armoury/holdings",
            "armoury/holdings/" + vault,
            "armoury/custody",
            "armoury/issued",
            "armoury/transit",
            "armoury/counts",
            "armoury/counts/" + count,
            "armoury/cases",
            "destruction/orders",
            "destruction/orders/" + orderId,
            "destruction/certificates/" + order,
            "destruction/alerts",
            "tracing",
            "tracing/new",
            "tracing/query",
            "tracing/" + traceId,
            "audit",
            "admin/users",
            "admin/stations",
            "admin/reference");
    List<String> violations = new ArrayList<>();
    for (String page : pages) {
      browser.get(url("/#/" + page));
      browser.await(
          () -> !browser.all("main h1").isEmpty() && !browser.text("main").contains("Cargando"));
      String text = browser.text("main");
      assertThat(browser.all("main .problem")).as(page + ": " + text).isEmpty();
      // what the page labels, without the recorded data shown as code (audit actions, markings)
      String labels =
          (String)
              browser.script(
                  "const m = document.querySelector('main').cloneNode(true);"
                      + " m.querySelectorAll('code, input, .hint').forEach(c => c.remove());"
                      + " return m.innerText;");
      assertThat(RAW_KEY.matcher(labels).find())
          .as(page + " shows a label key: " + labels)
          .isFalse();
      violations.addAll(
          browser.accessibilityViolations().stream().map(v -> page + " " + v).toList());
      browser.keep(
          "web-es-" + page.replaceAll("/(\\d+|DC-.*)$", "-detail").replace('/', '-') + ".png");
    }
    assertThat(violations).as("WCAG 2 A/AA violations (axe-core)").isEmpty();

    // a supervisor assigns the request, and voids a record entered by mistake
    browser.get(url("/#/tracing/" + traceId));
    browser.shown("#assign [name=investigator]");
    browser.type("#assign", "investigator", everyRole);
    browser.submit("#assign");
    browser.await(() -> browser.text("#trace-facts").contains(everyRole));
    long mistake = api.register(aFirearm().build()).getInt("id");
    browser.get(url("/#/firearms/" + mistake));
    browser.await(() -> !browser.all("#void").isEmpty());
    browser.script("document.querySelector('#void').closest('details').open = true");
    browser.type("#void", "reason", "entered twice");
    browser.submit("#void");
    browser.await(() -> browser.text("#firearm-facts").contains("entered twice"));
    assertThat(api.get("/api/firearms/" + mistake, api.admin()).json().getBoolean("voided"))
        .isTrue();

    // a page whose record does not exist says so in the user's language
    browser.get(url("/#/firearms/987654321"));
    browser.await(() -> browser.text("main .problem").contains("No encontrado"));
  }

  private static JsonObject traceRequest() {
    return Json.createObjectBuilder()
        .add("requestingAuthority", "Policía Nacional")
        .add("requestingCountry", "CO")
        .add("contact", "rastreo@policia.gov.co")
        .add("caseReference", "CASE-TOUR-" + UUID.randomUUID().toString().substring(0, 6))
        .add("legalBasis", "CIFTA Art. XIII")
        .add("illicitReason", "recovered at a crime scene")
        .add("intendedUse", "criminal investigation")
        .add("urgency", "ROUTINE")
        .add("recoveredOn", "2026-11-20")
        .add("recoveryPlace", "Cali")
        .add("weaponType", "PISTOL")
        .add("weaponMake", "GLOCK")
        .add("serialAsRead", "T12?45")
        .build();
  }

  /** A completed destruction order's certificate number, made through the API. */
  private String certificate() throws Exception {
    String armourer = api.as(Role.ARMOURER);
    String supervisorA = api.newUser(Role.SUPERVISOR).token();
    String supervisorB = api.newUser(Role.SUPERVISOR).token();
    long vault = api.location("VAULT", null);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      long id = api.register(aFirearm().build()).getInt("id");
      ids.add(id);
      assertThat(api.custody(armourer, id, "RECEIVE", vault).status()).isEqualTo(201);
      assertThat(api.custody(armourer, id, "DECLARE_SURPLUS", null).status()).isEqualTo(201);
    }
    Reply order =
        api.post("/api/destruction-orders", supervisorA, Api.destructionOrder(ids, "CUTTING"));
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    String base = "/api/destruction-orders/" + order.json().getJsonNumber("id").longValue();
    assertThat(
            api.post(base + "/approve", supervisorB, Json.createObjectBuilder().build()).status())
        .isEqualTo(200);
    for (long id : ids) {
      assertThat(
              api.post(
                      base + "/scans",
                      armourer,
                      Json.createObjectBuilder().add("firearmId", id).build())
                  .status())
          .isEqualTo(201);
    }
    for (String stage : List.of("BEFORE", "AFTER")) {
      assertThat(
              api.postBytes(base + "/photos?stage=" + stage, armourer, "image/png", Symbols.png())
                  .status())
          .isEqualTo(201);
    }
    var witnesses = Json.createArrayBuilder();
    for (int i = 0; i < 2; i++) {
      witnesses.add(
          Json.createObjectBuilder()
              .add("name", "Witness " + i)
              .add("organisation", i == 0 ? "National Police" : "OAS observer mission")
              .add("role", "Observer")
              .add("independent", i == 1));
    }
    Reply done =
        api.post(
            base + "/complete",
            supervisorB,
            Json.createObjectBuilder()
                .add("method", "CUTTING")
                .add("executedAt", "2026-11-29T05:00:00Z")
                .add("operator", "Carlos Ruiz")
                .add("witnesses", witnesses)
                .build());
    assertThat(done.status()).as(done.toString()).isIn(200, 201);
    return api.get(base, supervisorB).json().getString("certificate");
  }

  private static int indexOf(byte[] data, String text) {
    byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return data.length / 2;
  }
}
