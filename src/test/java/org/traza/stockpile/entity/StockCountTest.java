package org.traza.stockpile.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

class StockCountTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  @Test
  void a_count_is_signed_off_only_by_someone_who_took_no_part_in_it() {
    StockCount count = new StockCount(3, NOW, "ana");
    count.close(10, 9, NOW, "carla");
    for (String wrong : List.of("ana", "dario", "carla")) {
      assertThatThrownBy(() -> count.signOff(NOW, wrong, Set.of("dario")))
          .as(wrong)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.type()).isEqualTo(ProblemType.SEGREGATION_OF_DUTIES);
                assertThat(e.getMessage()).contains(wrong).contains("cannot also sign it off");
              });
    }
    count.signOff(NOW, "bruno", Set.of("dario"));
    assertThat(count.status()).isEqualTo(StockCount.Status.SIGNED_OFF);
    assertThat(count.signedOffBy()).isEqualTo("bruno");
  }

  @Test
  void a_closed_count_takes_no_scans_and_an_open_one_is_not_signed_off() {
    StockCount open = new StockCount(3, NOW, "ana");
    assertThatThrownBy(() -> open.signOff(NOW, "bruno", Set.of()))
        .isInstanceOf(ProblemException.class);
    open.close(1, 1, NOW, "ana");
    assertThatThrownBy(open::requireOpen)
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
  }

  @Test
  void a_case_is_resolved_once_and_an_unknown_symbol_is_not_reported_lost() {
    Discrepancy unknown =
        new Discrepancy(1L, 7L, Discrepancy.Kind.UNKNOWN, null, "XYZ", "no firearm", "ana", NOW);
    assertThatThrownBy(
            () -> unknown.resolve(Discrepancy.Resolution.REPORTED_LOST, null, NOW, "bruno"))
        .isInstanceOf(ProblemException.class);
    Discrepancy missing =
        new Discrepancy(1L, 7L, Discrepancy.Kind.MISSING, 42L, null, "not found", "ana", NOW);
    missing.resolve(Discrepancy.Resolution.FOUND, "behind the rack", NOW, "bruno");
    assertThat(missing.status()).isEqualTo(Discrepancy.Status.RESOLVED);
    assertThatThrownBy(
            () -> missing.resolve(Discrepancy.Resolution.RECORD_CORRECTED, null, NOW, "bruno"))
        .isInstanceOf(ProblemException.class);
  }
}
