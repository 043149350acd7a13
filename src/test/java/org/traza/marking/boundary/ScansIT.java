package org.traza.marking.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.junit.jupiter.api.Test;
import org.traza.scanner.payload.TrazaMarking;
import org.traza.scanner.payload.UniqueItemIdentifier;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

class ScansIT extends AgainstServer {

  @Test
  void a_phone_photo_of_a_marking_lands_on_its_firearm() throws Exception {
    JsonObject f = api.register(aFirearm().withSerial("PH-" + System.nanoTime()).build());
    BufferedImage symbol = symbol(f.getInt("id"), "DATAMATRIX");

    byte[] photo = jpeg(scene(1280, 960, new BufferedImage[] {symbol}, 0.35, 23));
    Reply r = api.postBytes("/api/scans/decode", api.as(Role.ARMOURER), "image/jpeg", photo);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject result = r.json();
    assertThat(result.getInt("imageWidth")).isEqualTo(1280);
    assertThat(result.getJsonArray("symbols")).hasSize(1);
    JsonObject s = result.getJsonArray("symbols").getJsonObject(0);
    assertThat(s.getString("symbology")).isEqualTo("DATA_MATRIX");
    assertThat(s.getString("text")).startsWith("TZ1 ");
    JsonObject resolution = s.getJsonObject("resolution");
    assertThat(resolution.getString("format")).isEqualTo("TRAZA_MARKING");
    assertThat(resolution.getString("outcome")).isEqualTo("MATCHED");
    assertThat(resolution.getJsonObject("firearm").getInt("id")).isEqualTo(f.getInt("id"));
    assertThat(resolution.getJsonObject("firearm").getString("href"))
        .isEqualTo("/api/firearms/" + f.getInt("id"));
    assertThat(s.getJsonArray("corners"))
        .allSatisfy(
            p -> {
              double x = p.asJsonObject().getJsonNumber("x").doubleValue();
              assertThat(x).isBetween(0.0, 1280.0);
            });
  }

  @Test
  void every_symbol_of_a_photographed_label_sheet_is_resolved() throws Exception {
    JsonObject a = api.register(aFirearm().withSerial("SHA-" + System.nanoTime()).build());
    JsonObject b = api.register(aFirearm().withSerial("SHB-" + System.nanoTime()).build());
    BufferedImage[] symbols = {symbol(a.getInt("id"), "QR"), symbol(b.getInt("id"), "QR")};

    byte[] photo = png(scene(1400, 700, symbols, 0.0, 5));
    Reply r = api.postBytes("/api/scans/decode", api.as(Role.INVESTIGATOR), "image/png", photo);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(
            r.json().getJsonArray("symbols").stream()
                .map(
                    s ->
                        s.asJsonObject()
                            .getJsonObject("resolution")
                            .getJsonObject("firearm")
                            .getInt("id"))
                .toList())
        .containsExactlyInAnyOrder(a.getInt("id"), b.getInt("id"));
  }

