package org.traza.registry.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;
import static org.traza.testing.FirearmBuilder.uniqueSerial;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

class FirearmsIT extends AgainstServer {

  @Test
  void registers_a_firearm_with_its_markings_and_reads_it_back() {
    String serial = uniqueSerial();
    String asMarked =
        serial.substring(0, 4)
            + "-"
            + serial.substring(4, 8)
            + " "
            + serial.substring(8).toLowerCase();
    Reply created =
        api.post(
            "/api/firearms",
            api.as(Role.ARMOURER),
            aFirearm()
                .withSerial(asMarked)
                .imported("Armas del Sur SA", "AR", 2021)
                .withMarking("MANUFACTURE", "GLOCK AUSTRIA " + serial, "FRAME_RECEIVER", "STAMP")
                .withMarking("IMPORT", "ADS AR 2021", "SLIDE", "LASER")
                .build());

    assertThat(created.status()).isEqualTo(201);
    JsonObject f = created.json();
    assertThat(created.header("Location")).endsWith("/api/firearms/" + f.getInt("id"));
    assertThat(created.header("ETag")).isEqualTo("\"" + f.getInt("version") + "\"");
    assertThat(f.getString("serialNumber")).isEqualTo(asMarked);
    assertThat(f.getString("serialNormalized")).isEqualTo(serial);
    assertThat(f.getString("manufactureCountry"))
        .as("defaults to the make's country")
        .isEqualTo("AT");
    assertThat(f.getString("status")).isEqualTo("REGISTERED");
    assertThat(f.getJsonObject("make").getString("code")).isEqualTo("GLOCK");
    assertThat(f.getJsonObject("imported").getString("importerName")).isEqualTo("Armas del Sur SA");
    assertThat(f.getJsonArray("markings")).hasSize(2);
    assertThat(f.getJsonArray("markings"))
        .extracting(m -> m.asJsonObject().getString("kind"))
        .containsExactlyInAnyOrder("MANUFACTURE", "IMPORT");

    Reply read = api.get("/api/firearms/" + f.getInt("id"), api.as(Role.INVESTIGATOR));
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getString("serialNormalized")).isEqualTo(serial);
    assertThat(read.json().getJsonArray("markings"))
        .extracting(m -> m.asJsonObject().getString("text"))
        .containsExactlyInAnyOrder("GLOCK AUSTRIA " + serial, "ADS AR 2021");
  }

  @Test
  void rejects_a_second_record_for_the_same_make_and_normalised_serial() {
    String serial = uniqueSerial();
    JsonObject first = api.register(aFirearm().withSerial(serial).build());

    Reply duplicate =
        api.post(
            "/api/firearms",
            api.admin(),
            aFirearm()
                .withSerial(serial.substring(0, 3) + " - " + serial.substring(3).toLowerCase())
                .build());

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.contentType()).startsWith("application/problem+json");
    assertThat(duplicate.json().getString("type")).isEqualTo("/problems/duplicate-firearm");
    assertThat(duplicate.json().getString("existing"))
        .isEqualTo("/api/firearms/" + first.getInt("id"));
    assertThat(
            api.post(
                    "/api/firearms",
                    api.admin(),
                    aFirearm().withSerial(serial).withMake("BERETTA").build())
                .status())
        .as("the same serial from another maker is another firearm")
        .isEqualTo(201);
  }

  @Test
  void an_imported_firearm_needs_its_importer_and_country_of_import() {
    Reply r =
        api.post(
            "/api/firearms",
            api.admin(),
            aFirearm().with("provenance", "IMPORTED").with("manufactureYear", 1700).build());

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().getString("type")).isEqualTo("/problems/validation-failed");
    assertThat(
            r.json().getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("field")))
        .contains("importerName", "importCountry", "manufactureYear");
  }

  @Test
  void rejects_unknown_reference_codes_naming_the_field() {
    Reply r =
        api.post("/api/firearms", api.admin(), aFirearm().with("calibre", "9MM-BOGUS").build());

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("calibre");
    assertThat(r.json().getJsonArray("violations").getJsonObject(0).getString("message"))
        .contains("9MM-BOGUS", "/api/calibres");
  }

  @Test
  void finds_firearms_by_serial_exactly_or_by_prefix_and_by_description() {
    String stem = uniqueSerial().substring(0, 10);
    JsonObject a =
        api.register(aFirearm().withSerial(stem + "01").with("calibre", "45ACP").build());
    JsonObject b =
        api.register(
            aFirearm().withSerial(stem + "02").with("type", "REVOLVER").withMake("TAURUS").build());
    String token = api.as(Role.INVESTIGATOR);

    assertThat(ids(api.get("/api/firearms?serial=" + stem.toLowerCase() + "-01", token)))
        .containsExactly(a.getInt("id"));
    assertThat(ids(api.get("/api/firearms?serial=" + stem + "*", token)))
        .containsExactly(a.getInt("id"), b.getInt("id"));
    assertThat(ids(api.get("/api/firearms?serial=" + stem + "*&make=taurus&type=REVOLVER", token)))
        .containsExactly(b.getInt("id"));
    assertThat(ids(api.get("/api/firearms?serial=" + stem + "*&calibre=45ACP&model=17*", token)))
        .containsExactly(a.getInt("id"));

    Reply firstPage = api.get("/api/firearms?serial=" + stem + "*&limit=1", token);
    assertThat(ids(firstPage)).containsExactly(a.getInt("id"));
    String cursor = firstPage.json().getString("nextCursor");
    assertThat(ids(api.get("/api/firearms?serial=" + stem + "*&limit=1&cursor=" + cursor, token)))
        .containsExactly(b.getInt("id"));
  }

  @Test
  void corrects_descriptive_fields_with_if_match_and_keeps_the_history() {
    JsonObject f = api.register(aFirearm().build());
    String path = "/api/firearms/" + f.getInt("id");
    String armourer = api.as(Role.ARMOURER);

    Reply corrected =
        api.patch(
            path,
            armourer,
            "\"" + f.getInt("version") + "\"",
            Json.createObjectBuilder()
                .add("model", "19 Gen5")
                .add("calibre", "40SW")
                .add("reason", "model misread on intake form")
                .build());

    assertThat(corrected.status()).isEqualTo(200);
    assertThat(corrected.json().getString("model")).isEqualTo("19 Gen5");
    assertThat(corrected.json().getJsonObject("calibre").getString("code")).isEqualTo("40SW");
    assertThat(corrected.header("ETag")).isEqualTo("\"" + (f.getInt("version") + 1) + "\"");

    JsonObject history = api.get(path + "/history", api.as(Role.AUDITOR)).json();
    JsonObject revision = history.getJsonArray("revisions").getJsonObject(0);
    assertThat(revision.getString("reason")).isEqualTo("model misread on intake form");
    assertThat(revision.getString("by")).isNotBlank();
    assertThat(
            revision.getJsonArray("changes").stream()
                .map(JsonObject.class::cast)
                .map(
                    c ->
                        c.getString("field")
                            + ":"
                            + c.getString("from")
                            + "->"
                            + c.getString("to")))
        .containsExactlyInAnyOrder("model:17 Gen5->19 Gen5", "calibre:9X19->40SW");

    assertThat(api.audit("action=firearm.corrected&targetId=" + f.getInt("id")))
        .singleElement()
        .satisfies(
            e -> assertThat(e.getString("detail")).contains("model", "calibre", "model misread"));
  }

  @Test
  void a_correction_needs_a_reason_the_current_etag_and_a_change() {
    JsonObject f = api.register(aFirearm().build());
    String path = "/api/firearms/" + f.getInt("id");
    String etag = "\"" + f.getInt("version") + "\"";
    String token = api.as(Role.SUPERVISOR);

    Reply noReason =
        api.patch(path, token, etag, Json.createObjectBuilder().add("model", "X").build());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("reason");

    Reply noIfMatch =
        api.patch(
            path,
            token,
            null,
            Json.createObjectBuilder().add("model", "X").add("reason", "r").build());
    assertThat(noIfMatch.status()).isEqualTo(428);

    Reply stale =
        api.patch(
            path,
            token,
            "\"99\"",
            Json.createObjectBuilder().add("model", "X").add("reason", "r").build());
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().getInt("currentVersion")).isEqualTo(f.getInt("version"));

    Reply unknownField =
        api.patch(
            path,
            token,
            etag,
            Json.createObjectBuilder().add("status", "DESTROYED").add("reason", "r").build());
    assertThat(unknownField.status()).isEqualTo(400);

    Reply nothing =
        api.patch(
            path,
            token,
            etag,
            Json.createObjectBuilder()
                .add("model", f.getString("model"))
                .add("reason", "r")
                .build());
    assertThat(nothing.status()).isEqualTo(400);

    assertThat(api.get(path + "/history", token).json().getJsonArray("revisions")).isEmpty();
  }

  @Test
  void only_a_supervisor_corrects_the_serial_or_the_make() {
    JsonObject f = api.register(aFirearm().build());
    String path = "/api/firearms/" + f.getInt("id");
    String etag = "\"" + f.getInt("version") + "\"";
    JsonObject newSerial =
        Json.createObjectBuilder()
            .add("serialNumber", uniqueSerial())
            .add("reason", "digit misread")
            .build();

    Reply byArmourer = api.patch(path, api.as(Role.ARMOURER), etag, newSerial);
    assertThat(byArmourer.status()).isEqualTo(403);
    assertThat(byArmourer.json().getString("detail")).contains("SUPERVISOR");

    Reply bySupervisor = api.patch(path, api.as(Role.SUPERVISOR), etag, newSerial);
    assertThat(bySupervisor.status()).isEqualTo(200);
    assertThat(bySupervisor.json().getString("serialNumber"))
        .isEqualTo(newSerial.getString("serialNumber"));
  }

  @Test
  void a_voided_record_stays_readable_frees_its_serial_and_cannot_change() {
    String serial = uniqueSerial();
    JsonObject f = api.register(aFirearm().withSerial(serial).build());
    String path = "/api/firearms/" + f.getInt("id");

    assertThat(
            api.post(
                    path + "/void",
                    api.as(Role.ARMOURER),
                    Json.createObjectBuilder().add("reason", "x").build())
                .status())
        .isEqualTo(403);
    Reply voided =
        api.post(
            path + "/void",
            api.as(Role.SUPERVISOR),
            Json.createObjectBuilder().add("reason", "entered twice").build());
    assertThat(voided.status()).isEqualTo(200);
    assertThat(voided.json().getBoolean("voided")).isTrue();
    assertThat(voided.json().getJsonObject("voiding").getString("reason"))
        .isEqualTo("entered twice");

    assertThat(api.get(path, api.admin()).json().getBoolean("voided")).isTrue();
    assertThat(ids(api.get("/api/firearms?serial=" + serial, api.admin()))).isEmpty();
    assertThat(ids(api.get("/api/firearms?includeVoided=true&serial=" + serial, api.admin())))
        .containsExactly(f.getInt("id"));
    assertThat(
            api.post("/api/firearms", api.admin(), aFirearm().withSerial(serial).build()).status())
        .isEqualTo(201);

    Reply change =
        api.patch(
            path,
            api.as(Role.SUPERVISOR),
            "\"" + voided.json().getInt("version") + "\"",
            Json.createObjectBuilder().add("model", "X").add("reason", "r").build());
    assertThat(change.status()).isEqualTo(409);
    assertThat(change.json().getString("type")).isEqualTo("/problems/record-voided");
    assertThat(
            api.get(path + "/history", api.admin())
                .json()
                .getJsonArray("revisions")
                .getJsonObject(0)
                .getJsonArray("changes")
                .getJsonObject(0)
                .getString("field"))
        .isEqualTo("voided");
  }

  @Test
  void records_a_new_marking_on_an_existing_firearm() {
    JsonObject f = api.register(aFirearm().build());
    Reply added =
        api.post(
            "/api/firearms/" + f.getInt("id") + "/markings",
            api.as(Role.ARMOURER),
            Json.createObjectBuilder()
                .add("kind", "STATE_OWNERSHIP")
                .add("text", "PNP-AR 000123")
                .add("location", "FRAME_RECEIVER")
                .add("method", "DOT_PEEN")
                .build());

    assertThat(added.status()).isEqualTo(201);
    assertThat(
            api.get("/api/firearms/" + f.getInt("id"), api.admin()).json().getJsonArray("markings"))
        .extracting(m -> m.asJsonObject().getString("kind"))
        .containsExactly("STATE_OWNERSHIP");
  }

  @Test
  void every_read_by_an_investigator_is_on_record() {
    JsonObject f = api.register(aFirearm().build());
    String id = String.valueOf(f.getInt("id"));
    Api.User investigator = api.newUser(Role.INVESTIGATOR);
    String token = investigator.token();

    api.get("/api/firearms/" + id, token);
    api.get("/api/firearms/" + id + "/history", token);
    api.get("/api/firearms/" + id, api.as(Role.ARMOURER));

    List<JsonObject> reads = api.audit("targetId=" + id + "&actor=" + investigator.username());
    assertThat(reads)
        .extracting(e -> e.getString("action"))
        .containsExactlyInAnyOrder("firearm.read", "firearm.history-read");
    assertThat(reads).allSatisfy(e -> assertThat(e.getString("clientAddress")).isNotBlank());
    assertThat(api.audit("action=firearm.read&targetId=" + id)).hasSize(1);
  }

  private static List<Integer> ids(Reply page) {
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return page.json().getJsonArray("items").stream()
        .map(v -> v.asJsonObject().getInt("id"))
        .toList();
  }
}
