package org.traza.custody.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One SHA-256 over every firearm's custody chain head, the custody ledger's state in a checkpoint:
 * the digest of the lines {@code "<firearm id> <seq> <head hash>\n"} of every firearm that has
 * events, in firearm id order. Built a line at a time, so any number of firearms fits in memory.
 */
public final class LedgerRoot {

  private final MessageDigest digest;
  private long firearms;
  private long lastFirearm = -1;

  public LedgerRoot() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /** Adds a firearm's head; firearms must come in increasing id order. */
  public void add(long firearmId, long seq, String hash) {
    if (firearmId <= lastFirearm) {
      throw new IllegalArgumentException("firearms out of order: " + firearmId);
    }
    lastFirearm = firearmId;
    firearms++;
    digest.update((firearmId + " " + seq + " " + hash + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  public long firearms() {
    return firearms;
  }

  /** The root, lower-case hex; the root of no firearms is the digest of nothing. */
  public String hex() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }
}