  @Test
  void a_photo_without_symbols_finds_none_and_webp_is_read() {
    // the 1 x 1 lossless WebP that browsers use to test WebP support
    byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    Reply r = api.postBytes("/api/scans/decode", api.as(Role.AUDITOR), "image/webp", webp);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().getInt("imageWidth")).isEqualTo(1);
    assertThat(r.json().getJsonArray("symbols")).isEmpty();
  }

  @Test
  void scanner_text_resolves_each_payload_format() {
    String serial = "RS" + System.nanoTime();
    JsonObject f = api.register(aFirearm().withSerial(serial).build());
    int id = f.getInt("id");
    String marking = markingText(id);
    String token = api.as(Role.ARMOURER);

    JsonObject tz = resolve(marking, token);
    assertThat(tz.getString("outcome")).isEqualTo("MATCHED");
    assertThat(tz.getJsonObject("fields").getInt("registryId")).isEqualTo(id);

    JsonObject plain = resolve(serial.toLowerCase(), token);
    assertThat(plain.getString("format")).isEqualTo("PLAIN");
    assertThat(plain.getString("outcome")).isEqualTo("MATCHED");
    assertThat(plain.getJsonObject("firearm").getInt("id")).isEqualTo(id);

    String uii = UniqueItemIdentifier.construct2("1ABC5", "G17", serial).encode();
    JsonObject byUii = resolve(uii, token);
    assertThat(byUii.getString("format")).isEqualTo("ISO15434_UII");
    assertThat(byUii.getJsonObject("firearm").getInt("id")).isEqualTo(id);

    assertThat(resolve("NOSUCHSERIAL" + System.nanoTime(), token).getString("outcome"))
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void a_marking_that_disagrees_with_its_record_is_a_mismatch_and_a_bad_check_is_refused() {
    JsonObject f = api.register(aFirearm().withSerial("MM" + System.nanoTime()).build());
    TrazaMarking genuine = TrazaMarking.parse(markingText(f.getInt("id"))).orElseThrow();
    TrazaMarking altered =
        new TrazaMarking(
            genuine.registryId(),
            genuine.makeCode(),
            genuine.countryOfManufacture(),
            genuine.yearOfManufacture(),
            "ALTERED1",
            null,
            null,
            null);
    String token = api.as(Role.INVESTIGATOR);

    JsonObject mismatch = resolve(altered.encode(), token);
    assertThat(mismatch.getString("outcome")).isEqualTo("MISMATCHED");
    assertThat(mismatch.getJsonArray("differences").getString(0)).contains("ALTERED1");

    String text = genuine.encode();
    char check = text.charAt(text.length() - 1);
    String wrongCheck = text.substring(0, text.length() - 1) + (check == '0' ? '1' : '0');
    JsonObject refused = resolve(wrongCheck, token);
    assertThat(refused.getString("outcome")).isEqualTo("UNRECOGNISED");
    assertThat(refused.get("firearm")).isIn(null, jakarta.json.JsonValue.NULL);
  }

  @Test
  void bad_uploads_are_problems_not_errors() throws Exception {
    String token = api.as(Role.ARMOURER);
    byte[] good = png(new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB));

    assertProblem(
        api.postBytes("/api/scans/decode", token, "image/png", new byte[0]),
        400,
        "unreadable-image");
    assertProblem(
        api.postBytes("/api/scans/decode", token, "image/png", "hello, not a photo".getBytes()),
        400,
        "unreadable-image");
    assertProblem(
        api.postBytes(
            "/api/scans/decode", token, "image/png", Arrays.copyOf(good, good.length / 2)),
        400,
        "unreadable-image");
    assertProblem(
        api.postBytes(
            "/api/scans/decode",
            token,
            "image/png",
            org.traza.testing.Symbols.pngHeaderOnly(30_000, 30_000)),
        413,
        "image-too-large");
    assertProblem(
        api.postBytes("/api/scans/decode", token, "text/plain", good),
        415,
        "unsupported-media-type");
    // arquillian.xml sets scan.max-bytes to 3,000,000
    assertProblem(
        api.postBytes("/api/scans/decode", token, "image/jpeg", new byte[3_500_000]),
        413,
        "payload-too-large");
    assertThat(api.postBytes("/api/scans/decode", null, "image/png", good).status()).isEqualTo(401);
    assertProblem(
        api.post("/api/scans/resolve", token, Json.createObjectBuilder().add("text", " ").build()),
        400,
        "validation-failed");
    assertProblem(
        api.post(
            "/api/scans/resolve",
            token,
            Json.createObjectBuilder().add("text", "A".repeat(501)).build()),
        400,
        "validation-failed");
  }

  private static void assertProblem(Reply r, int status, String slug) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().getString("type")).endsWith("/problems/" + slug);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  private JsonObject resolve(String text, String token) {
    Reply r =
        api.post("/api/scans/resolve", token, Json.createObjectBuilder().add("text", text).build());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private String markingText(int id) {
    return api.get("/api/firearms/" + id + "/marking", api.admin()).header("X-Marking-Payload");
  }

  private BufferedImage symbol(int id, String symbology) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                api.base()
                    .resolve("api/firearms/" + id + "/marking?moduleSize=6&symbology=" + symbology))
            .header("Authorization", "Bearer " + api.admin())
            .build();
    byte[] png =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofByteArray())
            .body();
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  /**
   * A phone-like photo: a mottled grey background, the symbols turned by {@code radians}, printed
   * grey on off-white with soft edges, and sensor noise.
   */
  private static BufferedImage scene(
      int width, int height, BufferedImage[] symbols, double radians, long seed) {
    BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = photo.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(120, 115, 105));
    g.fillRect(0, 0, width, height);
    int slot = width / symbols.length;
    for (int i = 0; i < symbols.length; i++) {
      BufferedImage s = symbols[i];
      int cx = slot * i + slot / 2;
      int cy = height / 2;
      Graphics2D t = (Graphics2D) g.create();
      t.rotate(radians, cx, cy);
      t.setColor(new Color(225, 222, 215));
      t.fillRect(
          cx - s.getWidth() / 2 - 20,
          cy - s.getHeight() / 2 - 20,
          s.getWidth() + 40,
          s.getHeight() + 40);
      t.drawImage(s, cx - s.getWidth() / 2, cy - s.getHeight() / 2, null);
      t.dispose();
    }
    g.dispose();
    Random random = new Random(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = photo.getRGB(x, y);
        int v = (((rgb >> 16) & 0xFF) * 3 + ((rgb >> 8) & 0xFF) * 6 + (rgb & 0xFF)) / 10;
        v = Math.max(0, Math.min(255, 40 + v * 7 / 10 + (int) (random.nextGaussian() * 8)));
        photo.setRGB(x, y, (v << 16) | (v << 8) | v);
      }
    }
    return photo;
  }

  private static byte[] jpeg(BufferedImage image) throws Exception {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.7f);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(null, new IIOImage(image, null, null), param);
    }
    writer.dispose();
    return out.toByteArray();
  }

  private static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
