package org.traza.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;
import org.traza.testing.Symbols;

/**
 * Every endpoint that takes an image (destruction photos, trace request photos, scans) passes it
 * through the one validator: format by magic bytes and matching the declared type, pixels from the
 * header, whole to its end. Refusals are problems that say what to send.
 */
class ImageUploadsIT extends AgainstServer {

  @Test
  void a_destruction_order_keeps_only_whole_jpeg_png_or_webp_photos_of_their_declared_type()
      throws Exception {
    String armourer = api.as(Role.ARMOURER);
    String photos = approvedOrderBase() + "/photos?stage=BEFORE";
    refusesBadImages(photos, armourer);

    Reply good = api.postBytes(photos, armourer, "image/png", Symbols.png());
    assertThat(good.status()).as(good.toString()).isEqualTo(201);
    assertThat(good.json().getString("mediaType")).isEqualTo("image/png");
    assertThat(api.get(photos.replace("?stage=BEFORE", ""), armourer).array())
        .as("nothing refused was kept")
        .hasSize(1);
  }

  @Test
  void a_trace_request_keeps_only_whole_jpeg_png_or_webp_photos_of_their_declared_type()
      throws Exception {
    String investigator = api.as(Role.INVESTIGATOR);
    Reply filed = api.post("/api/trace-requests", investigator, traceRequest());
    assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
    String photos =
        "/api/trace-requests/" + filed.json().getJsonNumber("id").longValue() + "/photos";
    refusesBadImages(photos, investigator);

    Reply good = api.postBytes(photos, investigator, "image/jpeg", jpeg(64, 48));
    assertThat(good.status()).as(good.toString()).isEqualTo(201);
    assertThat(good.json().getString("mediaType")).isEqualTo("image/jpeg");
    assertThat(api.get(photos, investigator).array()).hasSize(1);
  }

  @Test
  void scans_refuse_the_same_images_and_take_octet_streams_by_their_bytes() throws Exception {
    String armourer = api.as(Role.ARMOURER);
    refusesBadImages("/api/scans/decode", armourer);
    Reply bytes =
        api.postBytes("/api/scans/decode", armourer, "application/octet-stream", jpeg(64, 48));
    assertThat(bytes.status()).as(bytes.toString()).isEqualTo(200);
    assertProblem(
        api.postBytes("/api/scans/decode", armourer, "application/octet-stream", image("bmp")),
        415,
        "BMP");
  }

  @Test
  void a_415_on_an_image_endpoint_names_the_image_types_it_takes() {
    Reply wrong =
        api.postBytes(
            approvedOrderBase() + "/photos?stage=BEFORE",
            api.as(Role.ARMOURER),
            "application/json",
            "{}".getBytes());
    assertProblem(wrong, 415, "image/jpeg");
    assertThat(wrong.json().getString("detail"))
        .contains("image/png")
        .contains("image/webp")
        .doesNotContain("application/json");
    assertThat(wrong.header("Accept")).contains("image/jpeg").contains("image/png");

    Reply scan =
        api.postBytes("/api/scans/decode", api.as(Role.ARMOURER), "text/plain", "x".getBytes());
    assertProblem(scan, 415, "application/octet-stream");
    assertThat(scan.json().getString("detail")).contains("image/png");

    Reply json = api.send("POST", "/api/firearms", api.as(Role.ARMOURER), "text/plain", "serial");
    assertProblem(json, 415, "application/json");
  }

  /** The uploads every image endpoint must refuse, and how. */
  private void refusesBadImages(String path, String token) throws Exception {
    byte[] jpeg = jpeg(320, 240);
    assertProblem(
        api.postBytes(path, token, "image/jpeg", Arrays.copyOf(jpeg, jpeg.length * 2 / 3)),
        400,
        "truncated");
    assertProblem(
        api.postBytes(path, token, "image/jpeg", Arrays.copyOf(jpeg, jpeg.length - 2)),
        400,
        "end-of-image");
    byte[] png = png(200, 200);
    assertProblem(
        api.postBytes(path, token, "image/png", Arrays.copyOf(png, png.length - 12)), 400, "IEND");
    assertProblem(
        api.postBytes(path, token, "image/png", Symbols.pngHeaderOnly(50_000, 50_000)),
        413,
        "50000 x 50000");
    assertProblem(api.postBytes(path, token, "image/png", image("bmp")), 415, "BMP");
    assertProblem(api.postBytes(path, token, "image/png", image("tiff")), 415, "TIFF");
    assertProblem(api.postBytes(path, token, "image/png", jpeg), 415, "sent as image/png");
    assertProblem(
        api.postBytes(path, token, "image/jpeg", "hello, not a photo".getBytes()),
        400,
        "not a JPEG, PNG or WebP");
  }

  private static void assertProblem(Reply r, int status, String detailPart) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().getString("detail")).as(r.toString()).contains(detailPart);
  }

  /** An order of one surplus firearm, approved by a second supervisor. */
  private String approvedOrderBase() {
    String armourer = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long firearm = api.register(aFirearm().build()).getInt("id");
    for (JsonObject event :
        List.of(
            event(firearm, "RECEIVE").add("locationId", vault).build(),
            event(firearm, "DECLARE_SURPLUS").build())) {
      Reply r = api.post("/api/custody-events", armourer, event);
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    Reply order =
        api.post(
            "/api/destruction-orders",
            api.newUser(Role.SUPERVISOR).token(),
            Api.destructionOrder(List.of(firearm), "CUTTING"));
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    String base = "/api/destruction-orders/" + order.json().getJsonNumber("id").longValue();
    Reply approved =
        api.post(
            base + "/approve",
            api.newUser(Role.SUPERVISOR).token(),
            Json.createObjectBuilder().build());
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    return base;
  }

  private static jakarta.json.JsonObjectBuilder event(long firearm, String action) {
    return Json.createObjectBuilder()
        .add("firearmId", firearm)
        .add("action", action)
        .add("idempotencyKey", UUID.randomUUID().toString());
  }

  private static JsonObject traceRequest() {
    return Json.createObjectBuilder()
        .add("requestingAuthority", "Investigaciones")
        .add("requestingCountry", "CO")
        .add("contact", "armas@example.org")
        .add("caseReference", "CASE-IMG-" + UUID.randomUUID().toString().substring(0, 8))
        .add("legalBasis", "CIFTA Art. XIII")
        .add("illicitReason", "recovered at a crime scene, no permit")
        .add("intendedUse", "criminal proceedings")
        .add("recoveredOn", "2026-11-20")
        .add("weaponType", "PISTOL")
        .add("serialAsRead", "ZX9" + (System.nanoTime() % 100000))
        .add("obliterated", false)
        .add("originCountry", "AR")
        .build();
  }

  private static byte[] jpeg(int width, int height) throws Exception {
    return write(picture(width, height), "jpeg");
  }

  private static byte[] png(int width, int height) throws Exception {
    return write(picture(width, height), "png");
  }

  private static byte[] image(String format) throws Exception {
    return write(picture(40, 30), format);
  }

  private static BufferedImage picture(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, (x * 7 + y * 13) % 256 * 0x010101);
      }
    }
    return image;
  }

  private static byte[] write(BufferedImage image, String format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).as(format).isTrue();
    return out.toByteArray();
  }
}
