package org.traza.registry.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.traza.platform.entity.ProblemException;

class FirearmSearchTest {

  @Test
  void wildcards_become_like_patterns_around_normalised_parts() {
    assertThat(FirearmSearch.likePattern("ab-12*")).isEqualTo("AB12%");
    assertThat(FirearmSearch.likePattern("*12 345")).isEqualTo("%12345");
    assertThat(FirearmSearch.likePattern("A?3?5")).isEqualTo("A_3_5");
    assertThat(FirearmSearch.likePattern("b8o-12?4*")).isEqualTo("B8O12_4%");
  }

  @Test
  void a_pattern_of_stars_alone_or_foreign_characters_is_refused() {
    assertThatThrownBy(() -> FirearmSearch.likePattern("**")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> FirearmSearch.likePattern("A%B*"))
        .isInstanceOf(ProblemException.class);
  }
}
