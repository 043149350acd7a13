package org.traza.destruction.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;
import org.traza.testing.ItDatabase;
import org.traza.testing.Symbols;

/**
 * The walk-through: five surplus weapons, an order approved by a second person, executed
 * with two witnesses and photos, a signed certificate downloaded and verified, then tampered with
 * three ways, each caught with its reason; DESTROYED is terminal and a later sighting is an alert.
 */
class DestructionIT extends AgainstServer {

  @Test
  void five_surplus_weapons_destroyed_certified_verified_and_tampering_caught() throws Exception {
    String armourer = api.as(Role.ARMOURER);
    String auditor = api.as(Role.AUDITOR);
    var creator = api.newUser(Role.SUPERVISOR);
    String supervisorA = creator.token();
    String supervisorB = api.newUser(Role.SUPERVISOR).token();
    long vault = api.location("VAULT", null);

    List<Long> weapons = new ArrayList<>();
    List<String> serials = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      JsonObject f = api.register(aFirearm().build());
      long id = f.getInt("id");
      weapons.add(id);
      serials.add(f.getString("serialNumber"));
      assertThat(event(armourer, id, "RECEIVE", b -> b.add("locationId", vault)).status())
          .isEqualTo(201);
      assertThat(event(armourer, id, "DECLARE_SURPLUS", b -> b).status()).isEqualTo(201);
    }
    long inStock = api.register(aFirearm().build()).getInt("id");
    assertThat(event(armourer, inStock, "RECEIVE", b -> b.add("locationId", vault)).status())
        .isEqualTo(201);

