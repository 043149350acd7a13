package org.traza.trace.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

/** Matching recovered weapons: misread, obliterated and near-duplicate serials, on record. */
class TraceQueryIT extends AgainstServer {

  @Test
  void a_misread_partly_obliterated_serial_finds_its_pistol_first_and_the_query_is_on_record() {
    long pistol = register("GLOCK", "88012-74");
    long otherMake = register("TAURUS", "88012-74");
    long neighbour = register("GLOCK", "88012-75");
    String investigator = api.as(Role.INVESTIGATOR);

    JsonObject answer = query(investigator, "CASE-2026-0417", "B8O12?4", "GLOCK");
    List<JsonObject> candidates = candidates(answer);
    assertThat(candidates.get(0).getJsonObject("firearm").getInt("id")).isEqualTo((int) pistol);
    assertThat(candidates.get(0).getJsonArray("reasons").toString())
        .contains("1 unreadable position")
        .contains("B→8")
        .contains("O→0")
        .contains("same make GLOCK");
    assertThat(ids(candidates)).contains(otherMake, neighbour);
    assertThat(score(candidates, pistol)).isGreaterThan(score(candidates, otherMake));
    assertThat(score(candidates, pistol)).isGreaterThan(score(candidates, neighbour));
    assertThat(answer.getString("comparedAs")).isEqualTo("88012?4");
    assertThat(answer.getJsonArray("strategies").toString()).contains("readable prefix 88012");

    assertThat(api.audit("action=trace-query.run&targetId=CASE-2026-0417"))
        .singleElement()
        .satisfies(
            e -> assertThat(e.getString("detail")).contains("B8O12?4").contains("#" + pistol));
  }

  @Test
  void exact_before_confusable_before_similar_and_obliterated_prefix_or_suffix() {
    long exact = register("COLT", "SBO-1IZG");
    long suffix = register("COLT", "XK449172");
    String investigator = api.as(Role.INVESTIGATOR);

    List<JsonObject> asMarked = candidates(query(investigator, "C-1", "SBO 1IZG", null));
    assertThat(asMarked.get(0).getJsonObject("firearm").getInt("id")).isEqualTo((int) exact);
    assertThat(asMarked.get(0).getInt("score")).isEqualTo(100);

    List<JsonObject> confusables = candidates(query(investigator, "C-1", "58011Z6", "COLT"));
    assertThat(confusables.get(0).getJsonObject("firearm").getInt("id")).isEqualTo((int) exact);
    assertThat(confusables.get(0).getInt("score")).isEqualTo(90 + 5 + 2);
    assertThat(confusables.get(0).getJsonArray("reasons").toString())
        .contains("confusable characters");

    JsonObject bySuffix = query(investigator, "C-1", "*449172", null);
    assertThat(ids(candidates(bySuffix))).contains(suffix);
    assertThat(bySuffix.getJsonArray("strategies").toString()).contains("reversed skeleton");
    assertThat(ids(candidates(query(investigator, "C-1", "XK44*", null)))).contains(suffix);
    assertThat(ids(candidates(query(investigator, "C-1", "XK4?9?72", null)))).contains(suffix);

    List<JsonObject> typo = candidates(query(investigator, "C-1", "XK449173", "COLT"));
    assertThat(ids(typo)).contains(suffix);
    assertThat(score(typo, suffix)).isEqualTo(70 - 10 + 5 + 2);
  }

  /**
   * Rows written before V18 get their skeleton from the MariaDB migration V19, in SQL: it must
   * compute exactly what the application computes, or those firearms would not be found.
   */
  @Test
  void the_migration_fills_skeletons_exactly_as_the_application_computes_them() throws Exception {
    List<String> serials =
        List.of("B8O12-74", "0088O1274", "ILSZG/B.O", "AX-12", "000", "OO7", "q.l/s");
    List<Long> ids = new java.util.ArrayList<>();
    for (String serial : serials) {
      ids.add(register("COLT", serial + "-" + ids.size()));
    }
    String sql =
        java.nio.file.Files.readString(
            java.nio.file.Path.of(
                System.getProperty("traza.migrations", "../db-migrations"),
                "mariadb",
                "V19__fill_firearm_serial_skeleton.sql"));
    try (java.sql.Connection c = org.traza.testing.ItDatabase.adminConnection();
        java.sql.Statement s = c.createStatement()) {
      String in =
          ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
      s.executeUpdate(
          "UPDATE firearm SET serial_skeleton = NULL, serial_skeleton_reversed = NULL WHERE id IN ("
              + in
              + ")");
      for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          s.executeUpdate(statement);
        }
      }
      try (var rs =
          s.executeQuery(
              "SELECT serial_normalized, serial_skeleton, serial_skeleton_reversed FROM firearm"
                  + " WHERE id IN ("
                  + in
                  + ")")) {
        int rows = 0;
        while (rs.next()) {
          rows++;
          String expected = org.traza.scanner.payload.SerialNumbers.skeleton(rs.getString(1));
          assertThat(rs.getString(2)).as(rs.getString(1)).isEqualTo(expected);
          assertThat(rs.getString(3)).isEqualTo(new StringBuilder(expected).reverse().toString());
        }
        assertThat(rows).isEqualTo(serials.size());
      }
    }
  }

  @Test
  void a_query_needs_a_case_a_readable_serial_and_the_role() {
    String investigator = api.as(Role.INVESTIGATOR);
    Reply noCase =
        api.post(
            "/api/trace-queries",
            investigator,
            Json.createObjectBuilder().add("serial", "A1").build());
    assertThat(noCase.status()).isEqualTo(400);
    assertThat(noCase.body()).contains("caseReference");
    for (String bad : List.of("??*", "AB#12", "")) {
      Reply r =
          api.post(
              "/api/trace-queries",
              investigator,
              Json.createObjectBuilder().add("caseReference", "C").add("serial", bad).build());
      assertThat(r.status()).as(bad + " " + r).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    assertThat(
            api.post(
                    "/api/trace-queries",
                    api.as(Role.ARMOURER),
                    Json.createObjectBuilder()
                        .add("caseReference", "C")
                        .add("serial", "A1")
                        .build())
                .status())
        .isEqualTo(403);
  }

  private long register(String make, String serial) {
    return api.register(aFirearm().withMake(make).withSerial(serial).build()).getInt("id");
  }

  private JsonObject query(String token, String caseRef, String serial, String make) {
    var b = Json.createObjectBuilder().add("caseReference", caseRef).add("serial", serial);
    if (make != null) {
      b.add("make", make).add("type", "PISTOL");
    }
    Reply r = api.post("/api/trace-queries", token, b.build());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private static List<JsonObject> candidates(JsonObject answer) {
    return answer.getJsonArray("candidates").stream().map(v -> v.asJsonObject()).toList();
  }

  private static List<Long> ids(List<JsonObject> candidates) {
    return candidates.stream().map(c -> (long) c.getJsonObject("firearm").getInt("id")).toList();
  }

  private static int score(List<JsonObject> candidates, long id) {
    return candidates.stream()
        .filter(c -> c.getJsonObject("firearm").getInt("id") == id)
        .findFirst()
        .orElseThrow()
        .getInt("score");
  }
}
