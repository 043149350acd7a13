package org.traza.marking.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

class MarkingVerificationIT extends AgainstServer {

  @Test
  void an_imported_firearm_is_to_be_marked_until_its_import_mark_is_recorded_then_verified()
      throws Exception {
    JsonObject f =
        api.register(
            aFirearm()
                .withSerial("IMP" + System.nanoTime())
                .imported("Armas SA", "AR", 2024)
                .build());
    int id = f.getInt("id");
    assertThat(toBeMarked()).contains(id);

    String payload =
        api.get("/api/firearms/" + id + "/marking", api.admin()).header("X-Marking-Payload");
    Reply mark =
        api.post(
            "/api/firearms/" + id + "/markings",
            api.as(Role.ARMOURER),
            Json.createObjectBuilder()
                .add("kind", "IMPORT")
                .add("text", payload)
                .add("location", "FRAME_RECEIVER")
                .add("method", "DOT_PEEN")
                .add("appliedBy", "Armourer 7")
                .build());
    assertThat(mark.status()).as(mark.toString()).isEqualTo(201);
    int markingId = mark.json().getInt("id");
    assertThat(toBeMarked()).doesNotContain(id);

    // a photo of the engraved mark (here: the rendered symbol) verifies it
    byte[] photo = png("/api/firearms/" + id + "/marking?moduleSize=5");
    String base = "/api/firearms/" + id + "/markings/" + markingId + "/verifications";
    Reply byPhoto = api.postBytes(base, api.as(Role.ARMOURER), "image/png", photo);
    assertThat(byPhoto.status()).as(byPhoto.toString()).isEqualTo(201);
    assertThat(byPhoto.json().getString("source")).isEqualTo("PHOTO");
    assertThat(byPhoto.json().getString("photoSha256")).hasSize(64);
    assertThat(byPhoto.json().getString("scannedText")).isEqualTo(payload);

    Reply byScanner =
        api.post(
            base,
            api.as(Role.SUPERVISOR),
            Json.createObjectBuilder()
                .add("text", payload)
                .add("symbology", "DATA_MATRIX")
                .build());
    assertThat(byScanner.status()).as(byScanner.toString()).isEqualTo(201);

    Reply list = api.get(base, api.as(Role.AUDITOR));
    assertThat(list.array()).hasSize(2);
    assertThat(api.audit("action=marking.verified")).isNotEmpty();
  }

  @Test
  void a_scan_of_another_firearm_or_a_corrupted_code_does_not_verify() throws Exception {
    int id = api.register(aFirearm().withSerial("VA" + System.nanoTime()).build()).getInt("id");
    int other = api.register(aFirearm().withSerial("VB" + System.nanoTime()).build()).getInt("id");
    String payload =
        api.get("/api/firearms/" + id + "/marking", api.admin()).header("X-Marking-Payload");
    int markingId =
        api.post(
                "/api/firearms/" + id + "/markings",
                api.as(Role.ARMOURER),
                Json.createObjectBuilder()
                    .add("kind", "RE_MARKING")
                    .add("text", payload)
                    .add("location", "SLIDE")
                    .add("method", "LASER")
                    .build())
            .json()
            .getInt("id");
    String base = "/api/firearms/" + id + "/markings/" + markingId + "/verifications";
    String otherPayload =
        api.get("/api/firearms/" + other + "/marking", api.admin()).header("X-Marking-Payload");

    for (String scanned : List.of(otherPayload, payload.substring(0, payload.length() - 1) + "#")) {
      Reply r =
          api.post(
              base, api.as(Role.ARMOURER), Json.createObjectBuilder().add("text", scanned).build());
      assertThat(r.status()).as(r.toString()).isEqualTo(409);
      assertThat(r.json().getString("type")).endsWith("/problems/marking-mismatch");
    }
    Reply wrongPhoto =
        api.postBytes(
            base,
            api.as(Role.ARMOURER),
            "image/png",
            png("/api/firearms/" + other + "/marking?moduleSize=5"));
    assertThat(wrongPhoto.status()).as(wrongPhoto.toString()).isEqualTo(409);
    assertThat(api.get(base, api.as(Role.AUDITOR)).array()).isEmpty();
    assertThat(
            api.get(
                    "/api/firearms/" + other + "/markings/" + markingId + "/verifications",
                    api.as(Role.AUDITOR))
                .status())
        .isEqualTo(404);
  }

  /** Every page of the list (other tests register imported firearms too). */
  private List<Integer> toBeMarked() {
    List<Integer> ids = new java.util.ArrayList<>();
    String cursor = "";
    do {
      Reply r =
          api.get("/api/firearms/to-be-marked?limit=200&cursor=" + cursor, api.as(Role.ARMOURER));
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      r.json().getJsonArray("items").forEach(i -> ids.add(i.asJsonObject().getInt("id")));
      cursor =
          r.json().containsKey("nextCursor") && !r.json().isNull("nextCursor")
              ? r.json().getString("nextCursor")
              : null;
    } while (cursor != null);
    return ids;
  }

  private byte[] png(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(api.base().resolve(path.substring(1)))
            .header("Authorization", "Bearer " + api.admin())
            .build();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request, HttpResponse.BodyHandlers.ofByteArray())
        .body();
  }
}
