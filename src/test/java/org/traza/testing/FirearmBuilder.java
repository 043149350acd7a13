package org.traza.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Test data: {@code aFirearm().withSerial("AB 123").build()} is a valid registration body. */
public final class FirearmBuilder {

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final JsonArrayBuilder markings = Json.createArrayBuilder();
  private boolean hasMarkings;

  private FirearmBuilder() {
    fields.put("type", "PISTOL");
    fields.put("make", "GLOCK");
    fields.put("model", "17 Gen5");
    fields.put("calibre", "9X19");
    fields.put("serialNumber", uniqueSerial());
    fields.put("provenance", "MANUFACTURED_HERE");
    fields.put("manufactureYear", 2019);
  }

  public static FirearmBuilder aFirearm() {
    return new FirearmBuilder();
  }

  /** A serial no other test uses, so tests never collide on (make, serial). */
  public static String uniqueSerial() {
    return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
  }

  public FirearmBuilder with(String field, Object value) {
    fields.put(field, value);
    return this;
  }

  public FirearmBuilder withSerial(String serial) {
    return with("serialNumber", serial);
  }

  public FirearmBuilder withMake(String make) {
    return with("make", make);
  }

  public FirearmBuilder imported(String importer, String country, int year) {
    return with("provenance", "IMPORTED")
        .with("importerName", importer)
        .with("importerAddress", "Av. Siempre Viva 742")
        .with("importCountry", country)
        .with("importYear", year);
  }

  public FirearmBuilder withMarking(String kind, String text, String location, String method) {
    hasMarkings = true;
    markings.add(
        Json.createObjectBuilder()
            .add("kind", kind)
            .add("text", text)
            .add("location", location)
            .add("method", method)
            .add("appliedOn", "2020-03-01")
            .add("appliedBy", "Arsenal 1"));
    return this;
  }

  public JsonObject build() {
    JsonObjectBuilder b = Json.createObjectBuilder();
    fields.forEach(
        (k, v) -> {
          if (v == null) {
            b.addNull(k);
          } else if (v instanceof Integer i) {
            b.add(k, i);
          } else {
            b.add(k, v.toString());
          }
        });
    if (hasMarkings) {
      b.add("markings", markings);
    }
    return b.build();
  }
}
