package org.traza.trace.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;
import org.traza.testing.Symbols;
import org.traza.trace.control.ExchangeSchema;

/**
 * Trace requests between states: export as a schema-valid exchange document, import elsewhere, send
 * the response back; confidentiality of restricted records; photos; the response as PDF. The test
 * server is Argentina's registry (trace.national-country=AR in arquillian.xml).
 */
class TraceExchangeIT extends AgainstServer {

  @Test
  void a_request_travels_to_another_registry_and_its_response_comes_back() throws Exception {
    long pistol =
        api.register(aFirearm().withMake("BERETTA").withSerial("88012-74").build()).getInt("id");
    String investigator = api.as(Role.INVESTIGATOR);
    receive(pistol);

    long id =
        file(investigator, body("CASE-EX-1", "CO", "B8O12?4").add("weaponMake", "BERETTA").build());
    String base = "/api/trace-requests/" + id;
    Reply photo = api.postBytes(base + "/photos", investigator, "image/png", Symbols.png());
    assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
    assertThat(api.postBytes(base + "/photos", investigator, "image/png", new byte[40]).status())
        .as("not an image")
        .isEqualTo(400);
    JsonObject candidates = api.get(base + "/candidates", investigator).json();
    assertThat(
            candidates
                .getJsonArray("candidates")
                .getJsonObject(0)
                .getJsonObject("firearm")
                .getInt("id"))
        .as("B8O12?4 with B and O misread and one character unreadable finds 88012-74 first")
        .isEqualTo((int) pistol);

    Reply exported = api.get(base + "/export", investigator);
    assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
    assertThat(exported.header("Content-Disposition")).contains(".json");
    String document = exported.body();
    assertThat(ExchangeSchema.violations(ExchangeSchema.parse(document))).isEmpty();
    JsonObject doc = json(document);
    assertThat(doc.getJsonObject("sender").getString("country")).isEqualTo("AR");
    JsonObject request = doc.getJsonObject("request");
    assertThat(request.getString("serialAsRead")).isEqualTo("B8O12?4");
    assertThat(request.getJsonArray("photos")).hasSize(1);
    assertThat(doc.containsKey("response")).as("not answered yet").isFalse();

    // The same document, as Colombia's registry would send it to this one.
    String fromColombia = document.replace("\"country\":\"AR\"", "\"country\":\"CO\"");
    Reply imported =
        api.send(
            "POST", "/api/trace-requests/import", investigator, "application/json", fromColombia);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    JsonObject copy = imported.json();
    long copyId = copy.getJsonNumber("id").longValue();
    assertThat(copy.getString("status")).isEqualTo("RECEIVED");
    assertThat(copy.getString("senderCountry")).isEqualTo("CO");
    assertThat(copy.getString("senderReference")).isEqualTo(request.getString("reference"));
    assertThat(copy.getJsonObject("request").getString("serialAsRead")).isEqualTo("B8O12?4");
    assertThat(api.get("/api/trace-requests/" + copyId + "/photos", investigator).array())
        .hasSize(1);
    Reply again =
        api.send(
            "POST", "/api/trace-requests/import", investigator, "application/json", fromColombia);
    assertThat(again.status()).as("one import per sender reference").isEqualTo(409);
    assertThat(again.json().getJsonNumber("requestId").longValue()).isEqualTo(copyId);

    // The receiving registry answers its copy and sends the response back.
    String copyBase = "/api/trace-requests/" + copyId;
    api.post(copyBase + "/acknowledge", investigator, empty());
    api.post(copyBase + "/start", investigator, empty());
    Reply answered =
        api.post(
            copyBase + "/answer",
            investigator,
            Json.createObjectBuilder()
                .add("outcome", "IDENTIFIED")
                .add("firearmId", pistol)
                .build());
    assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    String answer = api.get(copyBase + "/export", investigator).body();
    assertThat(ExchangeSchema.violations(ExchangeSchema.parse(answer))).isEmpty();
    JsonObject answerDoc = json(answer);
    assertThat(answerDoc.getJsonObject("request").getString("senderReference"))
        .isEqualTo(request.getString("reference"));
    assertThat(answerDoc.getJsonObject("response").getJsonObject("weapon").getString("serial"))
        .isEqualTo("88012-74");
    assertThat(answerDoc.getJsonObject("response").getJsonObject("custody").getJsonArray("events"))
        .hasSize(1);

    Reply back =
        api.send("POST", "/api/trace-requests/import", investigator, "application/json", answer);
    assertThat(back.status()).as(back.toString()).isEqualTo(200);
    assertThat(back.json().getJsonNumber("id").longValue()).isEqualTo(id);
    assertThat(back.json().getString("responseReceivedAt")).isNotBlank();
    JsonObject received = api.get(base + "/received-response", investigator).json();
    assertThat(received.getString("outcome")).isEqualTo("IDENTIFIED");
    assertThat(received.getJsonObject("weapon").getJsonNumber("registryId").longValue())
        .isEqualTo(pistol);

    // An answered request exported by a registry that filed it itself arrives as a new request
    // with the response it carries.
    String answeredElsewhere =
        answer
            .replaceFirst("\"senderReference\":\"[^\"]*\",", "")
            .replace("\"country\":\"AR\"", "\"country\":\"UY\"");
    Reply arrived =
        api.send(
            "POST",
            "/api/trace-requests/import",
            investigator,
            "application/json",
            answeredElsewhere);
    assertThat(arrived.status()).as(arrived.toString()).isEqualTo(201);
    assertThat(arrived.json().getString("senderCountry")).isEqualTo("UY");
    assertThat(arrived.json().getString("responseReceivedAt")).isNotBlank();

    assertThat(api.audit("targetId=CASE-EX-1").stream().map(e -> e.getString("action")).toList())
        .contains(
            "trace-request.filed",
            "trace-request.photo-added",
            "trace-query.run",
            "trace-request.exported",
            "trace-request.imported",
            "trace-request.answered",
            "trace-request.response-received");
  }

