package org.traza.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void neutralises_every_formula_start_owasp_names_with_an_apostrophe_in_a_quoted_cell() {
    assertThat(Csv.cell("=1+2")).isEqualTo("\"'=1+2\"");
    assertThat(Csv.cell("+1")).isEqualTo("\"'+1\"");
    assertThat(Csv.cell("-1")).isEqualTo("\"'-1\"");
    assertThat(Csv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    assertThat(Csv.cell("\t=cmd|' /C calc'!A0")).isEqualTo("\"'\t=cmd|' /C calc'!A0\"");
    assertThat(Csv.cell("\r=1+2")).isEqualTo("\"'\r=1+2\"");
    assertThat(Csv.cell("\n=1+2")).isEqualTo("\"'\n=1+2\"");
  }

  @Test
  void a_neutralised_cell_keeps_its_quotes_escaped() {
    assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
  }

  @Test
  void leaves_ordinary_values_alone_and_quotes_only_what_needs_it() {
    assertThat(Csv.cell(null)).isEmpty();
    assertThat(Csv.cell("")).isEmpty();
    assertThat(Csv.cell("AB-123")).isEqualTo("AB-123");
    assertThat(Csv.cell(42)).isEqualTo("42");
    assertThat(Csv.cell("a, b")).isEqualTo("\"a, b\"");
    assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.cell("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
  }

  @Test
  void a_row_joins_cells_with_commas_and_ends_in_crlf() {
    assertThat(Csv.row("a", "\t=1", null, 3)).isEqualTo("a,\"'\t=1\",,3\r\n");
  }
}
