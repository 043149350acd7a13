package org.traza.scanner.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanJournalTest {

  @TempDir Path dir;

  static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

  @Test
  void whatIsNotSettledIsPendingInScanOrderAfterReopening() {
    try (ScanJournal j = ScanJournal.open(dir)) {
      for (int i = 1; i <= 5; i++) {
        j.append("HH1-" + i, Mode.RECEIVE, 7, "SN-" + i, T.plusSeconds(i));
      }
      j.settle(2, Outcome.Kind.ACCEPTED, null);
      j.settle(4, Outcome.Kind.ILLEGAL_ACTION, "the weapon is ISSUED");
    }
    try (ScanJournal j = ScanJournal.open(dir)) {
      assertThat(j.pending(10)).extracting(Scan::seq).containsExactly(1L, 3L, 5L);
      assertThat(j.pending(2)).extracting(Scan::text).containsExactly("SN-1", "SN-3");
      Scan first = j.pending(1).get(0);
      assertThat(first.key()).isEqualTo("HH1-1");
      assertThat(first.mode()).isEqualTo(Mode.RECEIVE);
      assertThat(first.targetId()).isEqualTo(7);
      assertThat(first.deviceTime()).isEqualTo(T.plusSeconds(1));
      assertThat(j.append("HH1-6", Mode.ISSUE, 3, "SN-6", T).seq())
          .as("numbering goes on after a restart")
          .isEqualTo(6);
    }
  }

  @Test
  void aLineCutShortByACrashIsDroppedAndTheJournalStaysUsable() throws Exception {
    try (ScanJournal j = ScanJournal.open(dir)) {
      j.append("HH1-1", Mode.RECEIVE, 7, "SN-1", T);
      j.append("HH1-2", Mode.RECEIVE, 7, "SN-2", T);
    }
    Files.writeString(
        dir.resolve(ScanJournal.SCANS), "3\tHH1-3\tRECEIVE\t7\t2026-11", StandardOpenOption.APPEND);
    Files.writeString(dir.resolve(ScanJournal.SETTLED), "1\tACCEPT", StandardOpenOption.APPEND);
    try (ScanJournal j = ScanJournal.open(dir)) {
      assertThat(j.pending(10)).extracting(Scan::text).containsExactly("SN-1", "SN-2");
      j.append("HH1-3b", Mode.RECEIVE, 7, "SN-3", T);
      j.settle(1, Outcome.Kind.ACCEPTED, null);
    }
    try (ScanJournal j = ScanJournal.open(dir)) {
      assertThat(j.pending(10)).extracting(Scan::text).containsExactly("SN-2", "SN-3");
    }
  }

  @Test
  void textWithTabsNewlinesAndBackslashesSurvives() {
    String odd = "[)>\u001e06\u001d17V1ABC5\u001d1P\\X\t2\nS1\u001e\u0004";
    try (ScanJournal j = ScanJournal.open(dir)) {
      j.append("HH1-1", Mode.MOVE, 9, odd, T);
    }
    try (ScanJournal j = ScanJournal.open(dir)) {
      assertThat(j.pending(1).get(0).text()).isEqualTo(odd);
    }
  }

  @Test
  void aSettledJournalThatGrewIsStartedAfreshKeepingTheNumbering() throws Exception {
    try (ScanJournal j = ScanJournal.open(dir)) {
      j.append("HH1-1", Mode.RECEIVE, 7, "SN-1", T);
      j.settle(1, Outcome.Kind.ACCEPTED, null);
    }
    Files.writeString(
        dir.resolve(ScanJournal.SETTLED),
        "#" + "x".repeat((int) ScanJournal.COMPACT_BYTES) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Files.writeString(
        dir.resolve(ScanJournal.SCANS),
        "#" + "x".repeat((int) ScanJournal.COMPACT_BYTES) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (ScanJournal j = ScanJournal.open(dir)) {
      assertThat(Files.size(dir.resolve(ScanJournal.SCANS))).isLessThan(100);
      assertThat(j.append("HH1-2", Mode.RECEIVE, 7, "SN-2", T).seq()).isEqualTo(2);
    }
  }
}
