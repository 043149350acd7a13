package org.traza.scanner.station;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StationTest {

  @Test
  void serverAnswersBecomeFeedbackOrARetry() {
    assertThat(Station.kind(new StationClient.ItemResult(0, 201, null, null, null)))
        .isEqualTo(Outcome.Kind.ACCEPTED);
    assertThat(Station.kind(new StationClient.ItemResult(0, 200, null, null, null)))
        .isEqualTo(Outcome.Kind.ALREADY_RECORDED);
    assertThat(
            Station.kind(
                new StationClient.ItemResult(
                    0, 409, "/problems/illegal-state-transition", "no", "ISSUED")))
        .isEqualTo(Outcome.Kind.ILLEGAL_ACTION);
    assertThat(
            Station.kind(
                new StationClient.ItemResult(
                    0,
                    400,
                    "/problems/validation-failed",
                    "invalid field scannedText: none",
                    null)))
        .isEqualTo(Outcome.Kind.UNKNOWN_SYMBOL);
    assertThat(
            Station.kind(
                new StationClient.ItemResult(0, 403, "/problems/outside-armoury", "", null)))
        .isEqualTo(Outcome.Kind.REFUSED);
    assertThat(
            Station.kind(
                new StationClient.ItemResult(0, 503, "/problems/database-unavailable", "", null)))
        .as("sent again")
        .isNull();
    assertThat(
            Station.kind(
                new StationClient.ItemResult(
                    0, 409, "/problems/concurrent-modification", "", null)))
        .as("sent again")
        .isNull();
  }

  @Test
  void aLocationLabelNamesItsCode() {
    assertThat(Station.locationLabel("LOC V-1/R3")).contains("V-1/R3");
    assertThat(Station.locationLabel("  LOC B-12 \r")).contains("B-12");
    assertThat(Station.locationLabel("LOC ")).isEmpty();
    assertThat(Station.locationLabel("SN-1")).isEmpty();
  }
}
