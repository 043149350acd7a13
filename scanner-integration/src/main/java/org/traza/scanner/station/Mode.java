package org.traza.scanner.station;

import java.util.Locale;

/** What a scan does at the station: the custody action and the target it needs. */
public enum Mode {
  RECEIVE("RECEIVE", Target.LOCATION),
  ISSUE("ISSUE", Target.HOLDER),
  RETURN("RETURN", Target.LOCATION),
  MOVE("MOVE", Target.LOCATION);

  /** What a mode's scans go to: a location (a vault, a rack) or a holder (an officer, a unit). */
  public enum Target {
    LOCATION,
    HOLDER
  }

  private final String action;
  private final Target target;

  Mode(String action, Target target) {
    this.action = action;
    this.target = target;
  }

  /** The server's custody action. */
  public String action() {
    return action;
  }

  public Target target() {
    return target;
  }

  public static Mode parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "mode must be one of receive, issue, return, move (was " + s + ")");
    }
  }
}
