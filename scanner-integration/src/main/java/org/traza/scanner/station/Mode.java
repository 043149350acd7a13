package org.traza.scanner.station;

import java.util.Locale;

/** What a scan does at the station: the custody action and the target it needs. */
public enum Mode {
  RECEIVE("RECEIVE", Target.LOCATION),
  ISSUE("ISSUE", Target.HOLDER),
  RETURN("RETURN", Target.LOCATION),
  MOVE("MOVE", Target.LOCATION),
  /** A blind stock count: each scan counts one item (target: the open count). */
  COUNT(null, Target.STOCK_COUNT),
  /** At a destruction site: each scan is checked against the order (target: the approved order). */
  DESTRUCTION_CHECK(null, Target.DESTRUCTION_ORDER);

  /** What a mode's scans go to: a location, a holder, an open stock count, an approved order. */
  public enum Target {
    LOCATION,
    HOLDER,
    STOCK_COUNT,
    DESTRUCTION_ORDER
  }

  private final String action;
  private final Target target;

  Mode(String action, Target target) {
    this.action = action;
    this.target = target;
  }

  /** The server's custody action; null for counts and destruction checks. */
  public String action() {
    return action;
  }

  /** Whether its scans are custody events (sent in batches) rather than count or site scans. */
  public boolean custody() {
    return action != null;
  }

  public Target target() {
    return target;
  }

  public static Mode parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "mode must be one of receive, issue, return, move, count, destruction-check (was "
              + s
              + ")");
    }
  }
}
