package org.traza.dashboard.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FiguresTest {

  @Test
  void a_confined_caller_counts_only_its_places_and_a_caller_with_none_counts_nothing() {
    assertThat(Figures.within("f.location_id", null)).isEmpty();
    assertThat(Figures.within("f.location_id", Set.of())).isEqualTo(" AND 1 = 0");
    assertThat(Figures.within("f.location_id", Set.of(12L, 3L)))
        .isEqualTo(" AND f.location_id IN (3,12)");
  }

  @Test
  void percentiles_are_nearest_rank_rounded_to_a_tenth_of_an_hour() {
    List<Double> hours = List.of(1.0, 2.0, 3.0, 4.0, 10.04);
    assertThat(Figures.percentile(hours, 0.5)).isEqualTo(3.0);
    assertThat(Figures.percentile(hours, 0.9)).isEqualTo(10.0);
    assertThat(Figures.percentile(List.of(7.25), 0.9)).isEqualTo(7.3);
  }
}
