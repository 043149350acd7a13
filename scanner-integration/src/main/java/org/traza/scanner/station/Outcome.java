package org.traza.scanner.station;

/** The feedback a station gives for one scan. */
public record Outcome(Kind kind, long seq, String text, String detail) {

  /** What became of the scan. */
  public enum Kind {
    /** Written to the journal; the server has not answered yet (offline, or not synced yet). */
    QUEUED(false),
    /** The server recorded the event. */
    ACCEPTED(true),
    /** The server had recorded it already (a retry after a lost answer): still exactly once. */
    ALREADY_RECORDED(true),
    /** No marking format accepts the text (a check character that fails, for instance). */
    UNKNOWN_SYMBOL(true),
    /** The weapon's state does not allow the mode's action; the detail names the state. */
    ILLEGAL_ACTION(true),
    /** The same marking was scanned again in this mode within the duplicate window. */
    DUPLICATE_SCAN(true),
    /** The server refused the scan for another reason (scope, a missing record). */
    REFUSED(true);

    private final boolean settled;

    Kind(boolean settled) {
      this.settled = settled;
    }

    /** Whether the scan is done with (nothing more will be sent for it). */
    public boolean settled() {
      return settled;
    }
  }

  /** A line for the operator. */
  public String line() {
    String what =
        switch (kind) {
          case QUEUED -> "QUEUED   ";
          case ACCEPTED -> "ACCEPTED ";
          case ALREADY_RECORDED -> "ACCEPTED ";
          case UNKNOWN_SYMBOL -> "UNKNOWN  ";
          case ILLEGAL_ACTION -> "REFUSED  ";
          case DUPLICATE_SCAN -> "DUPLICATE";
          case REFUSED -> "REFUSED  ";
        };
    return what + " #" + seq + " " + text + (detail == null ? "" : "  (" + detail + ")");
  }
}