  @Test
  void an_import_that_breaks_the_schema_is_refused_with_every_violation_and_files_nothing() {
    String investigator = api.as(Role.INVESTIGATOR);
    int before = api.get("/api/trace-requests", investigator).array().size();
    String broken =
        """
        {"format": "traza-trace-exchange/1", "exportedAt": "yesterday",
         "sender": {"country": "co", "authority": "DIJIN"},
         "request": {"reference": "CO-1", "urgency": "URGENT", "requestingAuthority": "DIJIN",
           "requestingCountry": "Colombia", "contact": "x", "legalBasis": "l",
           "illicitReason": "i", "obliterated": "no", "colour": "black"}}
        """;
    Reply r =
        api.send("POST", "/api/trace-requests/import", investigator, "application/json", broken);
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    String violations = r.json().getJsonArray("violations").toString();
    assertThat(violations)
        .contains("/exportedAt")
        .contains("/sender/country")
        .contains("/request/requestingCountry")
        .contains("/request/obliterated")
        .contains("caseReference")
        .contains("urgencyJustification")
        .contains("colour");

    Reply notJson =
        api.send(
            "POST",
            "/api/trace-requests/import",
            investigator,
            "application/json",
            "{\"format\": ");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().getString("detail")).contains("not valid JSON");

    String tampered =
        valid("CO-2")
            .replace(
                "\"photos\": []",
                "\"photos\": [{\"mediaType\": \"image/png\", \"sha256\": \""
                    + "0".repeat(64)
                    + "\", \"data\": \""
                    + java.util.Base64.getEncoder().encodeToString(Symbols.png())
                    + "\"}]");
    Reply badPhoto =
        api.send("POST", "/api/trace-requests/import", investigator, "application/json", tampered);
    assertThat(badPhoto.status()).as(badPhoto.toString()).isEqualTo(400);
    assertThat(badPhoto.body()).contains("/request/photos/0/sha256");
    assertThat(api.get("/api/trace-requests", investigator).array())
        .as("nothing half-imported")
        .hasSize(before);

