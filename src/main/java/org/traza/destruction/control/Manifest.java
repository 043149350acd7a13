package org.traza.destruction.control;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON: object keys sorted, no white space, strings escaped as JSON requires, numbers as
 * integers. The same content always gives the same bytes, so that its signature can be checked by
 * anyone who rebuilds or extracts it.
 */
public final class Manifest {

  private Manifest() {}

  /** {@code value} (maps, lists, strings, numbers, booleans, null) as canonical JSON. */
  public static String canonical(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object v, StringBuilder out) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Map<?, ?> map) {
      out.append('{');
      String sep = "";
      for (var e : new TreeMap<>(stringKeys(map)).entrySet()) {
        out.append(sep).append(Json.createValue(e.getKey()));
        out.append(':');
        write(e.getValue(), out);
        sep = ",";
      }
      out.append('}');
    } else if (v instanceof List<?> list) {
      out.append('[');
      String sep = "";
      for (Object item : list) {
        out.append(sep);
        write(item, out);
        sep = ",";
      }
      out.append(']');
    } else if (v instanceof Boolean b) {
      out.append(b);
    } else if (v instanceof Integer || v instanceof Long) {
      out.append(v);
    } else if (v instanceof Number n) {
      out.append(new BigDecimal(n.toString()).toPlainString());
    } else {
      out.append(Json.createValue(v.toString()));
    }
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> m = new TreeMap<>();
    map.forEach((k, val) -> m.put(String.valueOf(k), val));
    return m;
  }
}
