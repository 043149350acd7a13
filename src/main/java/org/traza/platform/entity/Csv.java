package org.traza.platform.entity;

import java.util.Arrays;
import java.util.stream.Collectors;

/** CSV for exports (RFC 4180, CRLF), safe to open in a spreadsheet. */
public final class Csv {

  private Csv() {}

  /**
   * One cell: quoted when it holds a quote, comma or line break; a value a spreadsheet would take
   * for a formula (=, +, -, @) is prefixed with an apostrophe.
   */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    return s.matches("(?s).*[\",\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /** One line of cells, ending in CRLF. */
  public static String row(Object... values) {
    return Arrays.stream(values).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
  }
}