    Reply ok =
        api.send(
            "POST", "/api/trace-requests/import", investigator, "application/json", valid("CO-3"));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    Reply schema = api.get("/api/trace-exchange/schema", null);
    assertThat(schema.status()).isEqualTo(200);
    assertThat(schema.body()).contains("traza-trace-exchange/1").contains("2020-12");
  }

  @Test
  void restricted_details_are_withheld_from_a_foreign_requester_until_the_originator_consents()
      throws Exception {
    JsonObject record =
        api.register(
            aFirearm()
                .withMake("TAURUS")
                .withSerial("RS-55127")
                .with("originator", "Policía de la Provincia de Buenos Aires")
                .with("confidentiality", "RESTRICTED")
                .build());
    long pistol = record.getInt("id");
    receive(pistol);
    String supervisor = api.as(Role.SUPERVISOR);
    String investigator = api.as(Role.INVESTIGATOR);

    long foreign = answered(investigator, body("CASE-CONF-1", "UY", "RS55127").build(), pistol);
    JsonObject withheld = response(foreign, investigator);
    assertThat(withheld.getJsonObject("weapon").getString("serial")).isEqualTo("RS-55127");
    assertThat(withheld.getJsonObject("custody").getJsonArray("events")).isEmpty();
    assertThat(withheld.getJsonObject("custody").containsKey("lastKnownLocation")).isFalse();
    JsonObject c = withheld.getJsonObject("confidentiality");
    assertThat(c.getBoolean("foreignRequester")).isTrue();
    assertThat(c.getJsonArray("withheld").toString()).contains("custody.events");
    assertThat(c.getString("confidentiality")).isEqualTo("RESTRICTED");
    assertThat(c.getString("statement"))
        .contains("Article XII")
        .contains("Policía de la Provincia de Buenos Aires")
        .contains("Withheld");

    byte[] pdf = pdf(foreign, investigator);
    try (PDDocument d = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(d);
      assertThat(text).contains("RS-55127").contains("withheld").contains("Article XII");
    }

    Reply confidential =
        api.patch(
            "/api/firearms/" + pistol,
            supervisor,
            api.get("/api/firearms/" + pistol, supervisor).header("ETag"),
            Json.createObjectBuilder()
                .add("confidentiality", "CONFIDENTIAL")
                .add("reason", "witness protection")
                .build());
    assertThat(confidential.status()).as(confidential.toString()).isEqualTo(200);
    JsonObject closer = response(foreign, investigator);
    assertThat(closer.getJsonObject("weapon").getString("serial")).isEqualTo("RS-55127");
    assertThat(closer.getJsonObject("weapon").containsKey("provenance")).isFalse();
    assertThat(closer.getJsonObject("confidentiality").getJsonArray("withheld").toString())
        .contains("weapon.markings")
        .contains("custody.events");

    long domestic = answered(investigator, body("CASE-CONF-2", "AR", "RS55127").build(), pistol);
    JsonObject released = response(domestic, investigator);
    assertThat(released.getJsonObject("custody").getJsonArray("events")).hasSize(1);
    assertThat(released.getJsonObject("confidentiality").getJsonArray("withheld")).isEmpty();

    Reply consent =
        api.post(
            "/api/trace-requests/" + foreign + "/consents",
            supervisor,
            Json.createObjectBuilder()
                .add("originator", "Policía de la Provincia de Buenos Aires")
                .add("documentReference", "NOTA-2026-889")
                .build());
    assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
    JsonObject now = response(foreign, investigator);
    assertThat(now.getJsonObject("custody").getJsonArray("events")).hasSize(1);
    assertThat(now.getJsonObject("custody").getString("lastKnownLocation")).isNotBlank();
    assertThat(now.getJsonObject("confidentiality").getString("statement"))
        .contains("NOTA-2026-889");
    byte[] releasedPdf = pdf(foreign, investigator);
    try (PDDocument d = Loader.loadPDF(releasedPdf)) {
      String text = new PDFTextStripper().getText(d);
      assertThat(text).contains("RECEIVE").contains("NOTA-2026-889").doesNotContain("withheld");
      keepForReviewers(releasedPdf, d);
    }
    assertThat(api.audit("targetId=CASE-CONF-1").stream().map(e -> e.getString("action")).toList())
        .contains("trace-request.consent-recorded");
  }

  private long answered(String token, JsonObject body, long firearm) {
    long id = file(token, body);
    String base = "/api/trace-requests/" + id;
    api.post(base + "/acknowledge", token, empty());
    api.post(base + "/start", token, empty());
    Reply r =
        api.post(
            base + "/answer",
            token,
            Json.createObjectBuilder()
                .add("outcome", "IDENTIFIED")
                .add("firearmId", firearm)
                .build());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return id;
  }

  private JsonObject response(long id, String token) {
    Reply r = api.get("/api/trace-requests/" + id + "/response", token);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private byte[] pdf(long id, String token) {
    var r = api.getBytes("/api/trace-requests/" + id + "/response", token, "application/pdf");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(new String(r.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    return r.body();
  }

  private void receive(long firearm) {
    long vault = api.location("VAULT", null);
    Reply r =
        api.post(
            "/api/custody-events",
            api.as(Role.ARMOURER),
            Json.createObjectBuilder()
                .add("firearmId", firearm)
                .add("action", "RECEIVE")
                .add("locationId", vault)
                .add("idempotencyKey", "ex-receive-" + firearm)
                .build());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private long file(String token, JsonObject body) {
    Reply r = api.post("/api/trace-requests", token, body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getJsonNumber("id").longValue();
  }

  private static String valid(String reference) {
    return """
        {"format": "traza-trace-exchange/1", "exportedAt": "2026-11-29T10:00:00Z",
         "sender": {"country": "CO", "authority": "DIJIN"},
         "request": {"reference": "%s", "urgency": "ROUTINE", "requestingAuthority": "DIJIN",
           "requestingCountry": "CO", "contact": "dijin@example.org", "caseReference": "CASE-EX-2",
           "legalBasis": "CIFTA Art. XIII", "illicitReason": "seized without permit",
           "weaponType": "PISTOL", "serialAsRead": "AB12*", "obliterated": true, "photos": []}}
        """
        .formatted(reference);
  }

  private static JsonObject json(String s) {
    try (var r = Json.createReader(new StringReader(s))) {
      return r.readObject();
    }
  }

  private static JsonObject empty() {
    return Json.createObjectBuilder().build();
  }

  /** The response PDF and its first page as PNG under the build folder, for a reviewer. */
  private static void keepForReviewers(byte[] pdf, PDDocument doc) throws Exception {
    java.nio.file.Path dir =
        java.nio.file.Path.of(System.getProperty("it.workdir", "target"), "..", "examples")
            .normalize();
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(dir.resolve("trace-response.pdf"), pdf);
    ImageIO.write(
        new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 72),
        "png",
        dir.resolve("trace-response.png").toFile());
  }

  private static JsonObjectBuilder body(String caseReference, String country, String serial) {
    return Json.createObjectBuilder()
        .add("requestingAuthority", "Investigaciones")
        .add("requestingCountry", country)
        .add("contact", "armas@example.org")
        .add("caseReference", caseReference)
        .add("legalBasis", "CIFTA Art. XIII; ITI para 14")
        .add("illicitReason", "recovered at a crime scene, no permit")
        .add("intendedUse", "criminal proceedings")
        .add("recoveredOn", "2026-11-20")
        .add("weaponType", "PISTOL")
        .add("serialAsRead", serial)
        .add("obliterated", true)
        .add("originCountry", "AR");
  }
}
