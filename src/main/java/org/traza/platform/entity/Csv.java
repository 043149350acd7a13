package org.traza.platform.entity;

import java.util.Arrays;
import java.util.stream.Collectors;

/** CSV for exports (RFC 4180, CRLF), safe to open in a spreadsheet. */
public final class Csv {

  private Csv() {}

  /** First characters that make a spreadsheet read a cell as a formula or shift it into one. */
  private static final String FORMULA_STARTS = "=+-@\t\r\n";

  /**
   * One cell, as OWASP's CSV injection guidance asks: a value a spreadsheet would take for a
   * formula (starting with =, +, -, @, a tab or a line break) is prefixed with an apostrophe and
   * quoted; any other value is quoted when it holds a quote, comma or line break.
   */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (!s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0) {
      return quoted("'" + s);
    }
    return s.matches("(?s).*[\",\r\n].*") ? quoted(s) : s;
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /** One line of cells, ending in CRLF. */
  public static String row(Object... values) {
    return Arrays.stream(values).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
  }
}
