package org.traza.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One line of the audit log: who did what to which record, from where, and how it ended. Insert
 * only; its hash binds it to the entry before it.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  public static final String GENESIS_HASH = "0".repeat(64);
  public static final int DETAIL_MAX = 1000;

  @Id
  @Column(name = "id", updatable = false)
  private long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "actor", nullable = false, updatable = false, length = 64)
  private String actor;

  @Column(name = "action", nullable = false, updatable = false, length = 60)
  private String action;

  @Column(name = "target_type", nullable = false, updatable = false, length = 40)
  private String targetType;

  @Column(name = "target_id", updatable = false, length = 200)
  private String targetId;

  @Column(name = "client_address", updatable = false, length = 64)
  private String clientAddress;

  @Column(name = "outcome", nullable = false, updatable = false, length = 20)
  private String outcome;

  @Column(name = "detail", updatable = false, length = DETAIL_MAX)
  private String detail;

  @Column(name = "request_id", updatable = false, length = 64)
  private String requestId;

  @Column(name = "previous_hash", nullable = false, updatable = false, length = 64)
  private String previousHash;

  @Column(name = "entry_hash", nullable = false, updatable = false, length = 64)
  private String entryHash;

  protected AuditEntry() {}

  /** Builds the entry that follows {@code previousHash} as number {@code id} in the chain. */
  public AuditEntry(
      long id,
      Instant occurredAt,
      String actor,
      String action,
      String targetType,
      String targetId,
      String clientAddress,
      String outcome,
      String detail,
      String requestId,
      String previousHash) {
    this.id = id;
    // DATETIME(6) keeps microseconds: hash what the database will give back.
    this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    this.actor = clip(Objects.requireNonNull(actor), 64);
    this.action = clip(Objects.requireNonNull(action), 60);
    this.targetType = clip(Objects.requireNonNull(targetType), 40);
    this.targetId = clip(targetId, 200);
    this.clientAddress = clip(clientAddress, 64);
    this.outcome = Objects.requireNonNull(outcome);
    this.detail = clip(detail, DETAIL_MAX);
    this.requestId = clip(requestId, 64);
    this.previousHash = Objects.requireNonNull(previousHash);
    this.entryHash = computeHash();
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** SHA-256 over every field and the previous hash, in a fixed, unambiguous encoding. */
  public String computeHash() {
    StringBuilder canonical = new StringBuilder();
    for (Object field :
        new Object[] {
          id,
          occurredAt,
          actor,
          action,
          targetType,
          targetId,
          clientAddress,
          outcome,
          detail,
          requestId,
          previousHash
        }) {
      String s = field == null ? "\u0000" : field.toString();
      canonical.append(s.length()).append(':').append(s).append('|');
    }
    return org.traza.platform.entity.Sha256.hex(canonical.toString());
  }

  /** True when the stored hash matches the content and follows {@code expectedPrevious}. */
  public boolean isIntactAfter(String expectedPrevious) {
    return previousHash.equals(expectedPrevious) && entryHash.equals(computeHash());
  }

  public long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String targetType() {
    return targetType;
  }

  public String targetId() {
    return targetId;
  }

  public String clientAddress() {
    return clientAddress;
  }

  public String outcome() {
    return outcome;
  }

  public String detail() {
    return detail;
  }

  public String requestId() {
    return requestId;
  }

  public String previousHash() {
    return previousHash;
  }

  public String entryHash() {
    return entryHash;
  }
}
