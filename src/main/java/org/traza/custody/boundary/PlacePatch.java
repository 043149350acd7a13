package org.traza.custody.boundary;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Set;
import org.traza.platform.entity.ProblemException;

/**
 * A JSON merge patch of a location or a holder: only the fields that may change, a field sent as
 * null cleared (where it is optional), every other field left as it is.
 */
final class PlacePatch {

  /** JSON merge patch (RFC 7396); plain JSON is accepted too. */
  static final String MEDIA_TYPE = "application/merge-patch+json";

  private final JsonObject fields;

  private PlacePatch(JsonObject fields) {
    this.fields = fields;
  }

  /** Parses {@code body}; a field outside {@code changeable} is refused with {@code why}. */
  static PlacePatch parse(String body, Set<String> changeable, String why) {
    JsonObject o;
    try {
      JsonValue v = Json.createReader(new StringReader(body == null ? "" : body)).readValue();
      if (v.getValueType() != JsonValue.ValueType.OBJECT) {
        throw ProblemException.invalid("body", "a JSON object of the fields to change");
      }
      o = v.asJsonObject();
    } catch (JsonException | IllegalStateException e) {
      throw ProblemException.invalid("body", "a JSON object of the fields to change");
    }
    if (o.isEmpty()) {
      throw ProblemException.invalid("body", "name at least one of " + changeable);
    }
    for (String field : o.keySet()) {
      if (!changeable.contains(field)) {
        throw ProblemException.invalid(field, "cannot be changed: " + why);
      }
    }
    return new PlacePatch(o);
  }

  boolean has(String field) {
    return fields.containsKey(field);
  }

  /** A text field: trimmed, at most {@code max} characters; null only where it may be cleared. */
  String text(String field, int max, boolean clearable) {
    JsonValue v = fields.get(field);
    if (v.getValueType() == JsonValue.ValueType.NULL && clearable) {
      return null;
    }
    if (!(v instanceof JsonString s)
        || s.getString().isBlank()
        || s.getString().trim().length() > max) {
      throw ProblemException.invalid(
          field, (clearable ? "null or " : "") + "text of 1 to " + max + " characters");
    }
    return s.getString().trim();
  }

  /** A whole number from {@code min} to {@code max}, or null to clear it. */
  Integer number(String field, int min, int max) {
    JsonValue v = fields.get(field);
    if (v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonNumber n)
        || !n.isIntegral()
        || n.longValue() < min
        || n.longValue() > max) {
      throw ProblemException.invalid(field, "null or a whole number from " + min + " to " + max);
    }
    return n.intValue();
  }
}