    // only SURPLUS firearms go on an order
    List<Long> withStock = new ArrayList<>(weapons);
    withStock.add(inStock);
    Reply refused =
        api.post(
            "/api/destruction-orders", supervisorA, Api.destructionOrder(withStock, "CUTTING"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.body()).contains(inStock + " (IN_STOCK)");
    assertThat(
            api.post(
                    "/api/destruction-orders",
                    supervisorA,
                    Api.destructionOrder(weapons, "BURNING"))
                .status())
        .as("burning is refused")
        .isEqualTo(400);

    Reply created =
        api.post("/api/destruction-orders", supervisorA, Api.destructionOrder(weapons, "CUTTING"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long orderId = created.json().getJsonNumber("id").longValue();
    String orderNumber = created.json().getString("number");
    assertThat(orderNumber).matches("DO-\\d{4}-\\d{6}");
    String base = "/api/destruction-orders/" + orderId;

    // four eyes
    Reply self = api.post(base + "/approve", supervisorA, Json.createObjectBuilder().build());
    assertThat(self.status()).as(self.toString()).isEqualTo(409);
    assertThat(alerts(auditor, "SELF_APPROVAL_ATTEMPTED"))
        .anyMatch(a -> a.getJsonNumber("orderId").longValue() == orderId);
    Reply approved = api.post(base + "/approve", supervisorB, Json.createObjectBuilder().build());
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().getString("status")).isEqualTo("APPROVED");
    for (long id : weapons) {
      assertThat(status(id)).isEqualTo("DESTRUCTION_PENDING");
    }
    assertThat(event(armourer, weapons.get(0), "MOVE", b -> b.add("locationId", vault)).status())
        .as("locked from every other movement")
        .isEqualTo(409);
    assertThat(event(armourer, weapons.get(0), "DESTROY", b -> b).status())
        .as("destruction is never sent as a custody event")
        .isEqualTo(400);

    // at the site
    String marking =
        api.get("/api/firearms/" + weapons.get(0) + "/marking", armourer)
            .header("X-Marking-Payload");
    assertThat(scan(armourer, base, Json.createObjectBuilder().add("scannedText", marking)))
        .isEqualTo("ON_ORDER");
    assertThat(scan(armourer, base, Json.createObjectBuilder().add("firearmId", weapons.get(0))))
        .isEqualTo("DUPLICATE");
    assertThat(scan(armourer, base, Json.createObjectBuilder().add("firearmId", inStock)))
        .isEqualTo("NOT_ON_ORDER");
    assertThat(
            scan(armourer, base, Json.createObjectBuilder().add("scannedText", "NO SUCH MARK 42")))
        .isEqualTo("UNKNOWN");
    assertThat(scan(armourer, base, Json.createObjectBuilder().add("firearmId", 987654321L)))
        .as("a registry number that names no firearm")
        .isEqualTo("UNKNOWN");
    assertThat(alerts(auditor, "SITE_SCAN_MISMATCH"))
        .filteredOn(a -> a.getJsonNumber("orderId").longValue() == orderId)
        .hasSize(3);
    for (long id : weapons.subList(1, 4)) {
      assertThat(scan(armourer, base, Json.createObjectBuilder().add("firearmId", id)))
          .isEqualTo("ON_ORDER");
    }

    JsonObject execution = execution("CUTTING", 2);
    assertThat(api.post(base + "/complete", supervisorB, execution).status())
        .as("no photos yet")
        .isEqualTo(400);
    for (String stage : List.of("BEFORE", "AFTER")) {
      Reply photo =
          api.postBytes(base + "/photos?stage=" + stage, armourer, "image/png", Symbols.png());
      assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
      assertThat(photo.json().getString("sha256")).hasSize(64);
    }
    assertThat(api.post(base + "/complete", supervisorB, execution("CUTTING", 1)).status())
        .as("one witness is not enough")
        .isEqualTo(400);
    Reply missing = api.post(base + "/complete", supervisorB, execution);
    assertThat(missing.status()).as(missing.toString()).isEqualTo(409);
    assertThat(missing.json().getJsonArray("missing").getJsonNumber(0).longValue())
        .isEqualTo(weapons.get(4));
    assertThat(scan(armourer, base, Json.createObjectBuilder().add("firearmId", weapons.get(4))))
        .isEqualTo("ON_ORDER");
    assertThat(api.post(base + "/complete", supervisorB, execution("BURIAL", 2)).status())
        .isEqualTo(400);

    Reply completed = api.post(base + "/complete", supervisorB, execution);
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    assertThat(completed.json().getString("status")).isEqualTo("COMPLETED");
    String number = completed.json().getString("certificate");
    assertThat(number).matches("DC-\\d{4}-\\d{6}");
    for (long id : weapons) {
      assertThat(status(id)).isEqualTo("DESTROYED");
    }

    // DESTROYED is terminal, and a later sighting is an alert
    assertThat(event(armourer, weapons.get(2), "MOVE", b -> b.add("locationId", vault)).status())
        .isEqualTo(409);
    String destroyedMark =
        api.get("/api/firearms/" + weapons.get(3) + "/marking", armourer)
            .header("X-Marking-Payload");
    assertThat(
            api.post(
                    "/api/scans/resolve",
                    armourer,
                    Json.createObjectBuilder().add("text", destroyedMark).build())
                .status())
        .isEqualTo(200);
    List<JsonObject> sightings = alerts(auditor, "DESTROYED_FIREARM_SIGHTED");
    assertThat(sightings).anyMatch(a -> a.getJsonNumber("firearmId").longValue() == weapons.get(2));
    assertThat(sightings).anyMatch(a -> a.getJsonNumber("firearmId").longValue() == weapons.get(3));

    // the certificate, read back
    var download = api.getBytes("/api/destruction-certificates/" + number + "/pdf", auditor);
    assertThat(download.statusCode()).isEqualTo(200);
    byte[] pdf = download.body();
    keepForReviewers(pdf);
    String manifest;
    String signature;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains(number).contains(orderNumber).contains("CUTTING");
      assertThat(text).contains("Totals by type").contains("PISTOL");
      serials.forEach(serial -> assertThat(text).contains(serial));
      ByteArrayOutputStream page = new ByteArrayOutputStream();
      ImageIO.write(
          new org.apache.pdfbox.rendering.PDFRenderer(doc)
              .renderImageWithDPI(0, 150, org.apache.pdfbox.rendering.ImageType.GRAY),
          "png",
          page);
      assertThat(
              org.traza.testing.Symbols.decodePage(
                  page.toByteArray(), com.google.zxing.BarcodeFormat.QR_CODE))
          .as("the QR code carries the verification URL and the manifest's hash")
          .contains("/api/destruction-certificates/" + number + "/verify?sha256=");
      var files = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
      manifest = attachment(files.get("manifest.json"));
      signature = attachment(files.get("manifest.sig")).trim();
    }
    JsonObject m = Json.createReader(new StringReader(manifest)).readObject();
    assertThat(m.getString("certificate")).isEqualTo(number);
    assertThat(m.getJsonArray("firearms")).hasSize(5);
    assertThat(m.getJsonArray("witnesses")).hasSize(2);

    // a third party verifies offline with the published key alone
    Reply key = api.get("/api/destruction-certificates/public-key", null);
    assertThat(key.status()).isEqualTo(200);
    Signature ed = Signature.getInstance("Ed25519");
    ed.initVerify(
        KeyFactory.getInstance("Ed25519")
            .generatePublic(
                new X509EncodedKeySpec(
                    Base64.getMimeDecoder()
                        .decode(key.body().replaceAll("-----[A-Z ]+-----", "")))));
    ed.update(manifest.getBytes(StandardCharsets.UTF_8));
    assertThat(ed.verify(Base64.getDecoder().decode(signature))).isTrue();

    assertValid(api.get("/api/destruction-certificates/" + number + "/verify", auditor));
    assertValid(
        api.postBytes("/api/destruction-certificates/verify", auditor, "application/pdf", pdf));

    // a changed byte in the PDF
    byte[] flipped = pdf.clone();
    flipped[flipped.length / 2] ^= 0x01;
    assertInvalid(
        api.postBytes("/api/destruction-certificates/verify", auditor, "application/pdf", flipped),
        "differs from the one issued",
        "not a readable",
        "signature does not match");

    // a swapped serial in the attached manifest
    String swapped = manifest.replace(serials.get(0), serials.get(1));
    assertInvalid(
        api.postBytes(
            "/api/destruction-certificates/verify",
            auditor,
            "application/pdf",
            withManifest(pdf, swapped)),
        "signature does not match");

    // a tampered custody row
    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER trg_custody_event_no_update");
      try {
        s.executeUpdate(
            "UPDATE custody_event SET reason = 'melted elsewhere' WHERE firearm_id = "
                + weapons.get(1)
                + " AND action = 'DESTROY'");
        assertInvalid(
            api.get("/api/destruction-certificates/" + number + "/verify", auditor),
            "custody chain broken");
        s.executeUpdate(
            "UPDATE custody_event SET reason = 'CUTTING at Central depot' WHERE firearm_id = "
                + weapons.get(1)
                + " AND action = 'DESTROY'");
        assertValid(api.get("/api/destruction-certificates/" + number + "/verify", auditor));
      } finally {
        s.execute(
            "CREATE TRIGGER trg_custody_event_no_update BEFORE UPDATE ON custody_event FOR EACH"
                + " ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custody_event is append-only'");
      }
    }

