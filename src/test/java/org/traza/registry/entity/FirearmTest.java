package org.traza.registry.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

class FirearmTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Make GLOCK = new Make("GLOCK", "Glock", "AT", NOW, "system");
  private static final Make TAURUS = new Make("TAURUS", "Taurus", "BR", NOW, "system");
  private static final FirearmType PISTOL = new FirearmType("PISTOL", "Pistol", NOW, "system");
  private static final Calibre NINE = new Calibre("9X19", "9x19mm", NOW, "system");
  private static final Calibre FORTY = new Calibre("40SW", ".40 S&W", NOW, "system");

  static Firearm.Description description(Make make, String serial, Provenance provenance) {
    return new Firearm.Description(
        PISTOL,
        make,
        "17",
        NINE,
        SerialNumber.of(serial),
        null,
        2019,
        provenance,
        null,
        null,
        null,
        null,
        "Policía Federal",
        "national registry",
        null,
        null,
        null);
  }

  private static Firearm registered() {
    return new Firearm(
        description(GLOCK, "abc-123", Provenance.MANUFACTURED_HERE), List.of(), NOW, "ana");
  }

  private static Firearm.Description withCalibreAndModel(
      Firearm.Description d, Calibre calibre, String model) {
    return new Firearm.Description(
        d.type(),
        d.make(),
        model,
        calibre,
        d.serial(),
        d.manufactureCountry(),
        d.manufactureYear(),
        d.provenance(),
        d.importerName(),
        d.importerAddress(),
        d.importCountry(),
        d.importYear(),
        d.owningAgency(),
        d.originator(),
        d.confidentiality(),
        d.useRestrictions(),
        d.notes());
  }

  @Test
  void registration_fills_in_the_makers_country_and_unrestricted_release() {
    Firearm f = registered();
    assertThat(f.status()).isEqualTo(FirearmStatus.REGISTERED);
    assertThat(f.manufactureCountry()).isEqualTo("AT");
    assertThat(f.confidentiality()).isEqualTo(Confidentiality.UNRESTRICTED);
    assertThat(f.serial().normalized()).isEqualTo("ABC123");
    assertThat(f.serial().asMarked()).isEqualTo("abc-123");
    assertThat(f.isVoided()).isFalse();
  }

  @Test
  void an_import_needs_importer_and_country_and_years_must_be_plausible() {
    var d = description(GLOCK, "X1", Provenance.IMPORTED);
    assertThatThrownBy(() -> new Firearm(d, List.of(), NOW, "ana"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p ->
                assertThat(p.violations())
                    .extracting(ProblemException.Violation::field)
                    .containsExactly("importerName", "importCountry"));

    var future =
        new Firearm.Description(
            PISTOL,
            GLOCK,
            "17",
            NINE,
            SerialNumber.of("X2"),
            null,
            2027,
            Provenance.FOUND,
            null,
            null,
            null,
            2020,
            null,
            "n",
            null,
            null,
            null);
    assertThatThrownBy(() -> new Firearm(future, List.of(), NOW, "ana"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p ->
                assertThat(p.violations())
                    .extracting(ProblemException.Violation::field)
                    .containsExactly("manufactureYear", "importYear"));
  }

  @Test
  void a_correction_keeps_one_row_per_changed_field_with_old_and_new_value() {
    Firearm f = registered();
    List<String> changed =
        f.correct(withCalibreAndModel(f.description(), FORTY, "22"), "misread", NOW, "sup");

    assertThat(changed).containsExactly("model", "calibre");
    assertThat(f.corrections())
        .extracting(
            c -> c.field() + ":" + c.oldValue() + "->" + c.newValue() + " by " + c.correctedBy())
        .containsExactly("model:17->22 by sup", "calibre:9X19->40SW by sup");
    assertThat(f.corrections()).allSatisfy(c -> assertThat(c.reason()).isEqualTo("misread"));
    assertThat(f.model()).isEqualTo("22");
    assertThat(f.updatedBy()).isEqualTo("sup");
  }

  @Test
  void a_correction_without_a_reason_changes_nothing() {
    Firearm f = registered();
    assertThatThrownBy(
            () -> f.correct(withCalibreAndModel(f.description(), FORTY, "22"), " ", NOW, "sup"))
        .isInstanceOf(ProblemException.class);
    assertThat(f.model()).isEqualTo("17");
    assertThat(f.corrections()).isEmpty();
  }

  @Test
  void a_voided_record_refuses_corrections_and_new_marks() {
    Firearm f = registered();
    f.voidRecord("entered twice", NOW, "sup");

    assertThat(f.isVoided()).isTrue();
    assertThat(f.voidReason()).isEqualTo("entered twice");
    assertThatThrownBy(() -> f.correct(f.description(), "x", NOW, "sup"))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.type()).isEqualTo(ProblemType.RECORD_VOIDED));
    assertThatThrownBy(
            () ->
                f.addMarking(
                    new FirearmMarking.Spec(
                        MarkingKind.RE_MARKING,
                        "M",
                        MarkingLocation.BARREL,
                        null,
                        null,
                        null,
                        null),
                    NOW,
                    "a"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> f.voidRecord("again", NOW, "sup"))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void serial_numbers_are_equal_when_their_normal_forms_are() {
    assertThat(SerialNumber.of("ab 12-3")).isEqualTo(SerialNumber.of("AB123"));
    assertThat(SerialNumber.of("AB123")).isNotEqualTo(SerialNumber.of("AB1234"));
    assertThatThrownBy(() -> SerialNumber.of("AB#1")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> SerialNumber.of("  ")).isInstanceOf(ProblemException.class);
    assertThat(TAURUS.country()).isEqualTo("BR");
  }

  @Test
  void reference_codes_are_upper_case_and_countries_are_iso_3166() {
    assertThat(new Calibre("9x19", "9mm", NOW, "a").code()).isEqualTo("9X19");
    assertThatThrownBy(() -> new Calibre("9 x 19", "9mm", NOW, "a"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> new Make("ACME", "Acme", "XX", NOW, "a"))
        .isInstanceOf(ProblemException.class);
    assertThat(CountryCodes.require("country", "br")).isEqualTo("BR");
    assertThat(CountryCodes.optional("country", " ")).isNull();
  }

  @Test
  void enumerations_parse_leniently_and_list_the_allowed_values_when_wrong() {
    assertThat(Codes.parse(Provenance.class, "provenance", "transferred-from-state"))
        .isEqualTo(Provenance.TRANSFERRED_FROM_STATE);
    assertThatThrownBy(() -> Codes.parse(MarkingKind.class, "kind", "BOGUS"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> assertThat(p.violations().get(0).message()).contains("BOGUS", "IMPORT"));
    assertThat(Codes.parseOptional(MarkingMethod.class, "method", null)).isNull();
  }
}
