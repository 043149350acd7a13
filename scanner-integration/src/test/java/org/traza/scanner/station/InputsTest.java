package org.traza.scanner.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputsTest {

  private static List<String> read(String sent, Inputs.Suffix suffix) {
    List<String> scans = new ArrayList<>();
    Inputs.lines(
        new ByteArrayInputStream(sent.getBytes(StandardCharsets.UTF_8)), suffix, scans::add);
    return scans;
  }

  @Test
  void eachSuffixEndsAScanAndBlankOnesAreIgnored() {
    assertThat(read("TZ1 A\rSN-2\r\r", Inputs.Suffix.CR)).containsExactly("TZ1 A", "SN-2");
    assertThat(read("A\r\nB\r\n", Inputs.Suffix.CRLF)).containsExactly("A", "B");
    assertThat(read("A\r\nB\r\n", Inputs.Suffix.LF))
        .as("CR of a CRLF scanner dropped")
        .containsExactly("A", "B");
    assertThat(read("A\tB\tC", Inputs.Suffix.TAB))
        .as("no suffix after C: not a scan yet")
        .containsExactly("A", "B");
  }

  @Test
  void aGs1SymbolKeepsItsSeparators() {
    String giai = "\u001d8004061414112345";
    assertThat(read(giai + "\n", Inputs.Suffix.LF)).containsExactly(giai);
  }
}