    // for auditors: lists, CSV, the yearly summary
    Reply certificates = api.get("/api/destruction-certificates", auditor);
    assertThat(certificates.array().toString()).contains(number);
    Reply csv = api.get("/api/destruction-orders/export?status=COMPLETED", auditor);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("order,status,").contains(orderNumber);
    JsonObject summary = api.get("/api/destruction-orders/summary", auditor).json();
    assertThat(
            summary
                .getJsonObject("2026")
                .getJsonObject("PISTOL")
                .getJsonNumber("CUTTING")
                .longValue())
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void a_cancelled_order_releases_its_firearms_to_surplus() {
    String armourer = api.as(Role.ARMOURER);
    String a = api.newUser(Role.SUPERVISOR).token();
    String b = api.newUser(Role.SUPERVISOR).token();
    long vault = api.location("VAULT", null);
    long id = api.register(aFirearm().build()).getInt("id");
    event(armourer, id, "RECEIVE", x -> x.add("locationId", vault));
    event(armourer, id, "DECLARE_SURPLUS", x -> x);
    long orderId =
        api.post("/api/destruction-orders", a, Api.destructionOrder(List.of(id), "CRUSHING"))
            .json()
            .getJsonNumber("id")
            .longValue();
    assertThat(
            api.post("/api/destruction-orders", b, Api.destructionOrder(List.of(id), "CRUSHING"))
                .status())
        .as("a firearm is on one open order at a time")
        .isEqualTo(409);
    api.post(
        "/api/destruction-orders/" + orderId + "/approve", b, Json.createObjectBuilder().build());
    assertThat(status(id)).isEqualTo("DESTRUCTION_PENDING");
    Reply cancelled =
        api.post(
            "/api/destruction-orders/" + orderId + "/cancel",
            b,
            Json.createObjectBuilder().add("reason", "court ordered the weapon kept").build());
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(status(id)).isEqualTo("SURPLUS");
    assertThat(
            api.post(
                    "/api/destruction-orders/" + orderId + "/complete", b, execution("CRUSHING", 2))
                .status())
        .isEqualTo(409);
  }

