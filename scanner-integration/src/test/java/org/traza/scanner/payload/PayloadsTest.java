package org.traza.scanner.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadsTest {

  private static final char GS = 0x1D;
  private static final char RS = 0x1E;
  private static final char EOT = 0x04;

  private static final TrazaMarking GLOCK =
      new TrazaMarking(123_456, "GLOCK", "AT", 2019, "ABC12345", "AR", 2021, "PNP");

  @Test
  void a_traza_marking_round_trips_and_stays_small_enough_for_a_24x24_data_matrix() {
    String text = GLOCK.encode();
    assertThat(text)
        .startsWith("TZ1 2N9C GLOCK AT2019 ABC12345 IAR2021 SPNP ")
        .hasSizeLessThanOrEqualTo(54);
    assertThat(TrazaMarking.parse(text)).contains(GLOCK);
    assertThat(Payloads.detect(text)).contains(GLOCK);

    TrazaMarking minimal = new TrazaMarking(7, "TAURUS", "BR", 2020, "K7X91Q", null, null, null);
    assertThat(TrazaMarking.parse(minimal.encode())).contains(minimal);
    TrazaMarking yearUnknown =
        new TrazaMarking(8, "TAURUS", "BR", null, "K7X91R", null, null, null);
    assertThat(yearUnknown.encode()).startsWith("TZ1 8 TAURUS BR K7X91R ");
    assertThat(TrazaMarking.parse(yearUnknown.encode())).contains(yearUnknown);
  }

  @Test
  void a_misread_or_mistyped_traza_marking_is_refused_not_taken_for_a_serial() {
    String text = GLOCK.encode();
    String misread = text.replace("ABC12345", "ABC12845");
    String swapped = text.replace("AT2019", "AT2091");

    assertThat(TrazaMarking.parse(misread)).isEmpty();
    assertThat(Payloads.detect(misread)).isEmpty();
    assertThat(Payloads.detect(swapped)).isEmpty();
    assertThat(Payloads.detect(text.substring(0, text.length() - 2))).isEmpty();
  }

  @Test
  void traza_markings_refuse_fields_they_cannot_carry() {
    assertThatThrownBy(() -> new TrazaMarking(1, "ACME-X", "BR", 2020, "1", null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TrazaMarking(1, "ACME", "BR", 2020, "1", "AR", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TrazaMarking(0, "ACME", "BR", 2020, "1", null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void iso_15434_construct_1_and_2_round_trip_with_their_controls() {
    UniqueItemIdentifier c1 = UniqueItemIdentifier.construct1("0CVA5", "786950");
    assertThat(c1.encode()).isEqualTo("[)>" + RS + "06" + GS + "18S0CVA5786950" + RS + EOT);
    assertThat(c1.uii()).isEqualTo("D0CVA5786950");
    assertThat(Payloads.detect(c1.encode())).contains(c1);

    UniqueItemIdentifier c2 = UniqueItemIdentifier.construct2("1AB45", "M4A1-CARB", "W123456");
    assertThat(c2.encode())
        .isEqualTo(
            "[)>" + RS + "06" + GS + "17V1AB45" + GS + "1PM4A1-CARB" + GS + "SW123456" + RS + EOT);
    assertThat(c2.uii()).isEqualTo("D1AB45M4A1-CARBW123456");
    assertThat(UniqueItemIdentifier.parse(c2.encode())).contains(c2);
  }

  @Test
  void iso_15434_accepts_a_missing_eot_and_25s_but_refuses_broken_messages() {
    String withoutEot = "[)>" + RS + "06" + GS + "25SUN0789012345678" + RS;
    assertThat(UniqueItemIdentifier.parse(withoutEot))
        .map(UniqueItemIdentifier::uii)
        .contains("UN0789012345678");

    assertThat(UniqueItemIdentifier.parse("[)>" + RS + "06" + GS + "18S0CVA5786950")).isEmpty();
    assertThat(UniqueItemIdentifier.parse("[)>" + RS + "06" + GS + "1PONLYPART" + RS + EOT))
        .isEmpty();
    assertThat(UniqueItemIdentifier.parse("[)>" + RS + "05" + GS + "8004ABC" + RS + EOT)).isEmpty();
    assertThat(Payloads.detect("[)>" + RS + "06" + GS + "18S" + "X".repeat(60) + RS + EOT))
        .as("a UII over 50 characters")
        .isEmpty();
    assertThat(new UniqueItemIdentifier(Map.of("25S", "UN1")).elements()).containsKey("25S");
  }

  @Test
  void gs1_giai_is_read_from_symbols_and_from_its_human_readable_form() {
    Giai giai = new Giai("0614141ARS-000123");
    assertThat(Payloads.detect("]d2" + "8004" + "0614141ARS-000123")).contains(giai);
    assertThat(Payloads.detect(GS + "80040614141ARS-000123" + GS + "21XYZ")).contains(giai);
    assertThat(Payloads.detect("(8004)0614141ARS-000123")).contains(giai);
    assertThat(Giai.parse(giai.encode())).contains(giai);
    assertThat(Giai.parse("]Q3" + "8004" + "X".repeat(31))).isEmpty();
  }

  @Test
  void bare_digits_starting_with_8004_are_a_serial_not_a_giai() {
    assertThat(Payloads.detect("8004123456")).contains(new PlainIdentifier("8004123456"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc-123 45", "ABC12345", " abc12345 "})
  void anything_else_readable_is_a_plain_serial_in_normal_form(String typed) {
    assertThat(Payloads.detect(typed)).contains(new PlainIdentifier("ABC12345"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "AB#12", "Ünïcode"})
  void unreadable_text_has_no_payload(String typed) {
    assertThat(Payloads.detect(typed)).isEmpty();
  }
}