  /**
   * The certificate and its first page as PNG under the build folder, for a reviewer to look at.
   */
  private static void keepForReviewers(byte[] pdf) throws Exception {
    java.nio.file.Path dir =
        java.nio.file.Path.of(System.getProperty("it.workdir", "target"), "..", "examples")
            .normalize();
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(dir.resolve("destruction-certificate.pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      ImageIO.write(
          new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 72),
          "png",
          dir.resolve("destruction-certificate.png").toFile());
    }
  }

  private static void assertValid(Reply r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().getBoolean("valid")).as(r.toString()).isTrue();
  }

  private static void assertInvalid(Reply r, String... anyOf) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().getBoolean("valid")).as(r.toString()).isFalse();
    assertThat(r.json().getString("reason")).as(r.toString()).containsAnyOf(anyOf);
  }

  private static byte[] withManifest(byte[] pdf, String manifest) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
      PDEmbeddedFilesNameTreeNode tree = names.getEmbeddedFiles();
      var files = new java.util.LinkedHashMap<>(tree.getNames());
      PDEmbeddedFile file =
          new PDEmbeddedFile(
              doc, new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)));
      PDComplexFileSpecification spec = new PDComplexFileSpecification();
      spec.setFile("manifest.json");
      spec.setEmbeddedFile(file);
      files.put("manifest.json", spec);
      PDEmbeddedFilesNameTreeNode replaced = new PDEmbeddedFilesNameTreeNode();
      replaced.setNames(files);
      names.setEmbeddedFiles(replaced);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static String attachment(PDComplexFileSpecification spec) throws Exception {
    return new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
  }

  private List<JsonObject> alerts(String token, String kind) {
    Reply r = api.get("/api/destruction-alerts?kind=" + kind, token);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().getJsonArray("alerts").stream().map(v -> v.asJsonObject()).toList();
  }

  private String scan(String token, String base, JsonObjectBuilder body) {
    Reply r = api.post(base + "/scans", token, body.build());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getString("outcome");
  }

  private String status(long id) {
    return api.get("/api/firearms/" + id, api.as(Role.AUDITOR)).json().getString("status");
  }

  private static JsonObject execution(String method, int witnesses) {
    var list = Json.createArrayBuilder();
    for (int i = 0; i < witnesses; i++) {
      list.add(
          Json.createObjectBuilder()
              .add("name", "Witness " + i)
              .add("organisation", i == 0 ? "National Police" : "OAS observer mission")
              .add("role", i == 0 ? "Inspector" : "Observer")
              .add("independent", i == 1));
    }
    return Json.createObjectBuilder()
        .add("method", method)
        .add("executedAt", "2026-11-29T05:00:00Z")
        .add("operator", "Carlos Ruiz")
        .add("witnesses", list)
        .add("notes", "frames and barrels cut through with a band saw")
        .build();
  }

  private Reply event(
      String token, long firearm, String action, UnaryOperator<JsonObjectBuilder> more) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("firearmId", firearm)
            .add("action", action)
            .add("idempotencyKey", UUID.randomUUID().toString());
    return api.post("/api/custody-events", token, more.apply(b).build());
  }
}
